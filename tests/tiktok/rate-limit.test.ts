import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '@/lib/tiktok/rate-limit';

describe('SlidingWindowLimiter', () => {
  it('lets `limit` calls through per window and per key, then waits for the window to slide', async () => {
    let t = 0;
    const limiter = new SlidingWindowLimiter(3, 100);
    for (let i = 0; i < 3; i++) await limiter.take('video/list', () => t);
    await limiter.take('video/query', () => t); // another endpoint has its own window
    let fourth = false;
    const waiting = limiter.take('video/list', () => t).then(() => (fourth = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(fourth).toBe(false);
    t = 101;
    await waiting;
    expect(fourth).toBe(true);
  });
});
