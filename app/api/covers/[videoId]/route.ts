import { jsonError } from '@/lib/http';
import { signedImageResponse } from '@/lib/http/image-redirect';
import { publicCover } from '@/lib/showcase/covers';
import { videoIdSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

/**
 * A stable cover URL of the app's own: redirects to the current signed TikTok URL, refreshing the
 * showcase's covers first when they are near their x-expires. Pages can be cached; this cannot go stale.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ videoId: string }> }) {
  const id = videoIdSchema.safeParse((await ctx.params).videoId);
  if (!id.success) return jsonError('bad_request', 'Not a video id.');
  return signedImageResponse(await publicCover(id.data), '/cover-placeholder.svg', 'No such video in a published showcase.');
}
