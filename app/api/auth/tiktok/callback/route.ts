import { completeSignIn } from '@/lib/account/sign-in';
import { methods, route } from '@/lib/api/route';
import { SIGN_IN_FAILURES } from '@/lib/api/sign-in-failures';
import { startSession } from '@/lib/auth/session';
import { errorPage } from '@/lib/platform/http/error-page';

export const dynamic = 'force-dynamic';

/** TikTok sends the browser back here with ?code&scopes&state, or ?error. */
const get = route({ page: true, signingIn: true }, async ({ request }) => {
  const result = await completeSignIn('web', new URL(request.url).searchParams);
  if (!result.ok) {
    const text = SIGN_IN_FAILURES[result.reason];
    return errorPage(text.status, text.title, text.message, { href: '/api/auth/tiktok', label: 'Try again' });
  }
  await startSession(result.userId);
  return new Response(null, { status: 303, headers: { Location: result.returnTo ?? '/dashboard', 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
