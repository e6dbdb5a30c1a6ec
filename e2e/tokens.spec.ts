import { expect, type Page, test } from '@playwright/test';
import { apiPut, control, counters, sandboxVideos, signIn, uniqueUser } from './support/helpers';
import { workerPass } from './support/worker';

test.afterEach(async ({ request }) => {
  await control(request, { action: 'reset' });
});

/** Signs in with an access token that lives 60 s: inside the app's 5-minute refresh margin. */
async function signInWithShortToken(page: Page, request: import('@playwright/test').APIRequestContext, user: string) {
  await control(request, { action: 'settings', accessTtlSeconds: 60 });
  await signIn(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  await control(request, { action: 'settings', accessTtlSeconds: 86_400 });
  await control(request, { action: 'resetCounters' });
}

test('50 concurrent requests with an expiring token make exactly one refresh, and all succeed', async ({ page, request }) => {
  const user = uniqueUser('burst');
  await signInWithShortToken(page, request, user);
  const responses = await Promise.all(Array.from({ length: 50 }, () => page.request.get('/api/videos')));
  expect(responses.map((r) => r.status())).toEqual(Array(50).fill(200));
  const c = await counters(request);
  expect(c['oauth/token:refresh']).toBe(1);
  expect(c[`oauth/token:refresh@${user}`]).toBe(1);
  expect(c['video/list']).toBe(50);
});

test('a token TikTok rejects early is refreshed once and the call retried once', async ({ page, request }) => {
  const user = uniqueUser('early');
  await signIn(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  // TikTok kills the access token before its time; the app still believes it is valid.
  await control(request, { action: 'expireAccessTokens', username: user });
  await control(request, { action: 'resetCounters' });
  const res = await page.request.get('/api/videos');
  expect(res.status()).toBe(200);
  const c = await counters(request);
  expect(c['oauth/token:refresh']).toBe(1);
  expect(c['video/list']).toBe(2);
});

test('transient refresh failures are retried with backoff and mark nothing', async ({ page, request }) => {
  const user = uniqueUser('flaky');
  await signInWithShortToken(page, request, user);
  await control(request, { action: 'fault', endpoint: 'oauth/token:refresh', status: 500, times: 2 });
  expect((await page.request.get('/api/videos')).status()).toBe(200);
  expect((await counters(request))['oauth/token:refresh']).toBe(3);

  // Still failing after every retry: a clear 503, and still no reconnect banner.
  await control(request, { action: 'settings', accessTtlSeconds: 60 });
  await control(request, { action: 'expireAccessTokens', username: user });
  await control(request, { action: 'fault', endpoint: 'oauth/token:refresh', status: 503 });
  await control(request, { action: 'fault', endpoint: 'video/list', status: 500, times: 1 });
  const failed = await page.request.get('/api/videos');
  expect([503, 200]).toContain(failed.status());
  await control(request, { action: 'clearFaults' });
  await page.goto('/dashboard');
  await expect(page.getByText('TikTok needs you to reconnect.')).toHaveCount(0);
});

test('a hung TikTok during a token refresh: /api/videos answers 503 in words within one deadline, not three timeouts', async ({ page, request }) => {
  const user = uniqueUser('hung');
  await signInWithShortToken(page, request, user);
  // TikTok accepts the refresh and never answers (past every timeout of these tests).
  await control(request, { action: 'fault', endpoint: 'oauth/token:refresh', delayMs: 60_000 });
  // One deadline of 1.5 TikTok timeouts (6 s here) for the whole request; three attempts of 4 s and
  // their backoff took about 13 s. The request's own timeout is the test's deadline.
  const res = await page.request.get('/api/videos', { timeout: 9_000 });
  expect(res.status()).toBe(503);
  expect(await res.json()).toEqual({ error: { code: 'tiktok_unavailable', message: expect.stringMatching(/TikTok isn't answering/), problem: 'unavailable' } });
});

test('a revoked refresh token shows the reconnect banner; the showcase stays up; reconnecting clears it', async ({ page, browser, request }) => {
  const user = uniqueUser('revoked');
  const videos = await sandboxVideos(request, user);
  await control(request, { action: 'settings', accessTtlSeconds: 60 });
  await signIn(page, user);
  await control(request, { action: 'settings', accessTtlSeconds: 86_400 });
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id] })).status()).toBe(200);

  await control(request, { action: 'revokeRefreshTokens', username: user });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'TikTok needs you to reconnect.' })).toBeVisible();
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'TikTok needs you to reconnect.' });
  await expect(banner).toBeVisible();

  // No further refresh is tried until the creator reconnects.
  await control(request, { action: 'resetCounters' });
  await page.reload();
  expect((await page.request.get('/api/videos')).status()).toBe(409);
  expect((await counters(request))['oauth/token:refresh'] ?? 0).toBe(0);

  // The public showcase keeps serving what is stored.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/u/${user}`);
  await expect(visitor.getByRole('button', { name: `Play ${videos[0].title}` })).toBeVisible();

  await banner.getByRole('link', { name: 'Reconnect TikTok' }).click();
  await page.getByLabel('Sandbox account (username)').fill(user);
  await page.getByRole('button', { name: 'Authorize' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText('TikTok needs you to reconnect.')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
});

test('two sync workers started together refresh each account once, and report a summary', async ({ browser, request }) => {
  const users = [uniqueUser('sync-a'), uniqueUser('sync-b'), uniqueUser('sync-c')];
  for (const user of users) {
    const ctx = await browser.newContext();
    await signInWithShortToken(await ctx.newPage(), request, user);
    await ctx.close();
  }
  await control(request, { action: 'resetCounters' });
  const [a, b] = await Promise.all([workerPass(), workerPass()]);
  expect(a.code, a.out).toBe(0);
  expect(b.code, b.out).toBe(0);
  const c = await counters(request);
  for (const user of users) expect(c[`oauth/token:refresh@${user}`], user).toBe(1);
  for (const run of [a, b]) expect(run.out).toMatch(/summary: \d+ done, \d+ skipped, \d+ failed, \d+ TikTok calls/);
});

test('the cron route needs the secret; a sync notices videos removed on TikTok and records the run', async ({ page, request }) => {
  expect((await request.get('/api/cron/sync')).status()).toBe(401);
  expect((await request.get('/api/cron/sync', { headers: { Authorization: 'Bearer wrong-secret-value-123' } })).status()).toBe(401);

  const user = uniqueUser('cron');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id, videos[30].id] })).status()).toBe(200);
  await control(request, { action: 'setVideoState', username: user, videoId: videos[30].id, state: 'private' });

  const ok = await request.get('/api/cron/sync?all=1', { headers: { Authorization: 'Bearer e2e-cron-secret-0123456789' } });
  expect(ok.status()).toBe(200);
  const { summary } = await ok.json();
  expect(summary).toEqual(
    expect.objectContaining({ accounts: expect.any(Number), done: expect.any(Number), failed: expect.any(Number), apiCalls: expect.any(Number) }),
  );
  expect(summary.done).toBeGreaterThanOrEqual(1);

  await page.goto(`/u/${user}`);
  await expect(page.getByRole('button', { name: /^Play / })).toHaveCount(1);
  await page.goto('/dashboard');
  await expect(page.getByRole('list', { name: 'Showcase order' }).getByRole('listitem').filter({ hasText: videos[30].title })).toContainText(
    'No longer on TikTok',
  );
  await expect(page.getByText('Last synced with TikTok:')).toBeVisible();
});
