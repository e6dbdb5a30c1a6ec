import 'server-only';
import { redis } from '../cache/redis';
import { env } from '../config/env';
import { db } from '../db/client';
import { errorMessage } from '../errors';

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one request against `key` in a sliding window of `windowMs`, shared by every instance: in
 * Redis when REDIS_URL is set, else in the database. The window is the sliding-window counter: this
 * fixed window's count plus the previous one's, weighted by how much of it the sliding window still
 * covers, so a burst at the end of one fixed window and another at the start of the next are seen
 * together (10 + 10 across a boundary is 20, not twice 10). A refused request is taken back off the
 * count (increment first, then undo, so concurrent requests never pass the limit together), and
 * says how long until the estimate falls below the limit.
 */
export async function countRequest(key: string, limit: number, windowMs: number, now = Date.now()): Promise<Verdict> {
  const window = Math.floor(now / windowMs);
  const elapsed = (now - window * windowMs) / windowMs;
  const store = (await redisStore()) ?? databaseStore;
  const { current, previous } = await store.add(key, window, windowMs);
  const estimate = current + previous * (1 - elapsed);
  if (estimate <= limit) return { ok: true };
  await store.undo(key, window).catch(() => undefined);
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs(current - 1, previous, limit, elapsed, windowMs) / 1000)) };
}

/**
 * How long until one more request fits, if no other arrives: the previous window's share shrinks
 * as the sliding window moves on; past the next boundary, this window's count becomes that share.
 */
function retryAfterMs(current: number, previous: number, limit: number, elapsed: number, windowMs: number): number {
  if (current + 1 <= limit && previous > 0) {
    const needed = 1 - (limit - current - 1) / previous;
    return Math.max(0, (needed - elapsed) * windowMs);
  }
  const needed = current > 0 ? Math.max(0, 1 - (limit - 1) / current) : 0;
  return (1 - elapsed) * windowMs + needed * windowMs;
}

/** Takes one request counted at `now` back off `key` (a later counter refused the same request). */
export async function uncount(key: string, windowMs: number, now: number): Promise<void> {
  const store = (await redisStore()) ?? databaseStore;
  await store.undo(key, Math.floor(now / windowMs)).catch(() => undefined);
}

type Store = {
  /** Adds one to this window's count; returns it with the previous window's. */
  add(key: string, window: number, windowMs: number): Promise<{ current: number; previous: number }>;
  undo(key: string, window: number): Promise<void>;
};

async function redisStore(): Promise<Store | null> {
  const client = redis();
  if (!client?.isReady) return null;
  const k = (key: string, window: number) => `${env().redisKeyPrefix}limits:${key}:${window}`;
  return {
    async add(key, window, windowMs) {
      try {
        // Kept for two windows: while it is the current one, and while it is the previous one.
        const [current, , previous] = await client
          .multi()
          .incr(k(key, window))
          .pExpire(k(key, window), 2 * windowMs, 'NX')
          .get(k(key, window - 1))
          .exec();
        return { current: Number(current), previous: Number(previous ?? 0) };
      } catch (e) {
        console.warn(`[limits] Redis did not count (${errorMessage(e)}); counting in the database`);
        return databaseStore.add(key, window, windowMs);
      }
    },
    async undo(key, window) {
      await client.decr(k(key, window));
    },
  };
}

const CLEANUP_EVERY = 100;
let counted = 0;

const databaseStore: Store = {
  async add(key, window, windowMs) {
    const [row, before] = await Promise.all([
      db.rateLimit.upsert({
        where: { key: `${key}:${window}` },
        // Kept for two windows: while it is the current one, and while it is the previous one.
        create: { key: `${key}:${window}`, count: 1, expiresAt: new Date((window + 2) * windowMs) },
        update: { count: { increment: 1 } },
        select: { count: true },
      }),
      db.rateLimit.findUnique({ where: { key: `${key}:${window - 1}` }, select: { count: true } }),
    ]);
    // Rows expire as counting goes on, not only when the sync runs.
    if (++counted % CLEANUP_EVERY === 0) await purgeCounters().catch(() => undefined);
    return { current: row.count, previous: before?.count ?? 0 };
  },
  async undo(key, window) {
    await db.rateLimit.updateMany({ where: { key: `${key}:${window}`, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  },
};

/** Counters whose window has ended. */
export function purgeCounters(now = Date.now()) {
  return db.rateLimit.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
}
