import { methods, route } from '@/lib/api/route';
import { limitVideosByLink } from '@/lib/platform/limits/policies';
import { addVideoByLink } from '@/lib/videos/by-link';
import { byLinkInputSchema } from '@/lib/videos/schema';

export const dynamic = 'force-dynamic';

/** "Add by link": one of the creator's own videos by its TikTok link (checked through oEmbed), for a showcase without video.list. */
const post = route(
  { user: true, body: byLinkInputSchema, limit: { what: 'videos added by link', check: ({ userId }) => limitVideosByLink(userId) } },
  async ({ userId, body }) => Response.json({ video: await addVideoByLink(userId, body.url) }, { status: 201, headers: { 'Cache-Control': 'no-store' } }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
