import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { applyCachePolicy, cachePolicy, PRIVATE, REVALIDATE, SHARED, SITE_TAG } from '@/lib/platform/http/cache-policy.mjs';
import { edgeTagsOf } from '@/lib/showcase/edge-tags';
import { creatorTag, SITEMAP_TAG, showcaseTag } from '@/lib/showcase/tags';

const HASH = '0123456789abcdef0123456789abcdef';

/** The policy for a 200 answer to `target`, with the app's tags, as npm start's server applies it. */
const policyOf = (target: string, opts: { cacheControl?: string; setsCookie?: boolean; status?: number } = {}) =>
  cachePolicy({ target, status: opts.status ?? 200, cacheControl: opts.cacheControl, setsCookie: opts.setsCookie ?? false, tags: edgeTagsOf(target) });

describe('the caching policy of every surface', () => {
  it.each([
    // Each answer carries its showcase's tag and its creator's (lib/showcase/tags.ts).
    ['/u/ana', [showcaseTag('ana'), creatorTag('ana')]],
    ['/u/ana/share-image', [showcaseTag('ana'), creatorTag('ana')]],
    ['/u/ana?_rsc=abc', [showcaseTag('ana'), creatorTag('ana')]],
    ['/u/ana/new-drops', [showcaseTag('ana', 'new-drops'), creatorTag('ana')]],
    ['/u/ana/new-drops/share-image', [showcaseTag('ana', 'new-drops'), creatorTag('ana')]],
    ['/embed/ana', [showcaseTag('ana'), creatorTag('ana')]],
    ['/embed/ana?showcase=new-drops&layout=list', [showcaseTag('ana', 'new-drops'), creatorTag('ana')]],
    ['/embed/ana/list.dark.10.1.0', [showcaseTag('ana'), creatorTag('ana')]],
    ['/embed/ana/list.dark.10.1.0.new-drops', [showcaseTag('ana', 'new-drops'), creatorTag('ana')]],
    // The variant decides what the page shows, whatever a query beside it says.
    ['/embed/ana/list.dark.10.1.0.new-drops?showcase=other', [showcaseTag('ana', 'new-drops'), creatorTag('ana')]],
    ['/embed/ana/list.dark.10.1.0?showcase=other', [showcaseTag('ana'), creatorTag('ana')]],
    ['/api/public/showcases/ana', [showcaseTag('ana'), creatorTag('ana')]],
    ['/api/public/showcases/ana?stats=1', [showcaseTag('ana'), creatorTag('ana')]],
    ['/api/public/showcases/ana/new-drops', [showcaseTag('ana', 'new-drops'), creatorTag('ana')]],
    [`/api/oembed?url=${encodeURIComponent('https://showreel.test/u/ana')}`, [showcaseTag('ana'), creatorTag('ana')]],
    [`/api/oembed?url=${encodeURIComponent('https://showreel.test/u/ana/new-drops')}`, [showcaseTag('ana', 'new-drops'), creatorTag('ana')]],
    ['/sitemap.xml', [SITEMAP_TAG]],
    ['/sitemap/0.xml', [SITEMAP_TAG]],
    ['/robots.txt', [SITEMAP_TAG]],
  ])('%s: kept by the edge until purged, browsers revalidate, tagged', (target, tags) => {
    const all = [...tags, SITE_TAG];
    expect(policyOf(target, { cacheControl: 's-maxage=300, stale-while-revalidate=31535700' })).toEqual({ cacheControl: SHARED, tags: all });
  });

  it('gives a 304 the lifetime and tags of the answer it revalidates', () => {
    expect(policyOf('/u/ana', { status: 304 })).toEqual({ cacheControl: SHARED, tags: [showcaseTag('ana'), creatorTag('ana'), SITE_TAG] });
  });

  it('keeps immutable what names its content, tagged so a deleted copy can be purged', () => {
    const immutable = 'public, max-age=31536000, immutable';
    expect(policyOf(`/img/${HASH}/480.webp`, { cacheControl: immutable })).toEqual({ cacheControl: undefined, tags: [`img:${HASH}`, SITE_TAG] });
  });

  it('leaves embed.js its own lifetime: no change of a showcase makes it stale', () => {
    expect(policyOf('/embed.js', { cacheControl: 'public, max-age=3600' })).toEqual({ cacheControl: undefined, tags: [] });
  });

  it.each([
    '/dashboard',
    '/login/qr',
    '/auth',
    '/native-callback?code=x',
    '/sandbox/v2/auth/authorize',
    '/sandbox/api/v2/user/info/',
    '/api/showcase',
    '/api/videos',
    '/api/auth/tiktok',
    '/api/auth/tiktok/callback',
    '/api/auth/qr/123',
    '/api/auth/logout',
    '/api/account/delete',
    '/api/health',
    '/api/cron/sync',
    '/api/covers/123',
    '/api',
  ])('%s: private, never kept by a shared cache', (target) => {
    expect(policyOf(target, { cacheControl: 'public, s-maxage=300' })).toEqual({ cacheControl: PRIVATE, tags: [] });
  });

  it('makes anything that sets a cookie private, public surfaces included', () => {
    for (const target of ['/u/ana', '/', '/embed.js', `/img/${HASH}/240.webp`]) {
      expect(policyOf(target, { cacheControl: 'public, max-age=31536000, immutable', setsCookie: true })).toEqual({ cacheControl: PRIVATE, tags: [] });
    }
  });

  it('lets no shared cache keep an answer nothing would purge', () => {
    // The landing page (prerendered), /watch (ISR), a public surface that failed, an unknown handle.
    expect(policyOf('/', { cacheControl: 's-maxage=31536000' })).toEqual({ cacheControl: REVALIDATE, tags: [] });
    expect(policyOf('/watch/123', { cacheControl: 's-maxage=300, stale-while-revalidate=31535700' })).toEqual({ cacheControl: REVALIDATE, tags: [] });
    expect(policyOf('/u/nobody', { status: 404, cacheControl: 'private, no-cache, no-store, max-age=0, must-revalidate' })).toEqual({
      cacheControl: REVALIDATE,
      tags: [],
    });
    expect(policyOf('/u/%ff')).toEqual({ cacheControl: REVALIDATE, tags: [] });
    expect(policyOf(`/api/oembed?url=${encodeURIComponent('https://elsewhere.example/u/ana')}`)).toEqual({ cacheControl: REVALIDATE, tags: [] });
  });

  it("leaves Next's content-hashed build output as it is", () => {
    expect(policyOf('/_next/static/chunks/app.js', { cacheControl: 'public, max-age=31536000, immutable' })).toEqual({ cacheControl: undefined, tags: [] });
  });
});

