import { expect, test } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { control, counters, type SandboxVideo, signIn } from './support/helpers';
import { creatorWith } from './support/showcase-fixtures';

// What a showcase offers other software: oEmbed, the public JSON API, the share image; and the
// prerendered landing page.

test.describe.configure({ mode: 'serial' });

let a: { user: string; videos: SandboxVideo[] };
let b: { user: string; videos: SandboxVideo[] };

test.beforeAll(async ({ browser, request }) => {
  a = await creatorWith(await (await browser.newContext()).newPage(), request, [5, 0, 9, 2]);
  b = await creatorWith(await (await browser.newContext()).newPage(), request, [1, 7, 3]);
});

test('oEmbed: a published page, an unknown handle, a foreign URL, format=xml, a bad URL', async ({ request }) => {
  const pageUrl = `${BASE_URL}/u/${a.user}`;
  const html = await (await request.get(`/u/${a.user}`)).text();
  expect(html).toContain(
    `<link rel="alternate" type="application/json+oembed" href="${BASE_URL}/api/oembed?format=json&amp;url=${encodeURIComponent(pageUrl)}"`,
  );

  const ok = await request.get(`/api/oembed?url=${encodeURIComponent(pageUrl)}&format=json&maxwidth=320&maxheight=500`);
  expect(ok.status()).toBe(200);
  const o = await ok.json();
  expect(o).toMatchObject({
    version: '1.0',
    type: 'rich',
    width: 320,
    height: 500,
    provider_name: 'Showreel',
    provider_url: BASE_URL,
    author_url: pageUrl,
    thumbnail_url: `${pageUrl}/share-image`,
    thumbnail_width: 1200,
    thumbnail_height: 630,
  });
  expect(o.title).toMatch(/Showreel$/);
  expect(o.author_name).toBeTruthy();
  expect(o.html).toContain(`<iframe src="${BASE_URL}/embed/${a.user}" width="320" height="500"`);

  const answers = async (url: string, extra = '') => (await request.get(`/api/oembed?url=${encodeURIComponent(url)}${extra}`)).status();
  expect(await answers(`${BASE_URL}/u/nobody-here-at-all`)).toBe(404);
  expect(await answers(`https://elsewhere.example/u/${a.user}`)).toBe(404);
  expect(await answers(`${BASE_URL}/dashboard`)).toBe(404);
  expect(await answers(pageUrl, '&format=xml')).toBe(501);
  const bad = await request.get('/api/oembed?url=not%20a%20url');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe('bad_request');
});

test('public JSON API: shape and order, CORS, 304 on a matching ETag, no token, secret or internal id', async ({ request }) => {
  const res = await request.get(`/api/public/showcases/${a.user}`, { headers: { Origin: 'https://someone-else.example' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['access-control-allow-origin']).toBe('*');
  expect(res.headers()['cache-control']).toContain('s-maxage=');
  const etag = res.headers().etag;
  expect(etag).toMatch(/^".+"$/);
  const body = await res.json();
  expect(Object.keys(body).sort()).toEqual(['creator', 'showcase', 'updatedAt', 'videos']);
  // The default showcase of the creator (several showcases: docs/showcases.md).
  expect(body.showcase).toEqual({ slug: 'featured', title: 'Featured videos', description: '', isDefault: true, url: `${BASE_URL}/u/${a.user}` });
  expect(body.creator).toEqual({
    displayName: expect.any(String),
    handle: a.user,
    avatarUrl: `${BASE_URL}/api/avatars/${a.user}`,
    // The copies themselves (issue 18): immutable URLs on the app's origin, never TikTok's CDN.
    avatar: {
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      sources: [96, 192].map((w) => ({ url: expect.stringMatching(new RegExp(`^${BASE_URL}/img/[0-9a-f]{32}/${w}\\.webp$`)), width: w, height: w })),
    },
    profileUrl: `${BASE_URL}/u/${a.user}`,
  });
  expect(body.videos.map((v: { id: string }) => v.id)).toEqual(a.videos.map((v) => v.id));
  expect(body.videos[0]).toEqual({
    id: a.videos[0].id,
    title: a.videos[0].title,
    durationSeconds: expect.any(Number),
    createdAt: new Date(a.videos[0].createTime * 1000).toISOString(),
    coverUrl: `${BASE_URL}/api/covers/${a.videos[0].id}`,
    cover: {
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      sources: [240, 480, 720].map((w) => ({
        url: expect.stringMatching(new RegExp(`^${BASE_URL}/img/[0-9a-f]{32}/${w}\\.webp$`)),
        width: w,
        height: Math.round((w * 16) / 9),
      })),
    },
    embedUrl: `https://www.tiktok.com/player/v1/${a.videos[0].id}`,
    watchUrl: `${BASE_URL}/watch/${a.videos[0].id}`,
    shareUrl: expect.stringContaining(`/video/${a.videos[0].id}`),
    aiGenerated: false,
    link: null,
  });
  expect(Number.isNaN(Date.parse(body.updatedAt))).toBe(false);
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/act\.|rft\.|token|secret|open_?id|userId/i);
  expect(text).not.toMatch(/sandbox\/cdn|tiktokcdn|x-expires/);

  const again = await request.get(`/api/public/showcases/${a.user}`, { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
  expect(again.headers().etag).toBe(etag);
  const preflight = await request.fetch(`/api/public/showcases/${a.user}`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://x.example', 'Access-Control-Request-Headers': 'if-none-match' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-headers']).toContain('If-None-Match');

  const missing = await request.get('/api/public/showcases/nobody-here-at-all');
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe('not_found');
  expect((await request.get('/api/public/showcases/bad%20handle')).status()).toBe(400);
});

test('the share image is a PNG, and makes no TikTok API call while covers are fresh', async ({ request }) => {
  const html = await (await request.get(`/embed/${b.user}`)).text();
  expect(html).toContain(`<meta property="og:image" content="${BASE_URL}/u/${b.user}/share-image"/>`);
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
  await control(request, { action: 'resetCounters' });
  const res = await request.get(`/u/${b.user}/share-image`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/png');
  const png = await res.body();
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1200);
  expect(png.readUInt32BE(20)).toBe(630);
  const calls = await counters(request);
  for (const endpoint of ['video/query', 'video/list', 'user/info', 'oauth/token:refresh']) expect(calls[endpoint] ?? 0).toBe(0);
  expect((await request.get('/u/nobody-here-at-all/share-image')).status()).toBe(404);
});

test('the landing page is prerendered; a signed-in creator is sent on to the dashboard', async ({ request, page }) => {
  const landing = await request.get('/');
  expect(landing.status()).toBe(200);
  expect(landing.headers()['x-nextjs-cache'] ?? landing.headers()['x-nextjs-prerender']).toBeTruthy();
  await signIn(page, a.user);
  await page.goto('/');
  await expect(page).toHaveURL(/\/dashboard$/);
});
