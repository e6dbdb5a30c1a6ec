import { createClient, type RedisClientType } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Counted } from '@/lib/insights/batch';
import { utcDay } from '@/lib/insights/day';
import { claimRedis, flushRedis, recordInRedis } from '@/lib/insights/redis-store';
import { db } from '@/lib/platform/db/client';
import { storedCreator } from '../support/creators';
import { TEST_DIALECT } from '../support/databases';
import { migrateTestDb } from '../support/db';

// The Redis counters on a real Redis and the test's PostgreSQL (`npm run test:services`): several
// instances count into the same hashes, any of them flushes, and nothing is added twice.
vi.hoisted(() => {
  process.env.REDIS_KEY_PREFIX = `test-insights-${Math.random().toString(36).slice(2, 10)}:`;
});
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.runIf(TEST_DIALECT === 'postgresql')('insights counters in Redis', () => {
  let a: RedisClientType;
  let b: RedisClientType;
  beforeAll(async () => {
    await migrateTestDb();
    a = createClient({ url: REDIS }) as RedisClientType;
    b = createClient({ url: REDIS }) as RedisClientType;
    await Promise.all([a.connect(), b.connect()]);
  });
  afterAll(async () => {
    const keys = await a.keys(`${process.env.REDIS_KEY_PREFIX}*`);
    if (keys.length) await a.del(keys);
    await Promise.all([a.close(), b.close()]);
  });

  const showcase = () => storedCreator();
  const view = (showcaseId: string, visitor: string | null, host: string | null = null): Counted => ({
    showcaseId,
    day: utcDay(),
    type: 'view',
    visitor,
    host,
  });

  it('still counts when Redis has forgotten its scripts (SCRIPT FLUSH): the script is sent again', async () => {
    const s = await showcase();
    expect(await recordInRedis(a, view(s, 'once'), 'digest-client', 60)).toBe(true);
    await a.scriptFlush();
    expect(await recordInRedis(a, view(s, 'again'), 'digest-client', 60)).toBe(true);
    expect(await recordInRedis(b, view(s, 'again'), 'digest-client', 60)).toBe(true);
    await flushRedis(a);
    const row = await db.insightsDay.findUnique({ where: { showcaseId_day: { showcaseId: s, day: utcDay() } } });
    expect(row).toMatchObject({ views: 3, visitors: 2 });
  });

  it('refuses the events of a closed client (ingest then counts them in memory), never taking them as counted', async () => {
    const s = await showcase();
    const closed = createClient({ url: REDIS }) as RedisClientType;
    await closed.connect();
    await closed.close();
    await expect(recordInRedis(closed, view(s, 'late'), 'closed-client', 60)).rejects.toThrow();
    await flushRedis(a);
    expect(await db.insightsDay.findUnique({ where: { showcaseId_day: { showcaseId: s, day: utcDay() } } })).toBeNull();
  });

  it('two instances count and flush at the same time: every event is added exactly once', async () => {
    const s = await showcase();
    let counted = 0;
    for (let round = 0; round < 3; round++) {
      const events: Array<Promise<boolean>> = [];
      for (let i = 0; i < 40; i++) {
        events.push(recordInRedis(i % 2 ? a : b, view(s, `v${i % 10}`, i % 4 ? null : 'tiktok.com'), `client-${i}`, 60));
        events.push(recordInRedis(i % 2 ? b : a, { showcaseId: s, day: utcDay(), type: 'play', videoId: '42' }, `client-${i}`, 60));
      }
      // Flushes from both instances while events still arrive.
      const [results] = await Promise.all([Promise.all(events), flushRedis(a), flushRedis(b)]);
      counted += results.filter(Boolean).length;
    }
    await Promise.all([flushRedis(a), flushRedis(b)]);
    await flushRedis(a);
    expect(counted).toBe(240);
    const row = await db.insightsDay.findUnique({ where: { showcaseId_day: { showcaseId: s, day: utcDay() } } });
    expect(row).toMatchObject({ views: 120, plays: 120, visitors: 10 });
    expect(await db.insightsSource.findFirst({ where: { showcaseId: s } })).toMatchObject({ host: 'tiktok.com', views: 30 });
  });

  it('a batch claimed by an instance that died is added by another, once', async () => {
    const s = await showcase();
    for (let i = 0; i < 5; i++) await recordInRedis(a, view(s, `d${i}`), `c${i}`, 60);
    const now = Date.now();
    expect((await claimRedis(a, now)).length).toBe(1); // …and instance A is gone before it adds them
    expect(await flushRedis(b, now + 1_000)).toBe(0); // too fresh to be an orphan: A may still be adding it
    expect(await flushRedis(b, now + 31_000)).toBe(5);
    expect(await flushRedis(a, now + 62_000)).toBe(0);
    expect(await db.insightsDay.findUnique({ where: { showcaseId_day: { showcaseId: s, day: utcDay() } } })).toMatchObject({ views: 5, visitors: 5 });
  });

  it('counts at most the limit per client and minute', async () => {
    const s = await showcase();
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => recordInRedis(i % 2 ? a : b, view(s, null), 'one-client', 60)));
    expect(results.filter(Boolean)).toHaveLength(60);
  });
});
