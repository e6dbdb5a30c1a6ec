import 'server-only';
import { redis } from '../cache/redis';
import { env } from '../config/env';
import { db } from '../db/client';
import { errorMessage } from '../errors';

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one request against `key` in the current fixed window of `windowMs`, shared by every
 * instance: in Redis when REDIS_URL is set (INCR with an expiry), else in the database (one atomic
 * upsert). Over `limit`, says how long until the window ends.
 */
export async function countRequest(key: string, limit: number, windowMs: number, now = Date.now()): Promise<Verdict> {
  const window = Math.floor(now / windowMs);
  const windowKey = `${key}:${window}`;
  const endsAt = (window + 1) * windowMs;
  const count = (await countInRedis(windowKey, windowMs)) ?? (await countInDatabase(windowKey, new Date(endsAt)));
  return count <= limit ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)) };
}

async function countInRedis(key: string, windowMs: number): Promise<number | null> {
  const client = redis();
  if (!client?.isReady) return null;
  try {
    const redisKey = `${env().redisKeyPrefix}limits:${key}`;
    const [count] = await client.multi().incr(redisKey).pExpire(redisKey, windowMs, 'NX').exec();
    return Number(count);
  } catch (e) {
    console.warn(`[limits] Redis did not count (${errorMessage(e)}); counting in the database`);
    return null;
  }
}

async function countInDatabase(key: string, expiresAt: Date): Promise<number> {
  const row = await db.rateLimit.upsert({ where: { key }, create: { key, count: 1, expiresAt }, update: { count: { increment: 1 } }, select: { count: true } });
  return row.count;
}

/** Counters whose window has ended. */
export function purgeCounters(now = Date.now()) {
  return db.rateLimit.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
}
