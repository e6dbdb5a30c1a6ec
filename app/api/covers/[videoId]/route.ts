import { methods, route } from '@/lib/api/route';
import { stableImageResponse } from '@/lib/images/serve';
import { publicCover } from '@/lib/showcase/covers';
import { videoParamsSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

/**
 * A stable cover URL of the app's own, for old embeds and API clients: redirects to the app's copy
 * of the cover (`/img/{hash}/720.webp`), or the placeholder. Never to TikTok.
 */
const get = route({ params: videoParamsSchema, invalid: { params: 'Not a video id.' } }, async ({ params }) =>
  stableImageResponse('cover', await publicCover(params.videoId), 'No such video in a published showcase.'),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
