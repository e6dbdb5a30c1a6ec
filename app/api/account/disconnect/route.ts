import { disconnect } from '@/lib/account/lifecycle';
import { route } from '@/lib/api/route';
import { endAllSessions, getSession } from '@/lib/auth/session';

/** Revokes at TikTok, deletes the tokens, unpublishes the showcase and ends every session of the account. */
export const POST = route({ user: true }, async ({ userId }) => {
  await disconnect(userId);
  await endAllSessions(userId);
  (await getSession()).destroy();
  return Response.json({ ok: true });
});
