import { expect, test } from '@playwright/test';
import { CRON_SECRET } from '../playwright.config';
import { apiPut, control, counters, dragRow, fakeTikTokPlayer, publish, sandboxVideos, signIn, uniqueUser } from './support/helpers';

test.afterEach(async ({ request }) => {
  await control(request, { action: 'reset' });
});

test('browse, load more, pick 3, reorder, save, and watch them in order on the public page', async ({ page, browser, request }) => {
  const user = uniqueUser('reel');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);

  const grid = page.getByRole('list', { name: 'Recent videos' });
  await expect(grid.getByRole('checkbox')).toHaveCount(20);
  await expect(grid.getByText(videos[0].title)).toBeVisible();
  await expect(grid.locator('.duration').first()).toHaveText(/^\d+:\d{2}$/);

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(grid.getByRole('checkbox')).toHaveCount(40);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(grid.getByRole('checkbox')).toHaveCount(videos.length);
  await expect(page.getByText("That's all your videos.")).toBeVisible();

  const [a, b, c] = [videos[0], videos[3], videos[25]];
  for (const v of [a, b, c]) await page.getByRole('checkbox', { name: v.title }).check();
  const order = page.getByRole('list', { name: 'Showcase order' }).getByRole('listitem');
  await expect(order).toHaveCount(3);

  // Keyboard-friendly reorder: c to the top with two "up" moves …
  await page.getByRole('button', { name: `Move ${c.title} up` }).click();
  await page.getByRole('button', { name: `Move ${c.title} up` }).click();
  // … and drag and drop by the handle: a below b.
  await dragRow(page, order.filter({ hasText: a.title }), order.filter({ hasText: b.title }));
  await expect(order).toContainText([c.title, b.title, a.title]);

  await page.getByRole('button', { name: 'Save showcase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showcase saved (3 videos).' })).toBeVisible();

  const publicHref = await page.getByRole('link', { name: 'Public page' }).getAttribute('href');
  expect(publicHref).toBe(`/u/${user}`);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const tiktokRequests: string[] = [];
  visitor.on('request', (r) => {
    if (new URL(r.url()).hostname.endsWith('tiktok.com')) tiktokRequests.push(r.url());
  });
  await fakeTikTokPlayer(visitor);
  await control(request, { action: 'resetCounters' });
  await visitor.goto(publicHref!);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
    user
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' '),
  );
  const plays = visitor.getByRole('button', { name: /^Play / });
  await expect(plays).toHaveText([c.title, b.title, a.title].map((t) => new RegExp(t.replace(/[#]/g, '\\$&'))));
  const firstCover = visitor.locator('img.cover').first();
  await expect(firstCover).toHaveJSProperty('complete', true);
  expect(await firstCover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // Served from the database: no TikTok API call for this view, and nothing from TikTok before a click.
  const during = await counters(request);
  expect(during['video/query'] ?? 0).toBe(0);
  expect(during['video/list'] ?? 0).toBe(0);
  expect(tiktokRequests).toEqual([]);

  await plays.first().click();
  const dialog = visitor.getByRole('dialog', { name: c.title });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('iframe')).toHaveAttribute('src', new RegExp(`^https://www\\.tiktok\\.com/player/v1/${c.id}\\?`));
  expect(tiktokRequests.some((u) => u.includes(`/player/v1/${c.id}`))).toBe(true);
  await visitor.getByRole('button', { name: 'Close player' }).click();
  await expect(dialog).toBeHidden();
  await visitorContext.close();
});

// Covers and the avatar are the app's own copies, made at save and sign-in; a visitor never causes a
// TikTok call. (Replaces the visitor-time refresh journeys: that path is gone, issue 18.) The
// sandbox's CDN answering 403 is what TikTok's does past x-expires, so the visitors below see
// what a page looks like long after every signed URL expired, with TikTok's API down as well.
test('a save copies each cover once; visitors get the copies from the app, with TikTok’s CDN and API down', async ({ page, browser, request, baseURL }) => {
  const user = uniqueUser('copies');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  const chosen = videos.slice(0, 25).map((v) => v.id);
  // Off the dashboard, whose recent-videos grid shows TikTok's (the sandbox CDN's) URLs itself: the
  // CDN's count below is then the server's copies alone. Its pictures finish loading first, or one
  // still being drawn when the counters are reset would count as a copy.
  await page.waitForLoadState('networkidle');
  await page.goto('/api/health');
  await control(request, { action: 'resetCounters' });
  expect((await apiPut(page, '/api/showcase', { videoIds: chosen })).status()).toBe(200);
  const afterSave = await counters(request);
  expect(afterSave['video/query']).toBe(Math.ceil(25 / 20));
  expect(afterSave['cdn/cover']).toBe(25);
  // The same videos again: TikTok is asked about them, and no picture is fetched twice.
  expect((await apiPut(page, '/api/showcase', { videoIds: chosen })).status()).toBe(200);
  expect((await counters(request))['cdn/cover']).toBe(25);

  for (const endpoint of ['cdn/cover', 'cdn/avatar']) await control(request, { action: 'fault', endpoint, status: 403 });
  for (const endpoint of ['video/query', 'video/list', 'user/info']) await control(request, { action: 'fault', endpoint, status: 500 });
  await control(request, { action: 'resetCounters' });

  const visitors = await Promise.all(Array.from({ length: 3 }, () => browser.newContext()));
  await Promise.all(
    visitors.map(async (ctx) => {
      const p = await ctx.newPage();
      await p.goto(`/u/${user}`);
      await expect(p.getByRole('button', { name: /^Play / })).toHaveCount(25);
      const covers = p.locator('img.cover');
      for (let i = 0; i < 25; i++) await covers.nth(i).scrollIntoViewIfNeeded();
      const loaded = await covers.evaluateAll((imgs) =>
        (imgs as HTMLImageElement[]).map((img) => ({ src: img.currentSrc, width: img.naturalWidth, srcset: img.srcset })),
      );
      for (const img of loaded) {
        expect(img.src).toMatch(new RegExp(`^${baseURL}/img/[0-9a-f]{32}/(240|480|720)\\.webp$`));
        expect(img.srcset).toMatch(/ 240w, .* 480w, .* 720w$/);
        expect(img.width).toBeGreaterThan(0);
      }
      const avatar = p.getByRole('img', { name: /'s avatar$/ });
      await expect(avatar).toHaveJSProperty('complete', true);
      expect(await avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      expect(await avatar.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/img\/[0-9a-f]{32}\/(96|192)\.webp$/);
    }),
  );
  // The stable URLs of old embeds and API clients lead to the copies, never to TikTok.
  for (const id of chosen.slice(0, 5)) {
    const r = await request.get(`/api/covers/${id}`, { maxRedirects: 0 });
    expect(r.status()).toBe(302);
    expect(r.headers().location).toMatch(/^\/img\/[0-9a-f]{32}\/720\.webp$/);
  }
  const avatarRedirect = await request.get(`/api/avatars/${user}`, { maxRedirects: 0 });
  expect(avatarRedirect.headers().location).toMatch(/^\/img\/[0-9a-f]{32}\/192\.webp$/);
  expect(await counters(request)).toEqual({});
  await Promise.all(visitors.map((v) => v.close()));
  // And the browser is told so: public pages and embeds take images from the app's origin only.
  for (const path of [`/u/${user}`, `/embed/${user}`]) {
    expect((await request.get(path)).headers()['content-security-policy']).toMatch(/img-src 'self' data:(;|$)/);
  }

  // The copy itself: WebP, immutable, its length, an ETag that answers 304.
  const location = (await request.get(`/api/covers/${chosen[0]}`, { maxRedirects: 0 })).headers().location;
  const image = await request.get(location);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/webp');
  expect(image.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(Number(image.headers()['content-length'])).toBe((await image.body()).length);
  const again = await request.get(location, { headers: { 'If-None-Match': image.headers().etag } });
  expect(again.status()).toBe(304);
});

test('an avatar that cannot be copied shows the placeholder, and the page still renders', async ({ page, request }) => {
  const other = uniqueUser('avatar-down');
  await control(request, { action: 'fault', endpoint: 'cdn/avatar', status: 500 });
  await signIn(page, other);
  await publish(page);
  const down = await request.get(`/api/avatars/${other}`, { maxRedirects: 0 });
  expect(down.status()).toBe(302);
  expect(down.headers().location).toBe('/avatar-placeholder.svg');
  await page.goto(`/u/${other}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const avatar = page.getByRole('img', { name: /'s avatar$/ });
  await expect(avatar).toHaveAttribute('src', '/avatar-placeholder.svg');

  expect((await request.get('/api/avatars/nobody-has-this-handle', { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get('/api/avatars/bad%20handle', { maxRedirects: 0 })).status()).toBe(400);
});

test('TikTok answering 429 shows "TikTok is busy" in place of the grid; the rest still renders', async ({ page, request }) => {
  const user = uniqueUser('busy');
  await signIn(page, user);
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
  await control(request, { action: 'fault', endpoint: 'video/list', status: 429 });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'TikTok is busy. Try again in a moment.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recent videos' })).toHaveCount(0);
});

test('saving refuses duplicates, over 100 items and videos that are not yours, and keeps what was saved', async ({ page, request }) => {
  const user = uniqueUser('guard');
  const mine = await sandboxVideos(request, user);
  const theirs = await sandboxVideos(request, uniqueUser('other'));
  await signIn(page, user);
  expect((await apiPut(page, '/api/showcase', { videoIds: [mine[0].id, mine[1].id] })).status()).toBe(200);

  const refusals = [
    { videoIds: [mine[2].id, mine[2].id] },
    { videoIds: Array.from({ length: 101 }, (_, i) => String(7_000_000_000_000_000_000n + BigInt(i))) },
    { videoIds: [mine[3].id, theirs[0].id] },
    { videoIds: ['not-a-number'] },
    { nothing: true },
  ];
  for (const body of refusals) {
    const res = await apiPut(page, '/api/showcase', body);
    expect(res.status(), JSON.stringify(body).slice(0, 80)).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe('bad_request');
    expect(typeof json.error.message).toBe('string');
  }
  const after = await (await page.request.get('/api/showcase')).json();
  expect(after.items.map((i: { videoId: string }) => i.videoId)).toEqual([mine[0].id, mine[1].id]);

  // A cross-site write is refused outright.
  const cross = await page.request.put('/api/showcase', { data: { videoIds: [] }, headers: { Origin: 'https://evil.example' } });
  expect(cross.status()).toBe(403);
});

test('a video removed on TikTok disappears from the public page at the next sync and is flagged to the creator', async ({ page, browser, request }) => {
  const user = uniqueUser('gone');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id, videos[1].id] })).status()).toBe(200);
  await control(request, { action: 'setVideoState', username: user, videoId: videos[1].id, state: 'deleted' });

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  // Visitors never ask TikTok (covers are copies): the sync is what notices the deleted video.
  const synced = await request.get('/api/cron/sync?all=1', { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(synced.status()).toBe(200);
  await visitor.goto(`/u/${user}`);
  await expect(visitor.getByRole('button', { name: /^Play / })).toHaveCount(1);
  await expect(visitor.getByRole('button', { name: `Play ${videos[0].title}` })).toBeVisible();

  await page.reload();
  const order = page.getByRole('list', { name: 'Showcase order' });
  await expect(order.getByRole('listitem').filter({ hasText: videos[1].title })).toContainText('No longer on TikTok');
  await visitorContext.close();
});

test('an unknown API path answers 404 in the API error shape', async ({ request }) => {
  for (const method of ['GET', 'POST'] as const) {
    const res = await request.fetch('/api/no-such-route', { method });
    expect(res.status()).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  }
});

test('the Content-Security-Policy allows frames from www.tiktok.com and the app itself (the embed preview) only', async ({ request }) => {
  const res = await request.get('/');
  const csp = res.headers()['content-security-policy'];
  expect(csp).toMatch(/frame-src 'self' https:\/\/www\.tiktok\.com(;|$)/);
});

test('a failed save rolls back with a message, and the saved showcase is untouched', async ({ page, request }) => {
  const user = uniqueUser('rollback');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  await page.getByRole('checkbox', { name: videos[0].title }).check();
  await page.getByRole('button', { name: 'Save showcase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showcase saved (1 video).' })).toBeVisible();

  // TikTok fails while the app checks ownership of the new pick.
  await control(request, { action: 'fault', endpoint: 'video/query', status: 500 });
  await page.getByRole('checkbox', { name: videos[1].title }).check();
  await page.getByRole('button', { name: 'Save showcase' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Couldn't save your showcase: .*Your published showcase is unchanged\./ })).toBeVisible();
  // The creator's picks are kept for another try; what is saved did not move.
  await expect(page.getByRole('list', { name: 'Showcase order' }).getByRole('listitem')).toHaveCount(2);
  const saved = await (await page.request.get('/api/showcase')).json();
  expect(saved.items.map((i: { videoId: string }) => i.videoId)).toEqual([videos[0].id]);

  await control(request, { action: 'clearFaults' });
  await page.getByRole('button', { name: 'Save showcase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showcase saved (2 videos).' })).toBeVisible();
});

test('TikTok failing with a 5xx shows a clear message in place of the grid', async ({ page, request }) => {
  await signIn(page, uniqueUser('down'));
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
  await control(request, { action: 'fault', endpoint: 'video/list', status: 500 });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: "TikTok isn't answering right now" })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Try again' })).toBeVisible();
});

test('TikTok timing out shows a clear message in place of the grid', async ({ page, request }) => {
  await signIn(page, uniqueUser('slow'));
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
  // Slower than the app's TikTok timeout (4 s in these tests).
  await control(request, { action: 'fault', endpoint: 'video/list', delayMs: 6000 });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: "TikTok isn't answering right now" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
