import 'server-only';
import { randomBytes } from 'node:crypto';
import { redis } from '../platform/cache/redis';
import { env } from '../platform/config/env';
import { db } from '../platform/db/client';
import { insertNew } from '../platform/db/sql';
import { endOfDay, utcDay } from './day';

// The day's random salt, the same on every instance (else one visitor seen by two instances would be
// two visitors), and gone when the day ends, so yesterday's hashes cannot be recomputed for anyone.
// In Redis (it expires at midnight by itself) when Redis keeps the counters, else in the database
// (deleted by purgePastDays).

const g = globalThis as unknown as { showreelSalt?: { key: string; salt: string } };

/** The salt of the day of `now`, made by the first instance that needs it. */
export async function daySalt(useRedis: boolean, now = Date.now()): Promise<string> {
  const day = utcDay(now);
  const key = `${useRedis ? 'r' : 'd'}:${day}`;
  if (g.showreelSalt?.key === key) return g.showreelSalt.salt;
  const fresh = randomBytes(32).toString('base64url');
  let salt: string | null;
  const client = redis();
  if (useRedis && client) {
    const k = `${env().redisKeyPrefix}insights:salt:${day}`;
    // SET NX: the first instance's salt wins; it expires when the day ends.
    await client.set(k, fresh, { condition: 'NX', expiration: { type: 'PXAT', value: endOfDay(now) } });
    salt = await client.get(k);
  } else {
    await insertNew(db, 'InsightsSalt', ['day', 'salt'], [[day, fresh]]);
    salt = (await db.insightsSalt.findUnique({ where: { day } }))?.salt ?? null;
  }
  if (!salt) throw new Error('the day salt could not be read back');
  g.showreelSalt = { key, salt };
  return salt;
}
