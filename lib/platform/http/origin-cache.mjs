// The response cache of `npm start`'s server (./response-cache.mjs), set up from the settings: with
// Redis, each hit is checked against the revalidation records every instance writes (the page
// cache's own, lib/platform/cache/keys.mjs), on a connection of its own.
import { withAbortSignal } from '@fortedigital/nextjs-cache-handler/helpers/withAbortSignal';
import { pageCachePrefix, REVALIDATED_TAGS_KEY } from '../cache/keys.mjs';
import { openRedis } from '../cache/redis-client.mjs';
import { settings } from '../config/index.mjs';
import { createResponseCache, freshAgainst, RESPONSE_CACHE } from './response-cache.mjs';

/**
 * @param {() => ((target: string) => string[] | null) | undefined} tagsOf
 * @returns {import('./response-cache.mjs').ResponseCache}
 */
export function openOriginCache(tagsOf) {
  const { ORIGIN_CACHE_TTL_MS, REDIS_URL, REDIS_KEY_PREFIX, REDIS_TIMEOUT_MS } = settings();
  /** @type {import('./response-cache.mjs').ResponseCache | undefined} */
  let cache;
  /** @type {((tags: string[], storedAt: number) => Promise<boolean>) | undefined} */
  let isFresh;
  if (REDIS_URL && ORIGIN_CACHE_TTL_MS > 0) {
    const key = `${pageCachePrefix(REDIS_KEY_PREFIX)}${REVALIDATED_TAGS_KEY}`;
    // Records written while this process could not see Redis may be lost (see revalidate.ts): what
    // was kept before is forgotten when it is back.
    const client = openRedis(REDIS_URL, { name: 'the response cache', onRecovered: () => cache?.clear() });
    isFresh = async (tags, storedAt) => {
      if (!client.isReady) {
        cache?.clear();
        return false;
      }
      // As the page cache's memory layer asks the same records (./local-layer.mjs).
      const times = await withAbortSignal(() => client.hmGet(key, tags), AbortSignal.timeout(REDIS_TIMEOUT_MS));
      return freshAgainst(times, storedAt);
    };
  }
  cache = createResponseCache({ ttlMs: ORIGIN_CACHE_TTL_MS, tagsOf, isFresh });
  /** @type {Record<symbol, unknown>} */ (globalThis)[RESPONSE_CACHE] = cache;
  return cache;
}
