import { disconnect } from '@/lib/account/lifecycle';
import { mutation } from '@/lib/auth/guard';
import { endAllSessions, getSession } from '@/lib/auth/session';

/** Revokes at TikTok, deletes the tokens, unpublishes the showcase and ends every session of the account. */
export async function POST(request: Request) {
  return mutation(request, async ({ userId }) => {
    await disconnect(userId);
    await endAllSessions(userId);
    (await getSession()).destroy();
    return Response.json({ ok: true });
  });
}
