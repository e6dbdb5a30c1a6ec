import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db/client';
import { countRequest } from '@/lib/platform/limits/counter';
import { firstRefusal } from '@/lib/platform/limits/policies';
import { migrateTestDb } from '../../support/db';

beforeAll(() => migrateTestDb());

const MINUTE = 60_000;
/** The start of a fixed window, far from today's, so each test's keys and times are its own. */
const windowStart = (n: number) => (1_000_000 + n) * MINUTE;
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;

describe('per-client limits: a sliding window in the database (Redis in the services run)', () => {
  it('sees a burst across a window boundary: 10 at the end of one minute and the next at the start of the next is 11', async () => {
    const key = unique('qrStart:ip');
    const t = windowStart(1);
    for (let i = 0; i < 10; i++) expect((await countRequest(key, 10, MINUTE, t + 59_000)).ok).toBe(true);
    // A fixed window would start again at zero here and let 10 more through.
    const next = await countRequest(key, 10, MINUTE, t + 61_000);
    expect(next.ok).toBe(false);
    // Later in the new minute the previous one's share has slid away.
    expect((await countRequest(key, 10, MINUTE, t + MINUTE + 55_000)).ok).toBe(true);
  });

  it('does not count a refused request, and says when one more would fit', async () => {
    const key = unique('signInStart:ip');
    const t = windowStart(2);
    for (let i = 0; i < 3; i++) await countRequest(key, 3, MINUTE, t + 1_000);
    for (let i = 0; i < 20; i++) {
      const refused = await countRequest(key, 3, MINUTE, t + 2_000);
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.retryAfterSeconds).toBeGreaterThan(0);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(120);
      }
    }
    const row = await db.rateLimit.findUnique({ where: { key: `${key}:${Math.floor((t + 2_000) / MINUTE)}` } });
    expect(row?.count).toBe(3);
  });

  it('stops at the first counter that refuses: the later ones are neither asked nor filled', async () => {
    const ip = unique('qrStart:ip');
    const browser = unique('qrStart:browser');
    const t = windowStart(3);
    for (let i = 0; i < 2; i++) expect((await firstRefusal([[ip, 2]], t)).ok).toBe(true);
    expect(
      (
        await firstRefusal(
          [
            [ip, 2],
            [browser, 10],
          ],
          t,
        )
      ).ok,
    ).toBe(false);
    expect(await db.rateLimit.count({ where: { key: { startsWith: browser } } })).toBe(0);
    // And a request refused by a later counter is taken back off the earlier ones too.
    const other = unique('qrStart:ip');
    const full = unique('qrStart:browser');
    await firstRefusal([[full, 1]], t);
    expect(
      (
        await firstRefusal(
          [
            [other, 5],
            [full, 1],
          ],
          t,
        )
      ).ok,
    ).toBe(false);
    expect((await db.rateLimit.findUnique({ where: { key: `${other}:${Math.floor(t / MINUTE)}` } }))?.count).toBe(0);
  });

  it('deletes expired counters as it goes, not only when the sync runs', async () => {
    const stale = unique('old');
    await db.rateLimit.create({ data: { key: stale, count: 5, expiresAt: new Date(Date.now() - 1_000) } });
    const key = unique('busy');
    for (let i = 0; i < 100; i++) await countRequest(key, 1_000, MINUTE);
    expect(await db.rateLimit.findUnique({ where: { key: stale } })).toBeNull();
  });
});
