import { db } from '@/lib/db';
import { jsonError } from '@/lib/http';
import { ensureFreshCovers } from '@/lib/showcase/covers';
import { videoIdSchema } from '@/lib/showcase/schema';
import { nearExpiry, redirectToSignedUrl } from '@/lib/signed-url';

export const dynamic = 'force-dynamic';

const PLACEHOLDER = '/cover-placeholder.svg';

async function find(id: string) {
  return db.video.findFirst({
    where: { id, available: true, user: { published: true } },
    select: { userId: true, coverUrl: true, coverExpiresAt: true },
  });
}

/**
 * A stable cover URL of the app's own: redirects to the current signed TikTok URL, refreshing the
 * showcase's covers first when they are near their x-expires. Pages can be cached; this cannot go stale.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const id = videoIdSchema.safeParse((await ctx.params).videoId);
  if (!id.success) return jsonError('bad_request', 'Not a video id.');
  let video = await find(id.data);
  if (!video) return jsonError('not_found', 'No such video in a published showcase.');
  if (nearExpiry(video.coverExpiresAt)) {
    await ensureFreshCovers(video.userId);
    video = (await find(id.data)) ?? video;
  }
  const usable = video.coverUrl && video.coverExpiresAt.getTime() > Date.now();
  return redirectToSignedUrl(usable ? { url: video.coverUrl, expiresAt: video.coverExpiresAt } : null, PLACEHOLDER);
}
