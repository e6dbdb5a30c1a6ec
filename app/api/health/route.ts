import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers and the test runner: the database answers. */
export async function GET() {
  await db.$queryRaw`SELECT 1`;
  return Response.json({ ok: true });
}
