import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Issue 16, item 5: what an instance cut off from Redis hands over, recorded by one that is not.
// On a real Redis, with the services (`npm run test:services`).
const PREFIX = vi.hoisted(() => {
  const prefix = `test-replay-${Math.random().toString(36).slice(2, 8)}:`;
  if (process.env.TEST_DIALECT === 'postgresql') {
    process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    process.env.REDIS_KEY_PREFIX = prefix;
  }
  return prefix;
});

import { pageCachePrefix, REVALIDATED_TAGS_KEY } from '@/lib/platform/cache/keys.mjs';
import { redis } from '@/lib/platform/cache/redis';
import { whenReady } from '@/lib/platform/cache/redis-client.mjs';
import { replayRevalidations } from '@/lib/platform/cache/revalidate';
import { db } from '@/lib/platform/db/client';
import { TEST_DIALECT } from '../../support/databases';
import { migrateTestDb } from '../../support/db';

describe.runIf(TEST_DIALECT === 'postgresql')('revalidations handed over by an instance cut off from Redis', () => {
  const key = `${pageCachePrefix(PREFIX)}${REVALIDATED_TAGS_KEY}`;
  let client: RedisClientType;
  beforeAll(async () => {
    await migrateTestDb();
    client = createClient({ url: process.env.REDIS_URL }) as RedisClientType;
    await client.connect();
    await whenReady(redis()!, 5_000);
  });
  afterAll(async () => {
    await client.del(key);
    await client.close();
    await redis()?.close();
  });

  it('are recorded in Redis by a process that reaches it, then deleted', async () => {
    const tag = `showcase:handed-${randomBytes(3).toString('hex')}`;
    const before = Date.now();
    await db.revalidationReplay.createMany({ data: [{ tag }, { tag: 'sitemap' }] });
    expect(await replayRevalidations()).toBe(2);
    const recorded = await client.hmGet(key, [tag, 'sitemap']);
    for (const at of recorded) expect(Number(at)).toBeGreaterThanOrEqual(before);
    expect(await db.revalidationReplay.count()).toBe(0);
    expect(await replayRevalidations()).toBe(0);
  });
});
