import 'server-only';
import { closeAllRedis } from './cache/redis-client.mjs';
import { db } from './db/client';
import { releaseHeldLeases } from './db/lease';
import { errorMessage } from './errors';

/**
 * The last step of a graceful stop, once no request is in flight: hand back the leases this
 * process holds (others need not wait for them to expire), then close the database pool and the Redis clients.
 */
export async function shutdown(): Promise<void> {
  try {
    const released = await releaseHeldLeases();
    if (released) console.log(`[showreel] released ${released} lease(s)`);
  } catch (e) {
    console.warn(`[showreel] could not release leases: ${errorMessage(e)}`);
  }
  await db.$disconnect().catch(() => undefined);
  await closeAllRedis();
}

/** True once a stop has begun (set by scripts/server.mjs): readiness answers 503. */
export function isDraining(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for('showreel.draining')] === true;
}
