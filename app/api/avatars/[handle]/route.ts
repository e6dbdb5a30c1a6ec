import { publicAvatar } from '@/lib/account/avatar';
import { jsonError } from '@/lib/http';
import { handleSchema } from '@/lib/showcase/schema';
import { redirectToSignedUrl } from '@/lib/signed-url';

export const dynamic = 'force-dynamic';

const PLACEHOLDER = '/avatar-placeholder.svg';

/**
 * A stable avatar URL for the public page, like the covers': redirects to the creator's current
 * signed TikTok avatar, re-reading the profile first when it is near its x-expires.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ handle: string }> }) {
  const handle = handleSchema.safeParse((await ctx.params).handle);
  if (!handle.success) return jsonError('bad_request', 'Not a handle.');
  const avatar = await publicAvatar(handle.data);
  if (avatar === undefined) return jsonError('not_found', 'No such published showcase.');
  return redirectToSignedUrl(avatar, PLACEHOLDER);
}
