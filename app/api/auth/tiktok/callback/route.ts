import { completeAuthorization, FAILURE_TEXT } from '@/lib/auth/oauth';
import { startSession } from '@/lib/auth/session';
import { errorPage } from '@/lib/http/error-page';

export const dynamic = 'force-dynamic';

/** TikTok sends the browser back here with ?code&scopes&state, or ?error. */
export async function GET(request: Request) {
  const result = await completeAuthorization('web', new URL(request.url).searchParams);
  if (!result.ok) {
    const text = FAILURE_TEXT[result.reason];
    return errorPage(text.status, text.title, text.message, { href: '/api/auth/tiktok', label: 'Try again' });
  }
  await startSession(result.userId);
  return new Response(null, { status: 303, headers: { Location: result.returnTo ?? '/dashboard', 'Cache-Control': 'no-store' } });
}
