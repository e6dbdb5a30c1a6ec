import { methods, route } from '@/lib/api/route';
import { currentUserId, startSession } from '@/lib/auth/session';
import { accountName, peekHandoff, redeemHandoff } from '@/lib/native/handoff';
import { handoffInputSchema } from '@/lib/native/schema';
import { HttpError } from '@/lib/platform/http/errors';

const REFUSALS = {
  wrong_verifier: 'This sign-in link was not opened by the app that started the sign-in, so it no longer works. Please sign in again from the app.',
  expired: 'This sign-in link has expired or was already used. Please sign in again from the app.',
};

/**
 * The webview trades a handoff code, and the verifier only its app knows, for the normal session
 * cookie. A browser already signed in to another account is never switched silently (someone could
 * send a person their own sign-in link): the answer is 409 naming both accounts, and only a second
 * request with `confirm: true`, sent when the person chose to switch, redeems the code.
 */
const post = route({ body: handoffInputSchema }, async ({ body }) => {
  const current = await currentUserId();
  if (current && !body.confirm) {
    const peeked = await peekHandoff(body.handoff, body.verifier);
    if (!peeked.ok) throw new HttpError('bad_request', REFUSALS[peeked.reason]);
    if (peeked.userId !== current) {
      const [signedInAs, continueAs] = await Promise.all([accountName(current), accountName(peeked.userId)]);
      if (signedInAs && continueAs) {
        throw new HttpError(
          'conflict',
          `This browser is signed in as ${signedInAs.displayName} (@${signedInAs.handle}). Continue as ${continueAs.displayName} (@${continueAs.handle})?`,
          {
            extra: { signedInAs, continueAs },
          },
        );
      }
    }
  }
  const redeemed = await redeemHandoff(body.handoff, body.verifier);
  if (!redeemed.ok) throw new HttpError('bad_request', REFUSALS[redeemed.reason]);
  await startSession(redeemed.userId);
  return Response.json({ ok: true, redirectTo: '/dashboard' });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
