import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createResponseCache, etagMatches, freshAgainst, ORIGIN_CACHE_HEADER, takesGzip } from '@/lib/platform/http/response-cache.mjs';

type Answer = { status?: number; cache?: string; cookie?: boolean; body?: string; chunks?: string[]; encoding?: string };

/**
 * A server as `npm start`'s: the cache in front of a stand-in for Next that counts what reaches it
 * and answers as `answer` says (Next's headers: x-nextjs-cache, ETag, Content-Type).
 */
async function serve(
  options: { ttlMs?: number; isFresh?: (tags: string[], storedAt: number) => Promise<boolean>; graceMs?: number; now?: () => number; maxBytes?: number } = {},
) {
  let answer: Answer = {};
  const reached: string[] = [];
  const cache = createResponseCache({
    ttlMs: options.ttlMs ?? 60_000,
    tagsOf: () => (target: string) => (target.startsWith('/u/') ? [`showcase:${target.split('/')[2].split('?')[0]}`] : target === '/embed.js' ? [] : null),
    isFresh: options.isFresh,
    graceMs: options.graceMs ?? 0,
    now: options.now,
    maxBytes: options.maxBytes,
  });
  const next = (req: IncomingMessage, res: ServerResponse) => {
    reached.push(`${req.method} ${req.url}`);
    const body = answer.body ?? `<p>${reached.length}</p>`;
    res.statusCode = answer.status ?? 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('x-nextjs-cache', answer.cache ?? 'HIT');
    res.setHeader('ETag', `"${body.length}-${reached.length}"`);
    if (answer.cookie) res.setHeader('Set-Cookie', 'a=b');
    if (answer.encoding) {
      res.setHeader('Content-Encoding', answer.encoding);
      res.end((answer.encoding === 'gzip' ? gzipSync : deflateSync)(body));
      return;
    }
    if (answer.chunks) {
      for (const c of answer.chunks) res.write(c);
      res.end();
    } else res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server = http.createServer((req, res) => void cache.handle(req, res, () => next(req, res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    cache,
    reached,
    answer: (a: Answer) => {
      answer = a;
    },
    get: async (path: string, init: RequestInit = {}) => {
      const res = await fetch(base + path, init);
      return { status: res.status, body: await res.text(), headers: res.headers };
    },
  };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe("the origin's response cache", () => {
  it('answers again what Next served from its cache, with the same bytes and headers, without Next', async () => {
    const s = await serve();
    const first = await s.get('/u/ana');
    const second = await s.get('/u/ana');
    expect(s.reached).toEqual(['GET /u/ana']);
    expect(second.body).toBe(first.body);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(first.body)));
    expect(second.headers.get(ORIGIN_CACHE_HEADER)).toBe('HIT');
    expect(first.headers.get(ORIGIN_CACHE_HEADER)).toBeNull();
  });

  it('keeps a body written in several chunks whole', async () => {
    const s = await serve();
    s.answer({ chunks: ['<p>one', ' two', ' three</p>'] });
    await s.get('/u/ana');
    expect((await s.get('/u/ana')).body).toBe('<p>one two three</p>');
    expect(s.reached).toHaveLength(1);
  });

  it.each<[string, Answer]>([
    ['an answer Next rendered (a MISS)', { cache: 'MISS' }],
    ['a stale answer', { cache: 'STALE' }],
    ['an answer that is not 200', { status: 404 }],
    ['an answer that sets a cookie', { cookie: true }],
  ])('keeps nothing of %s', async (_, answer) => {
    const s = await serve();
    s.answer(answer);
    await s.get('/u/ana');
    await s.get('/u/ana');
    expect(s.reached).toHaveLength(2);
  });

  it('leaves to Next what has no cache tags, and requests that ask for something else than the page', async () => {
    const s = await serve();
    for (const path of ['/dashboard', '/embed.js']) {
      await s.get(path);
      await s.get(path);
    }
    for (const headers of [{ RSC: '1' }, { 'Next-Router-Prefetch': '1' }, { Range: 'bytes=0-10' }] as Record<string, string>[]) {
      await s.get('/u/ana', { headers });
      await s.get('/u/ana', { headers });
    }
    await s.get('/u/ana', { method: 'POST' });
    expect(s.reached).toHaveLength(11);
  });

  it('keeps gzip takers apart from the rest, and each request target apart', async () => {
    const s = await serve();
    await s.get('/u/ana', { headers: { 'Accept-Encoding': 'identity' } });
    await s.get('/u/ana', { headers: { 'Accept-Encoding': 'gzip, br' } });
    await s.get('/u/ana?utm_source=blog');
    expect(s.reached).toHaveLength(3);
    await s.get('/u/ana?utm_source=blog');
    expect(s.reached).toHaveLength(3);
  });

  it('keeps an encoded answer only for clients that take gzip, and only a gzip one', async () => {
    const s = await serve();
    s.answer({ encoding: 'deflate' });
    for (let i = 0; i < 2; i++) await s.get('/u/ana', { headers: { 'Accept-Encoding': 'deflate' } });
    for (let i = 0; i < 2; i++) await s.get('/u/bo', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(s.reached).toHaveLength(4);
    s.answer({ encoding: 'gzip' });
    for (let i = 0; i < 2; i++) await s.get('/u/cy', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(s.reached).toHaveLength(5);
    // A client that takes no gzip never gets the gzip copy.
    const plain = await s.get('/u/cy', { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get(ORIGIN_CACHE_HEADER)).toBeNull();
  });

  it('keeps at most its byte budget of bodies, forgetting the least recently stored first', async () => {
    const s = await serve({ maxBytes: 2_500 });
    s.answer({ body: 'x'.repeat(1_000) });
    for (const h of ['ana', 'bo', 'cy']) await s.get(`/u/${h}`);
    expect(s.cache.size).toBe(2);
    expect(s.cache.bytes).toBe(2_000);
    await s.get('/u/cy');
    await s.get('/u/bo');
    expect(s.reached).toHaveLength(3);
    await s.get('/u/ana');
    expect(s.reached).toHaveLength(4);
  });

  it('answers HEAD with the kept headers and no body, and a matching If-None-Match with a 304', async () => {
    const s = await serve();
    const first = await s.get('/u/ana');
    const head = await s.get('/u/ana', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.get('content-length')).toBe(String(first.body.length));
    const etag = first.headers.get('etag')!;
    const revalidated = await s.get('/u/ana', { headers: { 'If-None-Match': `"other", W/${etag}` } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect((await s.get('/u/ana', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    expect(s.reached).toEqual(['GET /u/ana']);
  });

  it('forgets what a change drops, and only that', async () => {
    const s = await serve();
    await s.get('/u/ana');
    await s.get('/u/bo');
    s.cache.drop(['showcase:ana']);
    await s.get('/u/ana');
    await s.get('/u/bo');
    expect(s.reached).toEqual(['GET /u/ana', 'GET /u/bo', 'GET /u/ana']);
  });

  it('keeps nothing that arrived within the grace after a drop (Next may still be dropping its own copy)', async () => {
    let clock = 1_000_000;
    const s = await serve({ graceMs: 1_000, now: () => clock });
    s.cache.drop(['showcase:ana']);
    clock += 500;
    await s.get('/u/ana');
    await s.get('/u/ana');
    expect(s.reached).toHaveLength(2);
    clock += 1_000;
    await s.get('/u/ana');
    await s.get('/u/ana');
    expect(s.reached).toHaveLength(3);
  });

  it('keeps an answer for its time to live only', async () => {
    let clock = 1_000_000;
    const s = await serve({ ttlMs: 2_000, now: () => clock });
    await s.get('/u/ana');
    clock += 1_999;
    await s.get('/u/ana');
    expect(s.reached).toHaveLength(1);
    clock += 1;
    await s.get('/u/ana');
    expect(s.reached).toHaveLength(2);
  });

  it('asks whether a kept answer is still fresh before each hit, and goes to Next when it is not', async () => {
    const asked: [string[], number][] = [];
    let fresh = true;
    const s = await serve({
      isFresh: async (tags, storedAt) => {
        asked.push([tags, storedAt]);
        return fresh;
      },
    });
    await s.get('/u/ana');
    await s.get('/u/ana');
    expect(s.reached).toHaveLength(1);
    expect(asked).toEqual([[['showcase:ana'], expect.any(Number)]]);
    fresh = false;
    await s.get('/u/ana');
    expect(s.reached).toHaveLength(2);
  });

  it('does nothing when its time to live is 0', async () => {
    const s = await serve({ ttlMs: 0 });
    await s.get('/u/ana');
    await s.get('/u/ana');
    expect(s.reached).toHaveLength(2);
  });
});

describe('a kept answer against the revalidation records (with Redis)', () => {
  it('is fresh only when every record is older than it by more than the clocks may differ', () => {
    const storedAt = 1_000_000;
    expect(freshAgainst([null, null], storedAt)).toBe(true);
    expect(freshAgainst([String(storedAt - 5_000)], storedAt)).toBe(true);
    // Written by another instance whose clock may be a little ahead: counted as after this answer.
    expect(freshAgainst([String(storedAt - 500)], storedAt)).toBe(false);
    expect(freshAgainst([String(storedAt + 10)], storedAt)).toBe(false);
    expect(freshAgainst([null, String(storedAt + 10)], storedAt)).toBe(false);
  });
});

describe('Accept-Encoding', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['*, gzip;q=0', false],
    ['*;q=0.5', true],
    ['deflate', false],
    ['identity', false],
    [undefined, false],
  ])('%s takes gzip: %s', (header, expected) => {
    expect(takesGzip(header)).toBe(expected);
  });
});

describe('If-None-Match', () => {
  it.each([
    ['"a"', '"a"', true],
    ['W/"a"', '"a"', true],
    ['"b", "a"', 'W/"a"', true],
    ['*', '"a"', true],
    ['"b"', '"a"', false],
  ])('%s against %s', (inm, etag, matches) => {
    expect(etagMatches(inm, etag)).toBe(matches);
  });
});
