import { expect, test } from '@playwright/test';
import { CRON_SECRET } from '../playwright.config';
import { apiPut, control, counters, sandboxVideos, signIn, uniqueUser } from './support/helpers';

// TikTok's refresh tokens live 180 days; once one runs out only the creator reconnecting helps. The
// sandbox's refresh lifetime is the clock these journeys control.

test.afterEach(async ({ request }) => {
  await control(request, { action: 'reset' });
});

const DAY = 86_400;
const expiringBanner = 'Reconnect TikTok to keep your showcase updated.';

test('a connection that runs out within 14 days asks the creator to reconnect before it does; reconnecting clears it', async ({ page, request }) => {
  const user = uniqueUser('expiring');
  await control(request, { action: 'settings', refreshTtlSeconds: 10 * DAY });
  await signIn(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  const banner = page.getByRole('status').filter({ hasText: expiringBanner });
  await expect(banner).toBeVisible();
  // The day it runs out, in words (UTC, as the server renders it).
  const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.now() + 10 * DAY * 1000),
  );
  await expect(banner).toContainText(day);
  // The connection still works meanwhile: the recent videos are there.
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();

  // Reconnecting gives a fresh 180-day token: the banner goes.
  await control(request, { action: 'settings', refreshTtlSeconds: 180 * DAY });
  await banner.getByRole('link', { name: 'Reconnect TikTok' }).click();
  await page.getByLabel('Sandbox account (username)').fill(user);
  await page.getByRole('button', { name: 'Authorize' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
  await expect(page.getByText(expiringBanner)).toHaveCount(0);
});

test('15 days left: no banner', async ({ page, request }) => {
  await control(request, { action: 'settings', refreshTtlSeconds: 15 * DAY });
  await signIn(page, uniqueUser('fifteen'));
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
  await expect(page.getByText(expiringBanner)).toHaveCount(0);
});

test('once it has run out: the reconnect banner, the sync leaves it alone, the public page keeps serving', async ({ page, browser, request }) => {
  const user = uniqueUser('expired');
  const videos = await sandboxVideos(request, user);
  // A refresh token of one second: it has run out by the time the journey looks again.
  await control(request, { action: 'settings', refreshTtlSeconds: 1 });
  await signIn(page, user);
  const signedInAt = Date.now();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id, videos[1].id] })).status()).toBe(200);
  // The journey must look after that second is over: a first reload within it can refresh with
  // a token still valid, and the count below is then 1 (seen once in CI).
  await page.waitForTimeout(Math.max(0, signedInAt + 1_500 - Date.now()));
  await control(request, { action: 'expireAccessTokens', username: user });
  await control(request, { action: 'resetCounters' });

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: 'TikTok needs you to reconnect.' })).toBeVisible({ timeout: 1000 });
  }).toPass();

  // The sync (the cron route; the worker runs the same lib/sync) asks TikTok nothing about it, run after run.
  for (let i = 0; i < 2; i++) {
    const res = await request.get('/api/cron/sync?all=1', { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
    expect(res.status()).toBe(200);
    expect((await res.json()).summary.expired).toBeGreaterThanOrEqual(1);
  }
  const c = await counters(request);
  expect(c[`oauth/token:refresh@${user}`] ?? 0).toBe(0);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/u/${user}`);
  await expect(visitor.getByRole('button', { name: /^Play / })).toHaveCount(2);
  await visitor.context().close();
});
