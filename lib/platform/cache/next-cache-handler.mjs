// Next's cache (ISR pages, route handler responses, what revalidatePath drops) shared by every
// instance through Redis, with @fortedigital/nextjs-cache-handler. next.config.mjs uses this file
// only when REDIS_URL is set; without it Next keeps its default per-instance cache.
//
// - Keys are prefixed with REDIS_KEY_PREFIX and the build id, so a new deployment never serves
//   pages rendered by the old one.
// - Next's own memory cache is off (cacheMaxMemorySize is 0): a page dropped on one instance must be
//   dropped on all of them. local-layer.mjs keeps pages in memory instead, and checks each hit
//   against Redis's revalidation records before serving it.
// - While Redis is away every read is a miss (pages render from the database) and writes are lost;
//   once it is back, this instance deletes its prefix's keys, since invalidations sent during the
//   outage were lost too. Slower for a while, never stale.

import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { DEFAULT_REDIS_KEY_PREFIX, pageCachePrefix } from './keys.mjs';
import { withLocalLayer } from './local-layer.mjs';
import { openRedis } from './redis-client.mjs';

const KEY = Symbol.for('showreel.nextCacheHandler');

/** Deletes every key under the prefix, in batches, without blocking Redis. */
async function dropAll(client, prefix) {
  let n = 0;
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    if (keys.length) n += await client.unlink(keys);
  }
  return n;
}

function create() {
  const prefix = pageCachePrefix(process.env.REDIS_KEY_PREFIX || DEFAULT_REDIS_KEY_PREFIX);
  let handler;
  const client = openRedis(process.env.REDIS_URL, {
    name: 'the page cache',
    onRecovered: async (c) => {
      handler?.clear();
      const n = await dropAll(c, prefix);
      console.log(`[showreel] dropped ${n} page cache entries written before the outage`);
    },
  });
  handler = withLocalLayer(createRedisHandler({ client, keyPrefix: prefix, timeoutMs: 1_000 }), { client, keyPrefix: prefix });
  return { handlers: [handler] };
}

CacheHandler.onCreation(() => {
  globalThis[KEY] ??= create();
  return globalThis[KEY];
});

export default CacheHandler;
