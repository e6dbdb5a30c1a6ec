import { route } from '@/lib/api/route';
import { imageParamsSchema, imageResponse } from '@/lib/images/serve';

export const dynamic = 'force-dynamic';

/**
 * A copy of a cover or avatar, `/img/{hash}/{width}.webp`, from the app's own store: immutable
 * (the hash names the content), with an ETag. Visitors' browsers never reach TikTok for a picture.
 */
export const GET = route({ params: imageParamsSchema, invalid: { params: 'No such image.' } }, async ({ request, params }) =>
  imageResponse(request, params.hash, params.file),
);
