import { methods, route } from '@/lib/api/route';
import { currentUserId, getSession } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/**
 * Where the dashboard sends a session that no longer counts (the account is gone, or its sessions
 * were ended everywhere): the cookie is cleared and the browser lands on the home page. A session
 * that still counts is left alone, so a link here from another site can sign nobody out.
 */
const get = route({ page: true }, async () => {
  const alive = await currentUserId();
  if (!alive) (await getSession()).destroy();
  return new Response(null, { status: 303, headers: { Location: alive ? '/dashboard' : '/' } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
