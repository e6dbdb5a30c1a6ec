// A memory layer in front of the shared Redis handler. Reading a whole cached page from Redis on
// every hit (HTML and RSC payload, JSON and base64 decoded) cost the public page about a fifth of its
// throughput. Here a hit keeps the page in this process and asks Redis only the two small questions
// the Redis handler itself asks before serving: is the entry still listed (an explicit tag would
// have removed it), and was any of its tags, path tags included, revalidated after it was stored?
// One round trip of a few bytes, so a save on any instance still shows on every instance's next
// request. While Redis is away nothing is served from memory: no answer, no proof of freshness.
/** @import { SetContext } from '@fortedigital/nextjs-cache-handler/cache-handler.types' */
/** @import { RedisClientType } from '@redis/client' */
import { withAbortSignal } from '@fortedigital/nextjs-cache-handler/helpers/withAbortSignal';
import { REVALIDATED_TAGS_KEY, SHARED_TAGS_KEY } from './keys.mjs';

/**
 * What the layer reads of a cached entry (the handler's own entries, its CacheHandlerValue, hold more).
 * @typedef {{ lastModified: number, tags?: readonly string[] }} Entry
 */

/**
 * A handler as @fortedigital/nextjs-cache-handler's CacheHandler calls it (its `Handler` type), for
 * entries of type V: the redis-strings handler, and this layer in front of it.
 * @template {Entry} V
 * @typedef {{
 *   name: string,
 *   get: (key: string, meta: { implicitTags: string[] }) => Promise<V | null | undefined>,
 *   set: (key: string, value: V, ctx?: SetContext) => Promise<void>,
 *   revalidateTag: (tag: string) => Promise<void>,
 *   delete?: (key: string) => Promise<void>,
 * }} Layer
 */

/**
 * The layer: a handler, and what a recovery from an outage needs of it.
 * @template {Entry} V
 * @typedef {Layer<V> & { clear: () => void, readonly size: number }} LocalLayer
 */

/**
 * @template {Entry} V
 * @param {Layer<V>} remote the redis-strings handler
 * @param {{ client: RedisClientType, keyPrefix: string, maxEntries?: number, timeoutMs?: number }} options
 * @returns {LocalLayer<V>}
 */
export function withLocalLayer(remote, { client, keyPrefix, maxEntries = 200, timeoutMs = 1_000 }) {
  // Insertion order is recency order: a hit re-inserts, the oldest goes first when full.
  /** @type {Map<string, V>} */
  const entries = new Map();

  /** @param {string} key @param {V} value */
  const remember = (key, value) => {
    entries.delete(key);
    entries.set(key, value);
    // Never empty here, so the first key is a string.
    if (entries.size > maxEntries) entries.delete(/** @type {string} */ (entries.keys().next().value));
  };

  // Hits of the same page that arrive in the same turn of the event loop share one check, sent at
  // the end of that turn: every request it answers arrived before it was sent, so none of them can
  // miss a revalidation that finished before it arrived.
  /** @type {Map<string, { value: V, result: Promise<boolean> }>} */
  const batches = new Map();
  /** @param {string} key @param {V} value @param {string[]} implicitTags */
  function checkSoon(key, value, implicitTags) {
    let batch = batches.get(key);
    if (batch?.value !== value) {
      batch = {
        value,
        result: new Promise((resolve, reject) =>
          setImmediate(() => {
            batches.delete(key);
            stillFresh(key, value, implicitTags).then(resolve, reject);
          }),
        ),
      };
      batches.set(key, batch);
    }
    return batch.result;
  }

  /** @param {string} key @param {V} value @param {string[]} implicitTags */
  async function stillFresh(key, value, implicitTags) {
    if (!client.isReady) throw new Error('Redis is not connected');
    const tags = [...new Set([...(value.tags ?? []), ...implicitTags])];
    const [listed, times] = await withAbortSignal(
      () => Promise.all([client.hExists(keyPrefix + SHARED_TAGS_KEY, key), tags.length ? client.hmGet(keyPrefix + REVALIDATED_TAGS_KEY, tags) : []]),
      AbortSignal.timeout(timeoutMs),
    );
    return Boolean(listed) && times.every((t) => !t || Number.parseInt(t, 10) <= value.lastModified);
  }

  return {
    name: 'memory+redis-strings',
    async get(key, meta) {
      const local = entries.get(key);
      if (local) {
        const fresh = await checkSoon(key, local, meta?.implicitTags ?? []);
        // A set() may have replaced the entry while the check was out: never put an older one back.
        if (entries.get(key) === local) {
          if (fresh) remember(key, local);
          else entries.delete(key);
        }
        if (fresh) return local;
      }
      const value = await remote.get(key, meta);
      if (value) remember(key, value);
      return value;
    },
    async set(key, value, ctx) {
      entries.delete(key);
      await remote.set(key, value, ctx);
      remember(key, value);
    },
    async revalidateTag(tag) {
      for (const [key, value] of entries) if (value.tags?.includes(tag)) entries.delete(key);
      await remote.revalidateTag(tag);
    },
    async delete(key) {
      entries.delete(key);
      await remote.delete?.(key);
    },
    /** Forgets everything kept in memory (after an outage, with the Redis entries). */
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
