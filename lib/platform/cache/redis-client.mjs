// One way to open Redis for the whole app (the Next cache handler and the readiness check): fail
// fast while Redis is away (no offline queue, short timeouts, so pages render from the database
// instead of waiting), reconnect by itself, and say so once per outage instead of once per request.
/** @import { RedisClientType } from '@redis/client' */
import { createClient } from '@redis/client';

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
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 1_000,
      // Keep trying for as long as the process lives, at most every 2 s.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
  let down = false;
  const entry = { client, recovering: false };
  registry.set(name, entry);
  client.on('error', (e) => {
    if (down) return;
    down = true;
    console.warn(`[showreel] Redis unavailable for ${name} (${e?.code ?? e?.message ?? 'error'}); serving without it until it returns`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    console.log(`[showreel] Redis is back for ${name}`);
    entry.recovering = true;
    void Promise.resolve(onRecovered?.(client))
      .catch(() => undefined)
      .finally(() => (entry.recovering = false));
  });
  // A failed first connection is retried by the reconnect strategy; the error is reported above.
  client.connect().catch(() => undefined);
  return client;
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
