import { expect, test } from '@playwright/test';
import { apiPut, control, sandboxVideos, signIn, uniqueUser } from './support/helpers';

test('a new creator signs in through the consent page and sees their display name', async ({ page }) => {
  await signIn(page, 'mia.rivera');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mia Rivera' })).toBeVisible();
  await expect(page.getByText('@mia.rivera')).toBeVisible();
});

test('Cancel on the consent page gives a friendly page with Try again, and no session', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Continue with TikTok' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'You cancelled the TikTok sign-in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/api/auth/tiktok');
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/$/);
});

test("a scope TikTok has not approved for the app: the sign-in fails in words (not the creator's fault) and creates nothing", async ({ page, request }) => {
  // The sandbox, like TikTok, knows which scopes the app is approved for; the app asks for video.list.
  await control(request, { action: 'settings', approvedScopes: ['user.info.basic', 'user.info.profile'] });
  try {
    await page.goto('/');
    await page.getByRole('link', { name: 'Continue with TikTok' }).click();
    await expect(page.getByRole('heading', { name: 'Sign-in is misconfigured' })).toBeVisible();
    await expect(page.getByText("This isn't your fault")).toBeVisible();
    expect((await page.request.get('/api/showcase')).status()).toBe(401);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/$/);
  } finally {
    await control(request, { action: 'reset' });
  }
});

test('a forged state creates no session', async ({ page }) => {
  // A genuine flow in this browser (so its flow cookie exists), and a genuine code from the sandbox …
  await page.goto('/api/auth/tiktok');
  const authorize = new URL(page.url());
  const form: Record<string, string> = { decision: 'authorize', username: uniqueUser('forge'), granted: 'user.info.basic' };
  for (const k of ['client_key', 'redirect_uri', 'state', 'scope', 'code_challenge', 'code_challenge_method']) {
    form[k] = authorize.searchParams.get(k) ?? '';
  }
  const decided = await page.request.post('/sandbox/v2/auth/authorize/decide', { form, maxRedirects: 0 });
  const callback = new URL(decided.headers().location);
  expect(callback.searchParams.get('code')).toBeTruthy();
  // … but the state is not the one this app issued.
  callback.searchParams.set('state', 'forged-state-value');
  const response = await page.goto(callback.toString());
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('heading', { name: 'That sign-in link has expired' })).toBeVisible();
  expect((await page.context().cookies()).some((c) => c.name === 'showreel_session')).toBe(false);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/$/);
});

test('a replayed callback URL creates no session', async ({ page, browser }) => {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/auth/tiktok/callback')) seen.push(r.url());
  });
  await signIn(page, uniqueUser('replay'));
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(seen).toHaveLength(1);

  // The same browser, signed out: its single-use flow cookie is gone, so the URL is refused.
  await page.context().clearCookies();
  let res = await page.goto(seen[0]);
  expect(res?.status()).toBe(400);
  expect((await page.context().cookies()).some((c) => c.name === 'showreel_session')).toBe(false);

  // Another browser that never started a flow.
  const other = await browser.newContext();
  const tab = await other.newPage();
  res = await tab.goto(seen[0]);
  expect(res?.status()).toBe(400);
  expect((await other.cookies()).some((c) => c.name === 'showreel_session')).toBe(false);
  await other.close();
});

test('the dashboard redirects to the landing page when signed out', async ({ page }) => {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Continue with TikTok' })).toBeVisible();
});

test('a creator who unticks video.list still signs in, is offered Add by link, and to grant it', async ({ page }) => {
  await signIn(page, uniqueUser('novid'), { untick: ['video.list'] });
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(/didn.t allow Showreel to list your TikTok videos, so add them by link/)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add by link' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Allow access to videos' })).toBeVisible();
});

test('a creator who unticks user.info.profile: no username anywhere, the public handle is the stable slug', async ({ page }) => {
  const user = uniqueUser('noprof');
  const videos = await sandboxVideos(page.request, user);
  await signIn(page, user, { untick: ['user.info.profile'] });
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(`@${user}`)).toHaveCount(0);
  // The videos are still there (video.list was granted); a save publishes the page under the slug.
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id] })).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Public page' })).toHaveAttribute('href', /^\/u\/c-[0-9a-f]{10}$/);
  expect((await page.request.get(`/u/${user}`)).status()).toBe(404);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, uniqueUser('out'));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/$/);
});
