import { deleteUserData } from '@/lib/account/lifecycle';
import { refuseCrossSite } from '@/lib/auth/guard';
import { currentUserId, getSession } from '@/lib/auth/session';
import { jsonError } from '@/lib/http';

/** Removes the user and everything stored about them (every session ends with the account). Repeating it is harmless. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const userId = await currentUserId();
  const session = await getSession();
  if (!userId) {
    session.destroy();
    return jsonError('unauthorized', 'Please sign in.');
  }
  await deleteUserData(userId);
  session.destroy();
  return Response.json({ ok: true });
}
