import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { CRON_SECRET } from '../playwright.config';
import { apiPut, control, fakeTikTokPlayer, type SandboxVideo, sandboxVideos, signIn, uniqueUser } from './support/helpers';

// `/watch/{id}`: the full-screen player for a mobile app's webview, for videos a published showcase shows.

test.afterEach(async ({ request }) => {
  await control(request, { action: 'reset' });
});

/** A video in a newly published showcase (the only kind /watch plays), saved by a new creator. */
async function showcasedVideo(browser: Browser, request: APIRequestContext): Promise<SandboxVideo> {
  const user = uniqueUser('watch');
  const [video] = await sandboxVideos(request, user);
  const creator = await (await browser.newContext()).newPage();
  await signIn(creator, user);
  expect((await apiPut(creator, '/api/showcase', { videoIds: [video.id] })).status()).toBe(200);
  await creator.context().close();
  return video;
}

test('/watch is a full-screen player page under the brand bar that reports a removed video in words', async ({ page, browser, request }) => {
  const video = await showcasedVideo(browser, request);
  const framed = page.waitForRequest((r) => r.url().startsWith('https://www.tiktok.com/player/v1/'));
  await fakeTikTokPlayer(page, [{ type: 'onPlayerReady' }, { type: 'onPlayerError', value: 1001 }]);
  await page.goto(`/watch/${video.id}`);
  await expect(page).toHaveTitle(new RegExp(video.title.replace(/[#]/g, '\\$&')));
  expect((await framed).url()).toMatch(new RegExp(`^https://www\\.tiktok\\.com/player/v1/${video.id}\\?`));
  const alert = page.getByRole('alert').filter({ hasText: /no longer available on TikTok/ });
  await expect(alert).toBeVisible();
  // The way out: the video on TikTok itself, and the brand bar with "Open in TikTok".
  await expect(alert.getByRole('link', { name: 'Watch on TikTok' })).toHaveAttribute('href', /^https:\/\/www\.tiktok\.com\//);
  await expect(page.locator('header').getByRole('link', { name: 'Showreel' })).toBeVisible();
  await expect(page.locator('header').getByRole('link', { name: 'Open in TikTok' })).toBeVisible();
  const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
  expect(viewport).toContain('viewport-fit=cover');
});

test('/watch with something that is not a video id answers 404, in words, under the brand bar', async ({ page }) => {
  const res = await page.goto('/watch/not-a-video');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('alert').filter({ hasText: /doesn.t point to a TikTok video/ })).toBeVisible();
  await expect(page.locator('header').getByRole('link', { name: 'Showreel' })).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(0);
});

test('/watch shows only videos a published showcase shows: not a hidden one, not one outside any showcase', async ({ page, browser, request }) => {
  const outside = await page.goto('/watch/7123456789012345678');
  expect(outside?.status()).toBe(404);
  const user = uniqueUser('hidden');
  const videos = await sandboxVideos(request, user);
  const creator = await (await browser.newContext()).newPage();
  await signIn(creator, user);
  expect((await apiPut(creator, '/api/showcase', { videoIds: [videos[0].id, videos[1].id] })).status()).toBe(200);
  // Made private on TikTok; the next sync marks it unavailable (hidden from every public surface).
  await control(request, { action: 'setVideoState', username: user, videoId: videos[1].id, state: 'private' });
  const synced = await request.get('/api/cron/sync?all=1', { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(synced.status()).toBe(200);
  const hidden = await page.goto(`/watch/${videos[1].id}`);
  expect(hidden?.status()).toBe(404);
  expect(await hidden?.text()).not.toContain(videos[1].title);
  // A video the creator did not pick is not public either.
  expect((await page.goto(`/watch/${videos[2].id}`))?.status()).toBe(404);
  expect((await page.goto(`/watch/${videos[0].id}`))?.status()).toBe(200);
});

test('player messages from any origin other than TikTok are ignored', async ({ page, browser, request }) => {
  const video = await showcasedVideo(browser, request);
  await page.route('https://www.tiktok.com/player/v1/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>player</p>' }));
  await page.goto(`/watch/${video.id}`);
  await page.evaluate(() => window.postMessage(JSON.stringify({ 'x-tiktok-player': true, type: 'onPlayerError', value: 1001 }), '*'));
  // A genuine TikTok message still works afterwards, so the silence above means "ignored", not "broken".
  await expect(page.locator('iframe')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /TikTok|played/ })).toHaveCount(0);
  await page
    .frameLocator('iframe')
    .locator('body')
    .evaluate(() => parent.postMessage(JSON.stringify({ 'x-tiktok-player': true, type: 'onPlayerError', value: 1001 }), '*'));
  await expect(page.getByRole('alert').filter({ hasText: /no longer available on TikTok/ })).toBeVisible();
});
