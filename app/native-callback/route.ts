import { completeSignIn } from '@/lib/account/sign-in';
import { methods, route } from '@/lib/api/route';
import { SIGN_IN_FAILURES } from '@/lib/api/sign-in-failures';
import { createHandoff, deeplink } from '@/lib/native/handoff';
import { env } from '@/lib/platform/config/env';
import { errorPage } from '@/lib/platform/http/error-page';

export const dynamic = 'force-dynamic';

function toApp(location: string) {
  return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
}

/**
 * TikTok returns here inside the app's secure browser session. The code is exchanged on the server;
 * the app gets only a 60-second, single-use handoff code in `<scheme>://oauth/auth?handoff=…`.
 */
const get = route({ page: true, signingIn: true }, async ({ request }) => {
  const result = await completeSignIn('native', new URL(request.url).searchParams);
  const scheme = result.scheme && env().nativeAppSchemes.includes(result.scheme) ? result.scheme : null;
  if (!result.ok) {
    if (scheme) return toApp(deeplink(scheme, { error: result.reason }));
    const text = SIGN_IN_FAILURES[result.reason];
    return errorPage(text.status, text.title, 'Please go back to the app and start signing in again.');
  }
  if (!scheme) return errorPage(400, 'Unknown app', 'This app is not allowed to sign in with Showreel.');
  // Started without a challenge (refused at the start since it became required): no code to hand out.
  if (!result.handoffChallenge) return toApp(deeplink(scheme, { error: 'invalid_state' }));
  return toApp(deeplink(scheme, { handoff: await createHandoff(result.userId, result.handoffChallenge) }));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
