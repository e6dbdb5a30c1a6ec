import { createHash, timingSafeEqual } from 'node:crypto';
import { methods, route } from '@/lib/api/route';
import { env } from '@/lib/platform/config/env';
import { HttpError } from '@/lib/platform/http/errors';
import { runSync } from '@/lib/sync/run';
import { cronQuerySchema } from '@/lib/sync/schema';

export const dynamic = 'force-dynamic';
export const maxDuration = 300;

function authorized(header: string | null): boolean {
  const secret = env().cronSecret;
  const given = header?.match(/^Bearer (.+)$/)?.[1];
  if (!secret || !given) return false;
  // Compare digests so neither length nor content leaks through timing.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

/** Background sync for hosted crons: `Authorization: Bearer $CRON_SECRET`. */
// The sync's many TikTok calls run for as long as the route may (maxDuration), not one request's deadline.
const get = route({ query: cronQuerySchema, deadline: false }, async ({ request, query }) => {
  if (!authorized(request.headers.get('authorization'))) throw new HttpError('unauthorized', 'A valid cron secret is required.');
  return Response.json({ summary: await runSync({ all: query.all === '1' }) }, { headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
