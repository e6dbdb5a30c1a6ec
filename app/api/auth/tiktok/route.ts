import { startAuthorization } from '@/lib/auth/oauth';
import { startQuerySchema } from '@/lib/auth/start-schema';
import { env } from '@/lib/env';
import { errorPage } from '@/lib/http/error-page';
import { limitAnonymousStart } from '@/lib/limits/policies';
import { browserId } from '@/lib/qr/browser';

export const dynamic = 'force-dynamic';

/** Starts Login Kit: a top-level redirect to TikTok's authorize page with state and PKCE. */
export async function GET(request: Request) {
  const verdict = await limitAnonymousStart(request, 'signInStart', await browserId(false));
  if (!verdict.ok) {
    const page = errorPage(429, 'Too many sign-in attempts', `Please wait ${verdict.retryAfterSeconds} seconds and try again.`);
    page.headers.set('Retry-After', String(verdict.retryAfterSeconds));
    return page;
  }
  const parsed = startQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorPage(400, 'That sign-in link is not valid', parsed.error.issues[0].message);
  const { platform, scheme, returnTo, handoff_challenge: handoffChallenge } = parsed.data;
  if (platform === 'native' && (!scheme || !env().nativeAppSchemes.includes(scheme))) {
    return errorPage(400, 'Unknown app', 'This app is not allowed to sign in with Showreel. Please update the app or contact its developer.');
  }
  if (platform === 'native' && !handoffChallenge) {
    return errorPage(400, 'This app needs an update', 'A native sign-in must carry handoff_challenge (S256). Please update the app or contact its developer.');
  }
  const url = await startAuthorization(platform === 'native' ? { platform, scheme, handoffChallenge, returnTo } : { platform, returnTo });
  return new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': 'no-store' } });
}
