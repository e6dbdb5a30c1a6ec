import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { creatorWith } from './support/showcase-fixtures';

// Requests nobody's browser sends but anybody can: malformed addresses, odd methods, and what the
// page cache keeps because of them. Each answers in words (the API's error shape under /api, a page
// elsewhere), never with a 500.

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

test('malformed percent-encoding answers 400 or 404 on every dynamic segment, never 500', async ({ request }) => {
  const paths = [
    '/u/%ff%fe',
    '/u/%zz',
    '/u/%zz/share-image',
    '/embed/%zz',
    '/embed/%zz?layout=list',
    '/embed/ok/%zz',
    '/watch/%zz',
    '/api/%zz',
    '/api/covers/%zz',
    '/api/avatars/%zz',
    '/api/public/showcases/%zz',
    '/api/auth/qr/%zz',
    '/sandbox/cdn/cover/%zz',
  ];
  for (const path of paths) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect([400, 404], `${path} answered ${res.status()}`).toContain(res.status());
    if (path.startsWith('/api/')) expect(await res.json(), path).toEqual(errorShape);
    else expect(res.headers()['content-type'], path).toMatch(/^text\/html/);
  }
  // In a query the address is data: oEmbed's url naming a malformed page is simply not a showcase.
  const oembed = await request.get(`/api/oembed?url=${encodeURIComponent(`${new URL(test.info().project.use.baseURL!).origin}/u/%zz`)}`);
  expect(oembed.status()).toBe(404);
  expect(await oembed.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
});

/** Sends raw bytes and returns what the server wrote back (for requests no HTTP client will send). */
function raw(request: string): Promise<string> {
  const { hostname, port } = new URL(test.info().project.use.baseURL!);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let out = '';
    socket.on('data', (d) => (out += d));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer')));
  });
}

test('every /api answer is in the error shape: 405 with Allow, unknown methods, paths that normalise to /api', async ({ request }) => {
  const routes: Record<string, string[]> = {
    '/api/health': ['GET'],
    '/api/showcase': ['GET', 'PUT', 'PATCH'],
    '/api/auth/logout': ['POST'],
    '/api/webhooks/tiktok': ['POST'],
    '/api/covers/123': ['GET'],
    '/api/public/showcases/someone': ['GET'],
    '/native-callback': ['GET'],
  };
  for (const [path, own] of Object.entries(routes)) {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !own.includes(m))) {
      const res = await request.fetch(path, { method, maxRedirects: 0 });
      expect(res.status(), `${method} ${path}`).toBe(405);
      expect(res.headers().allow, `${method} ${path}`).toBe(
        ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']
          .filter((m) => own.includes(m) || m === 'OPTIONS' || (m === 'HEAD' && own.includes('GET')))
          .join(', '),
      );
      expect(await res.json(), `${method} ${path}`).toEqual({ error: { code: 'method_not_allowed', message: expect.any(String) } });
    }
  }
  const options = await request.fetch('/api/health', { method: 'OPTIONS' });
  expect(options.status()).toBe(204);
  expect(options.headers().allow).toBe('GET, HEAD, OPTIONS');
  // HEAD is GET without a body: no Origin check (it used to answer 403).
  expect((await request.fetch('/api/health', { method: 'HEAD' })).status()).toBe(200);

  for (const path of ['/api', '/api/', '/api/.', '/api/x/..']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
    expect(await res.json(), path).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  }
  const propfind = await request.fetch('/api/health', { method: 'PROPFIND' });
  expect(propfind.status()).toBe(400);
  expect(await propfind.json()).toEqual(errorShape);
  // A method Node's parser does not know at all: Node itself answers, in the same shape.
  const foo = await raw('FOO /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  expect(foo).toMatch(/^HTTP\/1\.1 400 /);
  expect(JSON.parse(foo.slice(foo.indexOf('\r\n\r\n') + 4))).toEqual(errorShape);
});

test('no method but GET changes what a cached surface serves: share image, page, embeds', async ({ page, request }) => {
  const { user } = await creatorWith(page, request, [0, 1]);
  // Uncached so far: each surface's first request is the odd one.
  const surfaces: Record<string, RegExp> = {
    [`/u/${user}/share-image`]: /^image\/png/,
    [`/u/${user}`]: /^text\/html/,
    [`/embed/${user}`]: /^text\/html/,
    [`/embed/${user}?layout=list`]: /^text\/html/,
  };
  for (const [path, type] of Object.entries(surfaces)) {
    for (const method of ['OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']) {
      const odd = await request.fetch(path, { method, maxRedirects: 0 });
      expect(odd.status(), `${method} ${path}`).toBeLessThan(500);
      if (method !== 'HEAD') expect(odd.status(), `${method} ${path}`).not.toBe(200);
    }
    for (let i = 0; i < 2; i++) {
      const res = await request.get(path);
      expect(res.status(), `GET ${path} after the others`).toBe(200);
      expect(res.headers()['content-type'], path).toMatch(type);
    }
  }
});

/** Every file of the suite's per-instance page and data cache (Next's, under the build's .next). */
function cachedFiles(): string[] {
  return ['.next/server/route-cache', '.next/cache/fetch-cache']
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name)),
    );
}

test('anonymous requests for unknown handles and variants answer an uncached 404 and leave nothing in the cache', async ({ request }) => {
  const before = cachedFiles();
  const made = Array.from({ length: 12 }, (_, i) => `nobody${Date.now().toString(36)}${i}`);
  for (const handle of made) {
    for (const path of [
      `/u/${handle}`,
      `/embed/${handle}`,
      `/embed/${handle}?layout=list&max=7`,
      `/embed/${handle}/no.such.variant`,
      `/u/${handle}/share-image`,
    ]) {
      for (let i = 0; i < 2; i++) {
        const res = await request.get(path);
        expect(res.status(), path).toBe(404);
        expect(res.headers()['x-nextjs-cache'], `${path} served from the cache`).not.toBe('HIT');
      }
    }
  }
  const after = cachedFiles();
  expect(after.filter((f) => made.some((h) => f.includes(h)))).toEqual([]);
  // The data cache (getPublicShowcase's) keeps nothing for them either: no file was added at all.
  expect(after.filter((f) => !before.includes(f))).toEqual([]);
});

test('every surface carries Cross-Origin-Opener-Policy: same-origin', async ({ request }) => {
  for (const path of ['/', '/login/qr', '/u/nobody-here', '/embed/nobody-here', '/watch/1', '/api/health', '/sandbox/qr?token=x']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()['cross-origin-opener-policy'], path).toBe('same-origin');
  }
});
