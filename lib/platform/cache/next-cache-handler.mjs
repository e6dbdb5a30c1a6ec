// Next's cache (ISR pages, route handler responses, what revalidatePath drops) shared by every
// instance through Redis, with @fortedigital/nextjs-cache-handler. next.config.mjs uses this file
// only when REDIS_URL is set; without it Next keeps its default per-instance cache. Next loads it
// outside the app's bundle (also while `next build` prerenders), so it reads the settings of
// lib/platform/config/index.mjs, not the app's env().
//
// - Keys are prefixed with REDIS_KEY_PREFIX and the build id, so a new deployment never serves
//   pages rendered by the old one.
// - Next's own memory cache is off (cacheMaxMemorySize is 0): a page dropped on one instance must be
//   dropped on all of them. local-layer.mjs keeps pages in memory instead, and checks each hit
//   against Redis's revalidation records before serving it.
// - While Redis is away every read is a miss (pages render from the database) and writes are lost;
//   once it is back, this instance deletes its prefix's keys, since invalidations sent during the
//   outage were lost too. Slower for a while, never stale.

/** @import { CacheHandlerConfig, CacheHandlerValue } from '@fortedigital/nextjs-cache-handler/cache-handler.types' */
/** @import { RedisClientType } from '@redis/client' */
/** @import { LocalLayer } from './local-layer.mjs' */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { settings } from '../config/index.mjs';
import { isCacheable } from './cacheable.mjs';
import { pageCachePrefix } from './keys.mjs';
import { withLocalLayer } from './local-layer.mjs';
import { openRedis } from './redis-client.mjs';

// One handler per process, however many times Next creates the CacheHandler.
const KEY = Symbol.for('showreel.nextCacheHandler');
const processWide = /** @type {{ [KEY]?: CacheHandlerConfig }} */ (globalThis);

/**
 * Deletes every key under the prefix, in batches, without blocking Redis.
 * @param {RedisClientType} client @param {string} prefix
 */
async function dropAll(client, prefix) {
  let n = 0;
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    if (keys.length) n += await client.unlink(keys);
  }
  return n;
}

/**
 * A route handler's answer (the public page, the share image) with its cache tags. The handler
 * library reads a page's tags from its x-next-cache-tags header but a route's only from what Next
 * passes, which is nothing: without them a change on another instance (a tag revalidated in Redis)
 * would not drop this instance's copy.
 * @param {CacheHandlerValue} value
 * @returns {CacheHandlerValue}
 */
export function withRouteTags(value) {
  const cached = /** @type {{ kind?: string, headers?: Record<string, unknown> } | null} */ (value.value);
  const header = cached?.kind === 'APP_ROUTE' ? cached.headers?.['x-next-cache-tags'] : undefined;
  const named = Array.isArray(header) ? header.map(String) : typeof header === 'string' ? header.split(',') : [];
  if (named.length === 0) return value;
  return { ...value, tags: [...new Set([...(value.tags ?? []), ...named])] };
}

/** @returns {CacheHandlerConfig} */
function create() {
  const { REDIS_URL, REDIS_KEY_PREFIX } = settings();
  const prefix = pageCachePrefix(REDIS_KEY_PREFIX);
  /** @type {LocalLayer<CacheHandlerValue> | undefined} */
  let handler;
  // next.config.mjs names this file only when REDIS_URL is set.
  const client = openRedis(/** @type {string} */ (REDIS_URL), {
    name: 'the page cache',
    onRecovered: async (c) => {
      handler?.clear();
      const n = await dropAll(c, prefix);
      console.log(`[showreel] dropped ${n} page cache entries written before the outage`);
    },
  });
  const layer = withLocalLayer(createRedisHandler({ client, keyPrefix: prefix, timeoutMs: 1_000 }), { client, keyPrefix: prefix });
  handler = layer;
  // Only successful answers are kept (./cacheable.mjs): a 404 or an OPTIONS 204 is answered and forgotten.
  /** @type {typeof layer} */
  const kept = Object.assign(Object.create(layer), {
    /** @type {typeof layer.set} */
    set: (key, value, ctx) =>
      isCacheable(/** @type {{ kind?: string, status?: number }} */ (value.value)) ? layer.set(key, withRouteTags(value), ctx) : Promise.resolve(),
  });
  return { handlers: [kept] };
}

CacheHandler.onCreation(() => {
  processWide[KEY] ??= create();
  return processWide[KEY];
});

export default CacheHandler;
