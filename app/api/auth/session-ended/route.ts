import { getSession } from '@/lib/auth/session';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

/**
 * Where the dashboard sends a session whose account no longer exists: the cookie is cleared and the
 * browser lands on the home page. A session of an existing account is left alone, so a link here
 * from another site can sign nobody out.
 */
export async function GET() {
  const session = await getSession();
  const alive = session.userId && (await db.user.findUnique({ where: { id: session.userId }, select: { id: true } }));
  if (!alive) session.destroy();
  return new Response(null, { status: 303, headers: { Location: alive ? '/dashboard' : '/' } });
}
