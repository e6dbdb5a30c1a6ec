import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneRevalidationRecords, RECORD_RETENTION_MS } from '@/lib/platform/cache/revalidate';
import { TEST_DIALECT } from '../../support/databases';

// The hash of tags' revalidation times (one field per tag a save ever dropped) on a real Redis.
// Runs with the services (`npm run test:services`).
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.runIf(TEST_DIALECT === 'postgresql')('revalidation records expire', () => {
  const key = `test-records-${randomBytes(4).toString('hex')}:__revalidated_tags__`;
  let client: RedisClientType;
  beforeAll(async () => {
    client = createClient({ url: REDIS }) as RedisClientType;
    await client.connect();
  });
  afterAll(async () => {
    await client.del(key);
    await client.close();
  });

  it('deletes the records older than the retention, keeps the recent ones', async () => {
    const now = Date.now();
    const fields: Record<string, string> = { 'showcase:recent': String(now - 1_000) };
    for (let i = 0; i < 1_200; i++) fields[`showcase:old-${i}`] = String(now - RECORD_RETENTION_MS - 1_000 - i);
    await client.hSet(key, fields);
    expect(await pruneRevalidationRecords(client, key, now)).toBe(1_200);
    expect(await client.hKeys(key)).toEqual(['showcase:recent']);
  });

  it('keeps records for longer than any entry they judge can live (1.5 × the 5-minute window)', () => {
    expect(RECORD_RETENTION_MS).toBeGreaterThan(1.5 * 300_000);
  });
});
