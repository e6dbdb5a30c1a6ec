import { publicAvatar } from '@/lib/account/avatar';
import { methods, route } from '@/lib/api/route';
import { signedImageResponse } from '@/lib/images/redirect';
import { handleParamsSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

/**
 * A stable avatar URL for the public page, like the covers': redirects to the creator's current
 * signed TikTok avatar, re-reading the profile first when it is near its x-expires.
 */
const get = route({ params: handleParamsSchema, invalid: { params: 'Not a handle.' } }, async ({ params }) =>
  signedImageResponse(await publicAvatar(params.handle), '/avatar-placeholder.svg', 'No such published showcase.'),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
