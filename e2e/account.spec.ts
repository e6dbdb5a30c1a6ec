import { expect, test } from '@playwright/test';
import { sign } from '../lib/tiktok/webhooks';
import { apiPut, control, counters, sandboxVideos, signIn, uniqueUser } from './support/helpers';

// The sandbox's client secret (a constant of the built-in TikTok stand-in, not a real secret).
const SANDBOX_CLIENT_SECRET = 'sbx_secret_not_a_real_tiktok_secret';

function signed(body: string, t = Math.floor(Date.now() / 1000), secret = SANDBOX_CLIENT_SECRET) {
  return { 'Content-Type': 'application/json', 'TikTok-Signature': sign(body, secret, t) };
}

async function openIdOf(request: import('@playwright/test').APIRequestContext, username: string) {
  const { videos } = await control(request, { action: 'videos', username });
  return videos[0].openId as string;
}

test.afterEach(async ({ request }) => {
  await control(request, { action: 'reset' });
});

test('Disconnect TikTok revokes at TikTok, unpublishes, and signs out', async ({ page, request }) => {
  const user = uniqueUser('bye');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id] })).status()).toBe(200);
  await control(request, { action: 'resetCounters' });
  await page.getByRole('button', { name: 'Disconnect TikTok' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disconnect TikTok?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Disconnect TikTok' }).click();
  await expect(page).toHaveURL(/\/\?done=disconnected$/);
  await expect(page.getByRole('status').filter({ hasText: 'TikTok is disconnected and you are signed out.' })).toBeVisible();
  expect((await counters(request))['oauth/revoke']).toBe(1);
  expect((await page.request.get(`/u/${user}`)).status()).toBe(404);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/$/);
  // Connecting again picks up where the creator left off: the page they had published is live again.
  await signIn(page, user);
  await expect(page.getByRole('region', { name: 'Your page is live.' })).toBeVisible();
  expect((await page.request.get(`/u/${user}`)).status()).toBe(200);
});

test('a copied session survives a plain sign-out elsewhere, and is refused everywhere after "Sign out everywhere"', async ({ page, browser }) => {
  await signIn(page, uniqueUser('every'));
  await expect(page).toHaveURL(/\/dashboard$/);
  // A second device, or a stolen cookie: the same sealed cookie in another browser.
  const copy = await browser.newContext();
  await copy.addCookies((await page.context().cookies()).filter((c) => c.name === 'showreel_session'));
  const other = await copy.newPage();
  await other.goto('/dashboard');
  await expect(other).toHaveURL(/\/dashboard$/);

  // Plain sign-out ends this browser's session only.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await other.goto('/dashboard');
  await expect(other).toHaveURL(/\/dashboard$/);
  expect((await other.request.get('/api/showcase')).status()).toBe(200);

  // "Sign out everywhere" from the other device ends every session, the copied cookie included.
  const saved = (await copy.cookies()).filter((c) => c.name === 'showreel_session');
  await other.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(other).toHaveURL(/\/$/);
  const thief = await browser.newContext();
  await thief.addCookies(saved);
  const stolen = await thief.newPage();
  await stolen.goto('/dashboard');
  await expect(stolen).toHaveURL(/\/$/);
  const api = await stolen.request.get('/api/showcase');
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe('unauthorized');
  expect((await stolen.request.put('/api/showcase', { data: { videoIds: [] }, headers: { Origin: new URL(stolen.url()).origin } })).status()).toBe(401);
  await copy.close();
  await thief.close();
});

test('Delete my data removes the creator; signing in again starts from nothing', async ({ page, request }) => {
  const user = uniqueUser('erase');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id] })).status()).toBe(200);
  await page.getByRole('button', { name: 'Delete my data' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete all your Showreel data?' });
  // Deleting asks for the handle to be typed: until it matches, the button does nothing.
  const go = confirm.getByRole('button', { name: 'Delete my data' });
  await expect(go).toBeDisabled();
  await confirm.getByLabel(/Type your handle/).fill('not-my-handle');
  await expect(go).toBeDisabled();
  await confirm.getByLabel(/Type your handle/).fill(user);
  await go.click();
  await expect(page).toHaveURL(/\/\?done=deleted$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your Showreel data is deleted' })).toBeVisible();
  expect((await page.request.get(`/u/${user}`)).status()).toBe(404);
  await signIn(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  expect((await (await page.request.get('/api/showcase')).json()).items).toEqual([]);
});

test('webhook authorization.removed: valid, bad signature, stale timestamp, replay', async ({ page, request }) => {
  const user = uniqueUser('hook');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id] })).status()).toBe(200);
  const body = JSON.stringify({
    client_key: 'sbx_showreel',
    event: 'authorization.removed',
    create_time: Math.floor(Date.now() / 1000),
    user_openid: await openIdOf(request, user),
    content: JSON.stringify({ reason: 1 }),
  });

  const bad = await request.post('/api/webhooks/tiktok', { data: body, headers: signed(body, undefined, 'not-the-secret') });
  expect(bad.status()).toBe(401);
  expect((await bad.json()).error.code).toBe('unauthorized');
  const stale = await request.post('/api/webhooks/tiktok', { data: body, headers: signed(body, Math.floor(Date.now() / 1000) - 301) });
  expect(stale.status()).toBe(401);
  const tampered = await request.post('/api/webhooks/tiktok', { data: body.replace('removed', 'remove'), headers: signed(body) });
  expect(tampered.status()).toBe(401);
  // None of those touched the account.
  expect((await page.request.get(`/u/${user}`)).status()).toBe(200);

  const headers = signed(body);
  const first = await request.post('/api/webhooks/tiktok', { data: body, headers });
  expect(first.status()).toBe(200);
  expect((await first.json()).result).toBe('handled');
  const replay = await request.post('/api/webhooks/tiktok', { data: body, headers });
  expect(replay.status()).toBe(200);
  expect((await replay.json()).result).toBe('duplicate');

  expect((await page.request.get(`/u/${user}`)).status()).toBe(404);
  await page.goto('/dashboard');
  await expect(page.getByText('TikTok is disconnected and your showcase is unpublished.')).toBeVisible();
});

test('the sandbox can send authorization.removed itself, signed like TikTok', async ({ page, request }) => {
  const user = uniqueUser('hook2');
  await signIn(page, user);
  const { delivered } = await control(request, { action: 'authorizationRemoved', username: user });
  expect(delivered.status).toBe(200);
  await page.goto('/dashboard');
  await expect(page.getByText('TikTok is disconnected and your showcase is unpublished.')).toBeVisible();
});
