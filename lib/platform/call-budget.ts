import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { sleep } from './async';
import { db } from './db/client';
import { recordCallWithinLimit } from './db/sql';

/** Thrown when waiting for a place in the budget would pass the caller's deadline. */
export class BudgetExhaustedError extends Error {
  constructor(
    readonly endpoint: string,
    readonly limit: number,
  ) {
    super(`the ${endpoint} budget of ${limit} calls a window is used up`);
    this.name = 'BudgetExhaustedError';
  }
}

const priority = new AsyncLocalStorage<true>();

/**
 * Runs `fn` with the right to the whole budget: calls made inside it (a sign-in's) may use the
 * share kept back from everything else, so a busy minute never locks people out of signing in.
 */
export function withBudgetPriority<T>(fn: () => T): T {
  return priority.run(true, fn);
}

/**
 * A budget of calls to an outside API shared by every process through the database: a call is
 * recorded only if fewer than `limit` were made in the last `windowMs` (one atomic statement),
 * otherwise it waits. `reserved` of them are kept for calls made under withBudgetPriority: the rest
 * stop at `limit - reserved`. The API's own numbers belong to its adapter (lib/tiktok/client.ts).
 */
export class SlidingWindowLimiter {
  private taken = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Rows older than the window are deleted after every this many calls (counted per process). */
    private readonly cleanupEvery = 50,
    private readonly reserved = 0,
  ) {}

  /**
   * Waits for room in the budget, but not past `deadlineMs`: a caller that cannot be served in time
   * fails with BudgetExhaustedError instead of queueing without end.
   */
  async take(endpoint: string, now: () => number = Date.now, deadlineMs = 10_000): Promise<void> {
    const giveUpAt = now() + deadlineMs;
    const limit = priority.getStore() ? this.limit : this.limit - this.reserved;
    for (;;) {
      const t = now();
      const since = t - this.windowMs;
      if (await recordCallWithinLimit(endpoint, new Date(t), new Date(since), limit)) {
        if (++this.taken % this.cleanupEvery === 0) await db.apiCall.deleteMany({ where: { at: { lte: new Date(since) } } });
        return;
      }
      const oldest = await db.apiCall.aggregate({ _min: { at: true }, where: { endpoint, at: { gt: new Date(since) } } });
      const wait = oldest._min.at ? oldest._min.at.getTime() + this.windowMs - t + 1 : 50;
      if (t + Math.max(wait, 10) > giveUpAt) throw new BudgetExhaustedError(endpoint, limit);
      await sleep(Math.min(Math.max(wait, 10), 1000, Math.max(giveUpAt - t, 10)));
    }
  }
}

/** Calls older than an hour: far outside any budget's window. */
export function purgeCallRecords(now = Date.now()) {
  return db.apiCall.deleteMany({ where: { at: { lt: new Date(now - 3600_000) } } });
}
