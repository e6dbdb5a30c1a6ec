import 'server-only';
import { sleep } from '../lease';

/**
 * TikTok allows 600 requests per minute per endpoint (sliding window) and sends no Retry-After.
 * This keeps each process under that: a call waits until its endpoint has room in the last minute.
 */
export class SlidingWindowLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly limit = 600,
    private readonly windowMs = 60_000,
  ) {}

  async take(key: string, now: () => number = Date.now): Promise<void> {
    for (;;) {
      const t = now();
      const recent = (this.calls.get(key) ?? []).filter((x) => x > t - this.windowMs);
      if (recent.length < this.limit) {
        recent.push(t);
        this.calls.set(key, recent);
        return;
      }
      this.calls.set(key, recent);
      await sleep(recent[0] + this.windowMs - t + 1);
    }
  }
}

export const tiktokLimiter = new SlidingWindowLimiter();
