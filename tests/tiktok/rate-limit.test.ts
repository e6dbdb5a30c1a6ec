import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { SlidingWindowLimiter } from '@/lib/tiktok/rate-limit';
import { migrateTestDb } from '../support/db';

beforeAll(() => migrateTestDb());

describe('SlidingWindowLimiter (shared through the database)', () => {
  it('lets `limit` calls through per window and per endpoint, then waits for the window to slide', async () => {
    let t = 1_000_000;
    const endpoint = `video/list-${Math.random()}`;
    // Two limiters stand for two processes: the budget is the database's, not theirs.
    const a = new SlidingWindowLimiter(3, 100);
    const b = new SlidingWindowLimiter(3, 100);
    await a.take(endpoint, () => t);
    await b.take(endpoint, () => t);
    await a.take(endpoint, () => t);
    await b.take(`other-${endpoint}`, () => t); // another endpoint has its own window
    let fourth = false;
    const waiting = b.take(endpoint, () => t).then(() => (fourth = true));
    await new Promise((r) => setTimeout(r, 60));
    expect(fourth).toBe(false);
    t += 101;
    await waiting;
    expect(fourth).toBe(true);
    const rows = await db.apiCall.count({ where: { endpoint } });
    expect(rows).toBe(4);
  });

  it('deletes calls older than the window every `cleanupEvery` calls, and only those', async () => {
    const endpoint = `video/query-${Math.random()}`;
    const limiter = new SlidingWindowLimiter(10, 100, 3);
    await limiter.take(endpoint, () => 2_000_000);
    await limiter.take(endpoint, () => 2_000_050);
    expect(await db.apiCall.count({ where: { endpoint } })).toBe(2);
    await limiter.take(endpoint, () => 2_000_120); // third call: the one at 2_000_000 has left the window
    expect((await db.apiCall.findMany({ where: { endpoint }, orderBy: { at: 'asc' } })).map((r) => Number(r.at))).toEqual([2_000_050, 2_000_120]);
  });

  it('never records more than the limit when many takers race for the last places', async () => {
    const endpoint = `user/info-${Math.random()}`;
    const t = 3_000_000;
    // Four "processes", 40 calls at the same instant, 10 places: the count and the insert must be one step.
    const limiters = Array.from({ length: 4 }, () => new SlidingWindowLimiter(10, 60_000));
    let through = 0;
    for (let i = 0; i < 40; i++) void limiters[i % 4].take(endpoint, () => t).then(() => through++);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.apiCall.count({ where: { endpoint } })).toBe(10);
    expect(through).toBe(10);
  });
});
