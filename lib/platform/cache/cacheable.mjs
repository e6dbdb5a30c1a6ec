// What Next may keep in its page cache (both caches: the per-instance one and Redis's): a page's or
// a route handler's own successful answer, and nothing else. Next keys a cached route by its path
// alone, whatever the method and the status, so without this one anonymous request could fill the
// cache with 404s of made-up handles, or make an automatic OPTIONS 204 (or a 405) the answer every
// later GET of a share image gets. Those are answered, and forgotten.

const RESPONSE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES']);

/**
 * @param {{ kind?: string, status?: number } | null | undefined} value Next's IncrementalCacheValue
 */
export function isCacheable(value) {
  if (!value || !RESPONSE_KINDS.has(String(value.kind))) return true;
  return value.status === undefined || value.status === 200;
}
