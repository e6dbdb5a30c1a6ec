import { isSameOrigin } from '@/lib/auth/guard';
import { getSession } from '@/lib/auth/session';
import { jsonError } from '@/lib/http';

/** Ends the session. A form post lands on the home page; a fetch gets JSON. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return jsonError('forbidden', 'Cross-site requests are not allowed.');
  (await getSession()).destroy();
  if ((request.headers.get('accept') ?? '').includes('text/html')) {
    return new Response(null, { status: 303, headers: { Location: '/' } });
  }
  return Response.json({ ok: true });
}
