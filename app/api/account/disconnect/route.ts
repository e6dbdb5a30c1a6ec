import { disconnect } from '@/lib/account/lifecycle';
import { methods, route } from '@/lib/api/route';
import { endAllSessions, getSession } from '@/lib/auth/session';

/** Revokes at TikTok, deletes the tokens, unpublishes the showcase and ends every session of the account. */
const post = route({ user: true }, async ({ userId }) => {
  await disconnect(userId);
  await endAllSessions(userId);
  (await getSession()).destroy();
  return Response.json({ ok: true });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
