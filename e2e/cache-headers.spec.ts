import { expect, test } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { clientIp, type SandboxVideo } from './support/helpers';
import { creatorWith } from './support/showcase-fixtures';

// How every surface may be cached, as npm start's server answers it (lib/platform/http/cache-policy.mjs):
// what a shared cache (the edge) may keep until purged, tagged; what it must never keep.

const SHARED = 'public, max-age=0, must-revalidate, s-maxage=31536000';
const PRIVATE = 'private, no-store';
const REVALIDATE = 'public, max-age=0, must-revalidate';

test.describe.configure({ mode: 'serial' });

let creator: { user: string; videos: SandboxVideo[] };
let cookie: string;

test.beforeAll(async ({ browser, request }) => {
  const page = await (await browser.newContext()).newPage();
  creator = await creatorWith(page, request, [0, 1]);
  // A second showcase, published, with one video: its surfaces carry its own tag.
  const created = await page.request.post('/api/showcases', { data: { title: 'Second', published: true }, headers: { Origin: BASE_URL } });
  expect(created.status()).toBe(201);
  const { showcase } = await created.json();
  const items = await page.request.put(`/api/showcases/${showcase.id}/items`, {
    data: { items: [{ videoId: creator.videos[0].id }] },
    headers: { Origin: BASE_URL },
  });
  expect(items.status()).toBe(200);
  const session = (await page.context().cookies()).find((c) => c.name === 'showreel_session');
  cookie = `showreel_session=${session!.value}`;
});

/** A visitor's GET (no cookies), headers only. */
async function headersOf(path: string, extra: Record<string, string> = {}) {
  const res = await fetch(`${BASE_URL}${path}`, { headers: extra, redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, get: (name: string) => res.headers.get(name) };
}

test('every public surface of a showcase: kept by the edge until purged, browsers revalidate, tagged with the showcase', async () => {
  const h = creator.user;
  // Each answer names its showcase (the default by the handle alone) and its creator.
  const surfaces: Array<[string, string]> = [
    [`/u/${h}`, `showcase:${h}`],
    [`/u/${h}/share-image`, `showcase:${h}`],
    [`/embed/${h}`, `showcase:${h}`],
    [`/embed/${h}?layout=list&theme=dark`, `showcase:${h}`],
    [`/api/public/showcases/${h}`, `showcase:${h}`],
    [`/api/oembed?url=${encodeURIComponent(`${BASE_URL}/u/${h}`)}`, `showcase:${h}`],
    [`/u/${h}/second`, `showcase:${h}/second`],
    [`/u/${h}/second/share-image`, `showcase:${h}/second`],
    [`/embed/${h}?showcase=second`, `showcase:${h}/second`],
    [`/api/public/showcases/${h}/second`, `showcase:${h}/second`],
    [`/api/oembed?url=${encodeURIComponent(`${BASE_URL}/u/${h}/second`)}`, `showcase:${h}/second`],
  ];
  for (const [path, tag] of surfaces) {
    const r = await headersOf(path);
    expect(r.status, path).toBe(200);
    expect(r.get('cache-control'), path).toBe(SHARED);
    expect(r.get('xkey'), path).toBe(`${tag} creator:${h} site`);
    expect(r.get('surrogate-key'), path).toBe(`${tag} creator:${h} site`);
    expect(r.get('cache-tag'), path).toBe(`${tag},creator:${h},site`);
    expect(r.get('set-cookie'), path).toBeNull();
  }
  for (const path of ['/sitemap.xml', '/robots.txt']) {
    const r = await headersOf(path);
    expect(r.status, path).toBe(200);
    expect(r.get('cache-control'), path).toBe(SHARED);
    expect(r.get('xkey'), path).toBe('sitemap site');
  }
});

test('the copies of covers stay immutable, tagged so a deleted copy leaves the edge; embed.js keeps its own lifetime', async () => {
  const html = await (await fetch(`${BASE_URL}/u/${creator.user}`)).text();
  const img = html.match(/\/img\/([0-9a-f]{32})\/\d+\.webp/);
  expect(img).toBeTruthy();
  const r = await headersOf(img![0]);
  expect(r.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(r.get('xkey')).toBe(`img:${img![1]} site`);
  const script = await headersOf('/embed.js');
  expect(script.get('cache-control')).toBe('public, max-age=3600, stale-while-revalidate=86400');
  expect(script.get('xkey')).toBeNull();
});

test('private surfaces and anything that sets a cookie: never kept by a shared cache, never tagged', async ({ request }) => {
  for (const path of ['/dashboard', '/api/showcase', '/api/videos?cursor=0', '/api/health']) {
    const r = await headersOf(path, { cookie });
    expect(r.get('cache-control'), path).toBe(PRIVATE);
    expect(r.get('xkey'), path).toBeNull();
  }
  // Starting a sign-in sets the OAuth state cookie; the sandbox and QR sign-in are private too.
  for (const path of ['/api/auth/tiktok', '/login/qr', '/sandbox/v2/auth/authorize?client_key=x', '/api/auth/logout']) {
    const r = await headersOf(path);
    expect(r.get('cache-control'), path).toBe(PRIVATE);
    expect(r.get('xkey'), path).toBeNull();
  }
  // (Playwright's client sends no Sec-Fetch headers, like a top-level navigation of an older browser.)
  const start = await request.get('/api/auth/tiktok', { maxRedirects: 0, headers: { 'X-Forwarded-For': clientIp() } });
  expect(start.status()).toBe(302);
  expect(start.headers()['set-cookie']).toBeTruthy();
  expect(start.headers()['cache-control']).toBe(PRIVATE);
  expect(start.headers().xkey).toBeUndefined();
});

test('answers nothing would purge are kept by no shared cache: the landing page, /watch, unknown and unpublished pages', async () => {
  for (const path of ['/', `/watch/${creator.videos[0].id}`, '/u/nobody-has-this-handle', '/embed/nobody-has-this-handle']) {
    const r = await headersOf(path);
    expect(r.get('cache-control'), path).toBe(REVALIDATE);
    expect(r.get('xkey'), path).toBeNull();
  }
  expect((await headersOf('/u/nobody-has-this-handle')).status).toBe(404);
});
