import { z } from 'zod';
import { refuseCrossSite } from '@/lib/auth/guard';
import { currentUserId, endAllSessions, getSession } from '@/lib/auth/session';
import { jsonError } from '@/lib/http';

const logoutQuerySchema = z.object({ everywhere: z.enum(['0', '1']).default('0') });

/**
 * Ends this browser's session; with `?everywhere=1`, every session of the account on every device
 * (a copied cookie included). A form post lands on the home page; a fetch gets JSON.
 */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const query = logoutQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError('bad_request', 'everywhere must be 0 or 1.');
  const userId = await currentUserId();
  if (userId && query.data.everywhere === '1') await endAllSessions(userId);
  (await getSession()).destroy();
  if ((request.headers.get('accept') ?? '').includes('text/html')) {
    return new Response(null, { status: 303, headers: { Location: '/' } });
  }
  return Response.json({ ok: true });
}
