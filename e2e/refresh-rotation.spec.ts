import { expect, type Page, test } from '@playwright/test';
import { apiPut, control, counters, sandboxVideos, signIn, uniqueUser } from './support/helpers';
import { workerPass } from './support/worker';

// Refresh tokens rotate, and TikTok treats a rotated one presented again as theft (the sandbox
// counts it as oauth/token:reuse@<user> and revokes the grant). The app must never present one.

test.afterEach(async ({ request }) => {
  await control(request, { action: 'reset' });
});

const reuses = (c: Record<string, number>) =>
  Object.entries(c)
    .filter(([k]) => k.startsWith('oauth/token:reuse'))
    .reduce((n, [, v]) => n + v, 0);

test('the app and a worker on SQLite, access tokens dying every 3 s: many refreshes, zero reuses, zero reconnects', async ({ browser, request }) => {
  test.setTimeout(120_000);
  // Every access token TikTok issues lives 3 s: inside the app's refresh margin from the start, so
  // every call the app or the worker makes for an account refreshes it first, one at a time.
  await control(request, { action: 'settings', accessTtlSeconds: 3 });
  const users = Array.from({ length: 5 }, () => uniqueUser('rotate'));
  const pages: Page[] = [];
  for (const user of users) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, user);
    await expect(page).toHaveURL(/\/dashboard$/);
    pages.push(page);
  }
  await control(request, { action: 'resetCounters' });

  const statuses: number[] = [];
  let running = true;
  // Each creator's dashboard asks for its videos about once a second (within the 60-a-minute limit per creator).
  const creator = async (page: Page) => {
    while (running) {
      const res = await page.request.get('/api/videos');
      statuses.push(res.status());
      await new Promise((r) => setTimeout(r, 1_100));
    }
  };
  const load = Promise.all(pages.map(creator));
  const passes = [];
  for (let i = 0; i < 3; i++) passes.push(await workerPass(users));
  running = false;
  await load;

  for (const pass of passes) {
    expect(pass.code, pass.out).toBe(0);
    expect(pass.out).not.toMatch(/needs reconnect/);
  }
  const c = await counters(request);
  console.log(`[no-reuse, SQLite] ${c['oauth/token:refresh']} refreshes for ${users.length} accounts, ${statuses.length} dashboard loads, 3 worker passes`);
  expect(reuses(c)).toBe(0);
  expect(c['oauth/token:refresh']).toBeGreaterThan(users.length * 5);
  // No forced reconnect: every load was served, and every creator's dashboard still lists videos.
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  for (const page of pages) {
    await page.goto('/dashboard');
    await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
    await expect(page.getByText('TikTok needs you to reconnect.')).toHaveCount(0);
    await page.context().close();
  }
});

test('a refresh whose answer is lost after TikTok rotated: one retry with the old token, then the reconnect banner, no loop', async ({
  page,
  browser,
  request,
}) => {
  const user = uniqueUser('lost');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id] })).status()).toBe(200);

  // The access token dies at TikTok; the next refresh is carried out (rotated) and its answer lost.
  await control(request, { action: 'expireAccessTokens', username: user });
  await control(request, { action: 'fault', endpoint: 'oauth/token:refresh', dropAnswer: true, times: 1 });
  await control(request, { action: 'resetCounters' });
  expect((await page.request.get('/api/videos')).status()).toBe(409);
  let c = await counters(request);
  // The refresh that was lost, and the one retry with the token it held.
  expect(c[`oauth/token:refresh@${user}`]).toBe(2);
  expect(c[`oauth/token:reuse@${user}`]).toBe(1);

  await page.goto('/dashboard');
  const banner = page.getByRole('alert').filter({ hasText: 'TikTok needs you to reconnect.' });
  await expect(banner).toBeVisible();
  // No loop: later loads and syncs present nothing to TikTok.
  for (let i = 0; i < 3; i++) expect((await page.request.get('/api/videos')).status()).toBe(409);
  c = await counters(request);
  expect(c[`oauth/token:refresh@${user}`]).toBe(2);

  // The public page keeps serving; reconnecting brings the dashboard back.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/u/${user}`);
  await expect(visitor.getByRole('button', { name: `Play ${videos[0].title}` })).toBeVisible();
  await visitor.context().close();
  await banner.getByRole('link', { name: 'Reconnect TikTok' }).click();
  await page.getByLabel('Sandbox account (username)').fill(user);
  await page.getByRole('button', { name: 'Authorize' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
});
