import { methods, route } from '@/lib/api/route';
import { HttpError } from '@/lib/platform/http/errors';
import { limitRefreshNow } from '@/lib/platform/limits/policies';
import { listShowcases } from '@/lib/showcase/showcases';
import { syncCreatorNow } from '@/lib/sync/run';

export const dynamic = 'force-dynamic';

/** "Refresh now": the creator synced at once (at most once a minute), rules re-evaluated. */
const post = route({ user: true, limit: { what: 'refreshes', check: ({ userId }) => limitRefreshNow(userId) } }, async ({ userId }) => {
  const outcome = await syncCreatorNow(userId);
  if (outcome.result === 'failed') throw new HttpError('unavailable', `Could not refresh from TikTok: ${outcome.message}`);
  return Response.json({ refreshed: outcome.result === 'done', showcases: await listShowcases(userId) }, { headers: { 'Cache-Control': 'private, no-store' } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
