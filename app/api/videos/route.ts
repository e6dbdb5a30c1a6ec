import { z } from 'zod';
import { authenticated } from '@/lib/auth/guard';
import { jsonError, zodMessage } from '@/lib/http';
import { problemResponse } from '@/lib/http/problems';
import { recentVideos } from '@/lib/videos/recent';

export const dynamic = 'force-dynamic';

const query = z.object({ cursor: z.coerce.number().int().positive().optional() });

/** The picker's "Load more": the next page of recent videos after `cursor`. */
export async function GET(request: Request) {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError('bad_request', zodMessage(parsed.error));
  return authenticated(async ({ userId }) => {
    try {
      return Response.json(await recentVideos(userId, parsed.data.cursor ?? null), { headers: { 'Cache-Control': 'private, no-store' } });
    } catch (e) {
      return problemResponse(e);
    }
  });
}
