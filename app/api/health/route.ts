import { readiness } from '@/lib/health';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/health`: liveness (the process answers). `GET /api/health?ready=1`: readiness, also
 * asking the database and Redis when configured; 503 when one of them is down or the server stops.
 */
export async function GET(request: Request) {
  const headers = { 'Cache-Control': 'no-store' };
  if (new URL(request.url).searchParams.get('ready') !== '1') return Response.json({ ok: true }, { headers });
  const { ready, checks } = await readiness();
  return Response.json({ ok: ready, checks }, { status: ready ? 200 : 503, headers });
}
