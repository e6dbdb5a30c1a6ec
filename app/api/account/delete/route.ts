import { deleteUserData } from '@/lib/account/lifecycle';
import { methods, route } from '@/lib/api/route';
import { getSession } from '@/lib/auth/session';

/** Removes the user and everything stored about them (every session ends with the account). Repeating it is harmless. */
const post = route({ user: true }, async ({ userId }) => {
  await deleteUserData(userId);
  (await getSession()).destroy();
  return Response.json({ ok: true });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
