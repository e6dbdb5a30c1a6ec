import { methods, route } from '@/lib/api/route';
import { logoutQuerySchema } from '@/lib/auth/schema';
import { currentUserId, endAllSessions, getSession } from '@/lib/auth/session';

/**
 * Ends this browser's session; with `?everywhere=1`, every session of the account on every device
 * (a copied cookie included). A form post lands on the home page; a fetch gets JSON.
 */
const post = route({ query: logoutQuerySchema, invalid: { query: 'everywhere must be 0 or 1.' } }, async ({ request, query }) => {
  const userId = await currentUserId();
  if (userId && query.everywhere === '1') await endAllSessions(userId);
  (await getSession()).destroy();
  if ((request.headers.get('accept') ?? '').includes('text/html')) {
    return new Response(null, { status: 303, headers: { Location: '/' } });
  }
  return Response.json({ ok: true });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
