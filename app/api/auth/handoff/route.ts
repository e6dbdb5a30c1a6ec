import { refuseCrossSite } from '@/lib/auth/guard';
import { startSession } from '@/lib/auth/session';
import { jsonError, readJson, zodMessage } from '@/lib/http';
import { redeemHandoff } from '@/lib/native/handoff';
import { handoffInputSchema } from '@/lib/native/schema';

/** The webview trades a handoff code for the normal session cookie. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = handoffInputSchema.safeParse(body.value);
  if (!parsed.success) return jsonError('bad_request', zodMessage(parsed.error));
  const userId = await redeemHandoff(parsed.data.handoff);
  if (!userId) return jsonError('bad_request', 'This sign-in link has expired or was already used. Please sign in again from the app.');
  await startSession(userId);
  return Response.json({ ok: true, redirectTo: '/dashboard' });
}
