import { methods, route } from '@/lib/api/route';
import { healthQuerySchema, readiness } from '@/lib/platform/health';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/health`: liveness (the process answers). `GET /api/health?ready=1`: readiness, also
 * asking the database and Redis when configured; 503 when one of them is down or the server stops.
 */
const get = route({ query: healthQuerySchema }, async ({ query }) => {
  const headers = { 'Cache-Control': 'no-store' };
  if (query.ready !== '1') return Response.json({ ok: true }, { headers });
  const { ready, checks } = await readiness();
  return Response.json({ ok: ready, checks }, { status: ready ? 200 : 503, headers });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
