import 'server-only';
import { sleep } from '../async';
import { db } from '../db';
import { env } from '../env';
import { recordCallWithinLimit } from '../sql';
import { TikTokError } from './errors';

const TIKTOK_LIMIT_PER_MINUTE = 600;
/**
 * TikTok counts calls when they arrive, this budget when they leave; transit times differ by call,
 * so a window of exactly a minute here can be 601 in a minute there. Two seconds more covers the
 * spread of ordinary transit times (found by the multi-instance test at the sandbox: 613 without).
 */
const WINDOW_MS = 62_000;

/**
 * TikTok allows 600 requests per minute per endpoint and app (sliding window) and sends no
 * Retry-After. Every process shares one budget through the database: a call is recorded only if
 * fewer than the limit were made in the last minute (one atomic statement), otherwise it waits.
 */
export class SlidingWindowLimiter {
  private taken = 0;

  constructor(
    private readonly limit = TIKTOK_LIMIT_PER_MINUTE,
    private readonly windowMs = WINDOW_MS,
    /** Rows older than the window are deleted after every this many calls (counted per process). */
    private readonly cleanupEvery = 50,
  ) {}

  /**
   * Waits for room in the budget, but not past `deadlineMs` (the TikTok timeout by default): a
   * caller that cannot be served in time fails as rate_limited (429 to a browser) instead of queueing
   * without end.
   */
  async take(endpoint: string, now: () => number = Date.now, deadlineMs = env().tiktokTimeoutMs): Promise<void> {
    const giveUpAt = now() + deadlineMs;
    for (;;) {
      const t = now();
      const since = t - this.windowMs;
      if (await recordCallWithinLimit(endpoint, new Date(t), new Date(since), this.limit)) {
        if (++this.taken % this.cleanupEvery === 0) await db.apiCall.deleteMany({ where: { at: { lte: new Date(since) } } });
        return;
      }
      const oldest = await db.apiCall.aggregate({ _min: { at: true }, where: { endpoint, at: { gt: new Date(since) } } });
      const wait = oldest._min.at ? oldest._min.at.getTime() + this.windowMs - t + 1 : 50;
      if (t + Math.max(wait, 10) > giveUpAt)
        throw new TikTokError('rate_limited', 'budget_exhausted', `the ${endpoint} budget of ${this.limit} calls a minute is used up`);
      await sleep(Math.min(Math.max(wait, 10), 1000, Math.max(giveUpAt - t, 10)));
    }
  }
}

export const tiktokLimiter = new SlidingWindowLimiter();
