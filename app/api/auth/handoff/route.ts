import { refuseCrossSite } from '@/lib/auth/guard';
import { startSession } from '@/lib/auth/session';
import { jsonError, readJson, zodMessage } from '@/lib/http';
import { redeemHandoff } from '@/lib/native/handoff';
import { handoffInputSchema } from '@/lib/native/schema';

/** The webview trades a handoff code, and the verifier only its app knows, for the normal session cookie. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = handoffInputSchema.safeParse(body.value);
  if (!parsed.success) return jsonError('bad_request', zodMessage(parsed.error));
  const redeemed = await redeemHandoff(parsed.data.handoff, parsed.data.verifier);
  if (!redeemed.ok) {
    return jsonError(
      'bad_request',
      redeemed.reason === 'wrong_verifier'
        ? 'This sign-in link was not opened by the app that started the sign-in, so it no longer works. Please sign in again from the app.'
        : 'This sign-in link has expired or was already used. Please sign in again from the app.',
    );
  }
  await startSession(redeemed.userId);
  return Response.json({ ok: true, redirectTo: '/dashboard' });
}
