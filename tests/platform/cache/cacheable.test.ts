import { describe, expect, it } from 'vitest';
import { isCacheable } from '@/lib/platform/cache/cacheable.mjs';

// Both page caches (Next's own without Redis, the Redis handler with it) ask this before storing.
describe('only successful answers are kept in the page cache', () => {
  it("keeps a page's or a route's 200, and data cache entries", () => {
    expect(isCacheable({ kind: 'APP_PAGE', status: 200 })).toBe(true);
    expect(isCacheable({ kind: 'APP_ROUTE', status: 200 })).toBe(true);
    expect(isCacheable({ kind: 'APP_PAGE' })).toBe(true);
    expect(isCacheable({ kind: 'FETCH' })).toBe(true);
  });

  it('forgets 404s of made-up handles, automatic OPTIONS 204s, 405s and errors', () => {
    for (const status of [204, 400, 404, 405, 500]) {
      expect(isCacheable({ kind: 'APP_PAGE', status }), `page ${status}`).toBe(false);
      expect(isCacheable({ kind: 'APP_ROUTE', status }), `route ${status}`).toBe(false);
    }
  });
});
