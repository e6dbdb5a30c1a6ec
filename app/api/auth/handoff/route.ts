import { methods, route } from '@/lib/api/route';
import { startSession } from '@/lib/auth/session';
import { redeemHandoff } from '@/lib/native/handoff';
import { handoffInputSchema } from '@/lib/native/schema';
import { HttpError } from '@/lib/platform/http/errors';

const REFUSALS = {
  wrong_verifier: 'This sign-in link was not opened by the app that started the sign-in, so it no longer works. Please sign in again from the app.',
  expired: 'This sign-in link has expired or was already used. Please sign in again from the app.',
};

/** The webview trades a handoff code, and the verifier only its app knows, for the normal session cookie. */
const post = route({ body: handoffInputSchema }, async ({ body }) => {
  const redeemed = await redeemHandoff(body.handoff, body.verifier);
  if (!redeemed.ok) throw new HttpError('bad_request', REFUSALS[redeemed.reason]);
  await startSession(redeemed.userId);
  return Response.json({ ok: true, redirectTo: '/dashboard' });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
