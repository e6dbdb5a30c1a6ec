import { randomBytes } from 'node:crypto';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient, type RedisClientType } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Layer, withLocalLayer } from '@/lib/platform/cache/local-layer.mjs';
import { TEST_DIALECT } from '../../support/databases';

// Two "instances" (each its own Redis client, Redis handler and memory layer) on one real Redis,
// as two `npm start` servers with REDIS_URL are. Runs with the services (`npm run test:services`).
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PATH_TAG = '_N_T_/u/someone';

describe.runIf(TEST_DIALECT === 'postgresql')('memory layer in front of the shared Redis cache', () => {
  const prefix = `test-local-layer-${randomBytes(4).toString('hex')}:`;
  const clients: RedisClientType[] = [];

  function instance() {
    const client = createClient({ url: REDIS }) as RedisClientType;
    clients.push(client);
    // The pages below are simplified (Next's own entries name their kind with an enum): the handler
    // stores them as they are.
    const remote = createRedisHandler({ client, keyPrefix: prefix, timeoutMs: 1_000 }) as unknown as Layer<Page>;
    const remoteGet = vi.spyOn(remote, 'get');
    return { client, remoteGet, cache: withLocalLayer(remote, { client, keyPrefix: prefix, maxEntries: 2 }) };
  }

  const entry = (html: string) => ({
    lastModified: Date.now(),
    lifespan: null,
    tags: Object.freeze([PATH_TAG]),
    value: { kind: 'APP_PAGE', html, rscData: Buffer.from(`rsc ${html}`), headers: {}, status: 200, postponed: undefined, segmentData: undefined },
  });
  type Page = ReturnType<typeof entry>;
  const meta = { implicitTags: [PATH_TAG] };

  let a: ReturnType<typeof instance>;
  let b: ReturnType<typeof instance>;
  beforeAll(async () => {
    a = instance();
    b = instance();
    await Promise.all(clients.map((c) => c.connect()));
  });
  afterAll(async () => {
    const keys = await clients[0].keys(`${prefix}*`);
    if (keys.length) await clients[0].del(keys);
    await Promise.all(clients.map((c) => c.close()));
  });

  it('serves a repeated hit from memory, after one small freshness check', async () => {
    await a.cache.set('/u/someone', entry('first'), {});
    const first = await b.cache.get('/u/someone', meta);
    expect(first?.value.html).toBe('first');
    expect(b.remoteGet).toHaveBeenCalledTimes(1);
    const again = await b.cache.get('/u/someone', meta);
    expect(again?.value.html).toBe('first');
    expect(b.remoteGet).toHaveBeenCalledTimes(1);
    expect(String(again?.value.rscData)).toBe('rsc first');
  });

  it('drops the memory copy on every instance when one instance revalidates the path', async () => {
    await new Promise((r) => setTimeout(r, 5)); // the revalidation must come after lastModified
    await a.cache.revalidateTag(PATH_TAG);
    expect(await b.cache.get('/u/someone', meta)).toBeNull();
    expect(await a.cache.get('/u/someone', meta)).toBeNull();
    await b.cache.set('/u/someone', entry('second'), {});
    expect((await a.cache.get('/u/someone', meta))?.value.html).toBe('second');
  });

  it('drops the memory copy when another instance removed the entry by an explicit tag', async () => {
    const tagged = { ...entry('tagged'), tags: Object.freeze(['showcase']) };
    await a.cache.set('/api/thing', tagged, {});
    expect((await b.cache.get('/api/thing', { implicitTags: [] }))?.value.html).toBe('tagged');
    await a.cache.revalidateTag('showcase');
    expect(await b.cache.get('/api/thing', { implicitTags: [] })).toBeNull();
  });

  it('answers hits that arrive together with one check, and never with a check sent before they arrived', async () => {
    await a.cache.set('/u/batch', entry('batch'), {});
    await b.cache.get('/u/batch', meta); // now in b's memory
    const checks = vi.spyOn(b.client, 'hExists');
    const together = await Promise.all([b.cache.get('/u/batch', meta), b.cache.get('/u/batch', meta), b.cache.get('/u/batch', meta)]);
    expect(together.map((v) => v?.value.html)).toEqual(['batch', 'batch', 'batch']);
    expect(checks).toHaveBeenCalledTimes(1);

    const early = b.cache.get('/u/batch', meta);
    await new Promise((r) => setImmediate(r)); // early's check is on its way
    await new Promise((r) => setTimeout(r, 5));
    await a.cache.revalidateTag(PATH_TAG);
    const late = await b.cache.get('/u/batch', meta);
    expect(late).toBeNull();
    expect((await early)?.value.html).toBe('batch');
    checks.mockRestore();
  });

  it('keeps at most maxEntries pages in memory', async () => {
    for (const k of ['/one', '/two', '/three']) await a.cache.set(k, entry(k), {});
    expect(a.cache.size).toBe(2);
  });

  it('serves nothing from memory while Redis is away', async () => {
    const c = instance();
    await c.client.connect();
    await a.cache.set('/u/away', entry('away'), {});
    expect(await c.cache.get('/u/away', meta)).not.toBeNull();
    await c.client.close();
    await expect(c.cache.get('/u/away', meta)).rejects.toThrow(/not connected/);
    clients.pop();
  });
});
