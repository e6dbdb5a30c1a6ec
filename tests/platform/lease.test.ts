import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db/client';
import { acquireLease, releaseHeldLeases, releaseLease } from '@/lib/platform/db/lease';
import { migrateTestDb, newId } from '../support/db';

beforeAll(() => migrateTestDb());

describe('leases (one holder at a time, across processes)', () => {
  it('go to exactly one of many holders racing for a free key', async () => {
    const key = `race:${newId()}`;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => acquireLease(key, `holder-${i}`, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await db.lease.findUniqueOrThrow({ where: { key } });
    expect(row.holder).toBe(`holder-${results.indexOf(true)}`);
  });

  it('can be renewed by their holder, taken over only once expired, and released only by the holder', async () => {
    const key = `expiry:${newId()}`;
    expect(await acquireLease(key, 'a', 60_000)).toBe(true);
    expect(await acquireLease(key, 'a', 60_000)).toBe(true);
    expect(await acquireLease(key, 'b', 60_000)).toBe(false);
    await releaseLease(key, 'b');
    expect(await db.lease.count({ where: { key } })).toBe(1);
    await db.lease.update({ where: { key }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await acquireLease(key, 'b', 60_000)).toBe(true);
    await releaseLease(key, 'b');
    expect(await db.lease.count({ where: { key } })).toBe(0);
  });

  it('still held at shutdown are all released', async () => {
    const keys = [`shutdown:${newId()}`, `shutdown:${newId()}`];
    for (const key of keys) expect(await acquireLease(key, 'me', 60_000)).toBe(true);
    expect(await releaseHeldLeases()).toBeGreaterThanOrEqual(2);
    expect(await db.lease.count({ where: { key: { in: keys } } })).toBe(0);
  });
});
