import { refuseCrossSite } from '@/lib/auth/guard';
import { getSession } from '@/lib/auth/session';

/** Ends the session. A form post lands on the home page; a fetch gets JSON. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  (await getSession()).destroy();
  if ((request.headers.get('accept') ?? '').includes('text/html')) {
    return new Response(null, { status: 303, headers: { Location: '/' } });
  }
  return Response.json({ ok: true });
}
