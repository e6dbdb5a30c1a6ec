import { methods, route } from '@/lib/api/route';
import { signedImageResponse } from '@/lib/images/redirect';
import { publicCover } from '@/lib/showcase/covers';
import { videoParamsSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

/**
 * A stable cover URL of the app's own: redirects to the current signed TikTok URL, refreshing the
 * showcase's covers first when they are near their x-expires. Pages can be cached; this cannot go stale.
 */
const get = route({ params: videoParamsSchema, invalid: { params: 'Not a video id.' } }, async ({ params }) =>
  signedImageResponse(await publicCover(params.videoId), '/cover-placeholder.svg', 'No such video in a published showcase.'),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
