import { methods, route } from '@/lib/api/route';
import { startAuthorization } from '@/lib/auth/oauth';
import { startQuerySchema } from '@/lib/auth/schema';
import { env } from '@/lib/platform/config/env';
import { HttpError } from '@/lib/platform/http/errors';
import { limitAnonymousStart } from '@/lib/platform/limits/policies';
import { browserId } from '@/lib/qr/browser';

export const dynamic = 'force-dynamic';

const refuse = (title: string, message: string) => new HttpError('bad_request', message, { title });

/** Starts Login Kit: a top-level redirect to TikTok's authorize page with state and PKCE. */
const get = route(
  {
    page: true,
    // Only a person's click counts against the limit: 35 hidden <img src=/api/auth/tiktok> on another
    // site would otherwise lock everyone behind the same address out of signing in for a minute.
    navigation: true,
    query: startQuerySchema,
    limit: { what: 'sign-in attempts', check: async ({ request }) => limitAnonymousStart(request, 'signInStart', await browserId(false)) },
  },
  async ({ query: { platform, scheme, returnTo, handoff_challenge: handoffChallenge } }) => {
    if (platform === 'native' && (!scheme || !env().nativeAppSchemes.includes(scheme))) {
      throw refuse('Unknown app', 'This app is not allowed to sign in with Showreel. Please update the app or contact its developer.');
    }
    if (platform === 'native' && !handoffChallenge) {
      throw refuse('This app needs an update', 'A native sign-in must carry handoff_challenge (S256). Please update the app or contact its developer.');
    }
    const url = await startAuthorization(platform === 'native' ? { platform, scheme, handoffChallenge, returnTo } : { platform, returnTo });
    return new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': 'no-store' } });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
