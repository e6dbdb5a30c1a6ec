import { publicAvatar } from '@/lib/account/avatar';
import { jsonError } from '@/lib/http';
import { signedImageResponse } from '@/lib/http/image-redirect';
import { handleSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

/**
 * A stable avatar URL for the public page, like the covers': redirects to the creator's current
 * signed TikTok avatar, re-reading the profile first when it is near its x-expires.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ handle: string }> }) {
  const handle = handleSchema.safeParse((await ctx.params).handle);
  if (!handle.success) return jsonError('bad_request', 'Not a handle.');
  return signedImageResponse(await publicAvatar(handle.data), '/avatar-placeholder.svg', 'No such published showcase.');
}
