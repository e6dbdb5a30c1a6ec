// One way to open Redis for the whole app (the Next cache handler and the readiness check): fail
// fast while Redis is away (no offline queue, short timeouts, so pages render from the database
// instead of waiting), reconnect by itself, and say so once per outage instead of once per request.
/** @import { RedisClientType } from '@redis/client' */
import { createClient } from '@redis/client';
import { settings } from '../config/index.mjs';

/** @typedef {{ client: RedisClientType, recovering: boolean }} Opened */

// Every client of this process, wherever it was opened (the cache handler is loaded by Next outside
// the app's bundle, with a module instance of its own), so the readiness check can ask all of them.
const REGISTRY = Symbol.for('showreel.redisClients');
const processWide = /** @type {{ [REGISTRY]?: Map<string, Opened> }} */ (globalThis);

/**
 * @param {string} url
 * @param {{ name: string, onRecovered?: (client: RedisClientType) => void | Promise<void> }} options
 * @returns {RedisClientType}
 */
export function openRedis(url, { name, onRecovered }) {
  processWide[REGISTRY] ??= new Map();
  const registry = processWide[REGISTRY];
  // How long Redis may take to answer (REDIS_TIMEOUT_MS) before the app goes on without it.
  const timeout = settings().REDIS_TIMEOUT_MS;
  let down = false;
  /** @type {Opened} */
  const entry = { client: /** @type {RedisClientType} */ (/** @type {unknown} */ (null)), recovering: false };
  /** @param {string} why */
  const goDown = (why) => {
    if (down) return;
    down = true;
    console.warn(`[showreel] Redis unavailable for ${name} (${why}); serving without it until it returns`);
  };
  const make = () => {
    const client = /** @type {RedisClientType} */ (
      createClient({
        url,
        disableOfflineQueue: true,
        // Commands not yet written give up after the timeout (node-redis cancels only those; a
        // written one waits for its reply: the watchdog below ends those).
        commandOptions: { timeout },
        socket: {
          connectTimeout: Math.max(timeout, 1_000),
          // Keep trying for as long as the process lives, at most every 2 s.
          reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
        },
      })
    );
    client.on('error', (e) => goDown(e?.code ?? e?.message ?? 'error'));
    client.on('ready', () => {
      if (!down) return;
      down = false;
      console.log(`[showreel] Redis is back for ${name}`);
      entry.recovering = true;
      void Promise.resolve(onRecovered?.(proxy))
        .catch(() => undefined)
        .finally(() => (entry.recovering = false));
    });
    // A failed first connection is retried by the reconnect strategy; the error is reported above.
    client.connect().catch(() => undefined);
    return client;
  };
  let current = make();
  // The watchdog: a connected Redis must answer a PING within the timeout. One that does not (a
  // SIGSTOP, a network that drops packets) gets its connection dropped: every command waiting on
  // it fails at once, and a new connection is not ready until Redis answers again, so meanwhile
  // every caller skips Redis at once (pages render from the database, readiness says 503). When it
  // is ready again the cache it kept is dropped, as after any outage.
  const watchdog = setInterval(() => {
    const client = current;
    if (!client.isReady) return;
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('late')), timeout);
    });
    Promise.race([client.ping(), late]).then(
      () => clearTimeout(timer),
      () => {
        clearTimeout(timer);
        if (client !== current || !client.isReady) return;
        goDown(`no answer within ${timeout} ms`);
        current = make();
        client.destroy();
      },
    );
  }, 1_000);
  watchdog.unref();
  // What callers get: always the current connection (the cache handler, its memory layer, the
  // limits and the revalidation records keep this object, not a connection).
  const proxy = /** @type {RedisClientType} */ (
    new Proxy(/** @type {object} */ (current), {
      get(_target, prop) {
        const value = Reflect.get(current, prop, current);
        return typeof value === 'function' ? value.bind(current) : value;
      },
      has(_target, prop) {
        return Reflect.has(current, prop);
      },
    })
  );
  entry.client = proxy;
  registry.set(name, entry);
  return proxy;
}

/**
 * Resolves once the client is connected, or rejects after `timeoutMs`: commands are not queued while
 * it connects (fail fast), so a client opened a moment ago is given that long to get there.
 * @param {RedisClientType} client
 * @returns {Promise<void>}
 */
export function whenReady(client, timeoutMs = 1_000) {
  if (client.isReady) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new Error('Redis did not connect in time'));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}

const clients = () => processWide[REGISTRY] ?? new Map();

/**
 * Asks every Redis client of this process for a PONG; throws, naming the client, while one is
 * away or still cleaning up after an outage.
 */
export async function assertRedisReady() {
  for (const [name, { client, recovering }] of clients()) {
    if (!client.isReady) throw new Error(`${name}: not connected`);
    if (recovering) throw new Error(`${name}: recovering from an outage`);
    await client.ping();
  }
}

/** Closes every Redis client of this process (the last step of a graceful stop). */
export async function closeAllRedis() {
  await Promise.all([...clients().values()].map(({ client }) => client.close().catch(() => undefined)));
}
