import { deleteUserData } from '@/lib/account/lifecycle';
import { refuseCrossSite } from '@/lib/auth/guard';
import { getSession } from '@/lib/auth/session';
import { jsonError } from '@/lib/http';

/** Removes the user and everything stored about them. Repeating it is harmless. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const session = await getSession();
  if (!session.userId) return jsonError('unauthorized', 'Please sign in.');
  await deleteUserData(session.userId);
  session.destroy();
  return Response.json({ ok: true });
}
