import { methods, route } from '@/lib/api/route';
import { limitRecentVideos } from '@/lib/platform/limits/policies';
import { recentVideos } from '@/lib/videos/recent';
import { recentVideosQuerySchema } from '@/lib/videos/schema';

export const dynamic = 'force-dynamic';

/** The picker's "Load more": the next page of recent videos after `cursor`. */
const get = route(
  {
    user: true,
    query: recentVideosQuerySchema,
    // Each page is a video/list call from the budget every creator shares.
    limit: { what: 'video list requests', check: ({ userId }) => limitRecentVideos(userId) },
  },
  async ({ userId, query }) => Response.json(await recentVideos(userId, query.cursor ?? null), { headers: { 'Cache-Control': 'private, no-store' } }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