describe('applyCachePolicy on a response', () => {
  async function serve(handler: (res: http.ServerResponse) => void, target: string) {
    const server = http.createServer((req, res) => {
      applyCachePolicy(res, req.url ?? '/', edgeTagsOf);
      handler(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${target}`);
      await res.arrayBuffer();
      return res.headers;
    } finally {
      server.close();
    }
  }

  it('decides when the head leaves, after the route set its own headers', async () => {
    const headers = await serve((res) => {
      res.setHeader('Cache-Control', 's-maxage=300');
      res.setHeader('xkey', 'forged');
      res.end('page');
    }, '/u/ana');
    expect(headers.get('cache-control')).toBe(SHARED);
    expect(headers.get('xkey')).toBe(`${showcaseTag('ana')} ${creatorTag('ana')} ${SITE_TAG}`);
    expect(headers.get('surrogate-key')).toBe(`${showcaseTag('ana')} ${creatorTag('ana')} ${SITE_TAG}`);
    expect(headers.get('cache-tag')).toBe(`${showcaseTag('ana')},${creatorTag('ana')},${SITE_TAG}`);
  });

  it('sees a cookie set with writeHead itself, and drops the tags', async () => {
    const headers = await serve((res) => res.writeHead(200, { 'Set-Cookie': 'a=1', 'Cache-Control': 's-maxage=300' }).end('x'), '/u/ana');
    expect(headers.get('cache-control')).toBe(PRIVATE);
    expect(headers.get('xkey')).toBeNull();
    expect(headers.get('cache-tag')).toBeNull();
  });
});
