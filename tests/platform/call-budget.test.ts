import { beforeAll, describe, expect, it } from 'vitest';
import { BudgetExhaustedError, SlidingWindowLimiter, withBudgetPriority } from '@/lib/platform/call-budget';
import { db } from '@/lib/platform/db/client';
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

  it('keeps `reserved` places of each window for calls made under withBudgetPriority (sign-ins)', async () => {
    const endpoint = `user/info-${Math.random()}`;
    const t = 4_000_000;
    const limiter = new SlidingWindowLimiter(5, 60_000, 50, 2);
    for (let i = 0; i < 3; i++) await limiter.take(endpoint, () => t, 0);
    // Everything else stops at 5 - 2 …
    await expect(limiter.take(endpoint, () => t, 0)).rejects.toBeInstanceOf(BudgetExhaustedError);
    // … while a sign-in still gets the two kept back, and no more.
    await withBudgetPriority(() => limiter.take(endpoint, () => t, 0));
    await withBudgetPriority(() => limiter.take(endpoint, () => t, 0));
    await expect(withBudgetPriority(() => limiter.take(endpoint, () => t, 0))).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(await db.apiCall.count({ where: { endpoint } })).toBe(5);
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
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      void limiters[i % 4]
        .take(endpoint, () => t)
        .then(
          () => through++,
          () => refused++,
        );
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.apiCall.count({ where: { endpoint } })).toBe(10);
    expect(through).toBe(10);
    // The clock stands still, so no place frees up before the deadline: the rest gave up at once.
    expect(refused).toBe(30);
  });

  it('gives up as rate_limited once waiting would pass the deadline, instead of queueing without end', async () => {
    const endpoint = `video/list-${Math.random()}`;
    let t = 4_000_000;
    const limiter = new SlidingWindowLimiter(2, 60_000);
    await limiter.take(endpoint, () => t);
    await limiter.take(endpoint, () => t);
    const started = Date.now();
    await expect(limiter.take(endpoint, () => t, 4_000)).rejects.toMatchObject({ name: 'BudgetExhaustedError', endpoint, limit: 2 });
    expect(Date.now() - started).toBeLessThan(1_000);
    // With a window that frees a place before the deadline, the call waits for it and goes through.
    const short = new SlidingWindowLimiter(1, 200);
    const other = `video/query-${Math.random()}`;
    await short.take(other, () => t);
    const waiting = short.take(other, () => t, 1_000);
    setTimeout(() => (t += 201), 50);
    await expect(waiting).resolves.toBeUndefined();
  });
});
