import { publicAvatar } from '@/lib/account/avatar';
import { methods, route } from '@/lib/api/route';
import { stableImageResponse } from '@/lib/images/serve';
import { handleParamsSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

/**
 * A stable avatar URL, like the covers': redirects to the app's copy of the creator's avatar
 * (`/img/{hash}/192.webp`), or the placeholder. Never to TikTok.
 */
const get = route({ params: handleParamsSchema, invalid: { params: 'Not a handle.' } }, async ({ params }) =>
  stableImageResponse('avatar', await publicAvatar(params.handle), 'No such published showcase.'),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
