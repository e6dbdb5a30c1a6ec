import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { jsonError } from '@/lib/http';
import { runSync } from '@/lib/sync/run';

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
export async function GET(request: Request) {
  if (!authorized(request.headers.get('authorization'))) return jsonError('unauthorized', 'A valid cron secret is required.');
  const all = new URL(request.url).searchParams.get('all') === '1';
  return Response.json({ summary: await runSync({ all }) }, { headers: { 'Cache-Control': 'no-store' } });
}
