import { createHash, randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { BASE_URL } from '../playwright.config';
import { signIn, uniqueUser } from './support/helpers';

const SCHEME = 'showreeltest';

/** What the native app makes before it starts: a verifier it keeps, and its S256 challenge. */
function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

let verifier = '';

/** Runs the native sign-in up to the deeplink, as the app's secure browser session would, and returns it. */
async function deeplinkFor(page: Page, user: string, decision: 'Authorize' | 'Cancel' = 'Authorize'): Promise<URL> {
  const pair = pkcePair();
  verifier = pair.verifier;
  await page.goto(`/api/auth/tiktok?platform=native&scheme=${SCHEME}&handoff_challenge=${pair.challenge}`);
  await page.getByLabel('Sandbox account (username)').fill(user);
  const callback = page.waitForResponse((r) => r.url().includes('/native-callback'));
  // The browser cannot open the custom scheme here; the navigation to it is captured from the redirect.
  await page.getByRole('button', { name: decision }).click({ noWaitAfter: true });
  const response = await callback;
  expect(response.status()).toBe(302);
  return new URL(response.headers().location);
}

test('native sign-in: deeplink with a handoff code only, then /auth signs the webview in', async ({ page, browser }) => {
  const user = uniqueUser('app');
  const link = await deeplinkFor(page, user);
  expect(link.protocol).toBe(`${SCHEME}:`);
  expect(link.host + link.pathname).toBe('oauth/auth');
  expect([...link.searchParams.keys()]).toEqual(['handoff']);
  expect(link.toString()).not.toMatch(/act\.|rft\.|Fe26/);

  const webview = await (await browser.newContext()).newPage();
  await webview.goto(`/auth?handoff=${link.searchParams.get('handoff')}&verifier=${verifier}`);
  await expect(webview).toHaveURL(/\/dashboard$/);
  await expect(webview.getByRole('heading', { level: 1 })).toHaveText(
    user
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' '),
  );

  // Replayed: refused, and no session for the one who replays it.
  const thief = await (await browser.newContext()).newPage();
  await thief.goto(`/auth?handoff=${link.searchParams.get('handoff')}&verifier=${verifier}`);
  await expect(thief.getByRole('status')).toHaveText(/expired or was already used/);
  expect((await thief.context().cookies()).some((c) => c.name === 'showreel_session')).toBe(false);
});

test('a handoff code older than 60 seconds is refused', async ({ page, browser }) => {
  const link = await deeplinkFor(page, uniqueUser('late'));
  // Let 60 seconds pass for this code, in the real database file the server uses.
  const sqlite = new Database('data/e2e/showreel.db');
  sqlite.prepare('UPDATE "OAuthHandoff" SET "expiresAt" = ? WHERE "usedAt" IS NULL').run(Date.now() - 1000);
  sqlite.close();
  const webview = await (await browser.newContext()).newPage();
  await webview.goto(`/auth?handoff=${link.searchParams.get('handoff')}&verifier=${verifier}`);
  await expect(webview.getByRole('status')).toHaveText(/expired or was already used/);
  await webview.goto('/dashboard');
  await expect(webview).toHaveURL(/\/$/);
});

test('/auth redeems a handoff even when it is already open and only its query changes', async ({ page, browser }) => {
  const link = await deeplinkFor(page, uniqueUser('mounted'));
  const webview = await (await browser.newContext()).newPage();
  await webview.goto('/auth');
  await expect(webview.getByRole('status')).toHaveText('Waiting for the app to finish signing you in…');
  // The app navigates the already-mounted page: same document, new query.
  await webview.evaluate(
    ([code, v]) => window.history.pushState(null, '', `/auth?handoff=${code}&verifier=${v}`),
    [link.searchParams.get('handoff')!, verifier],
  );
  await expect(webview).toHaveURL(/\/dashboard$/);
});

test('a handoff redeemed without the verifier fails, and the code is dead afterwards', async ({ page, browser }) => {
  const link = await deeplinkFor(page, uniqueUser('nover'));
  const code = link.searchParams.get('handoff')!;
  const webview = await (await browser.newContext()).newPage();
  await webview.goto(`/auth?handoff=${code}`);
  await expect(webview.getByRole('status')).toHaveText(/not opened by the app that started the sign-in/);
  expect((await webview.context().cookies()).some((c) => c.name === 'showreel_session')).toBe(false);
  // The right verifier comes too late: the code was burned by the first attempt.
  await webview.goto(`/auth?handoff=${code}&verifier=${verifier}`);
  await expect(webview.getByRole('status')).toHaveText(/expired or was already used/);
  await webview.goto('/dashboard');
  await expect(webview).toHaveURL(/\/$/);
});

test('a code taken by a second browser with a guessed verifier fails there, and the app cannot use it afterwards', async ({ page, browser }) => {
  const link = await deeplinkFor(page, uniqueUser('guess'));
  const code = link.searchParams.get('handoff')!;
  const attacker = await (await browser.newContext()).newPage();
  const res = await attacker.request.post('/api/auth/handoff', {
    data: { handoff: code, verifier: pkcePair().verifier },
    headers: { Origin: BASE_URL },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.message).toMatch(/not opened by the app/);
  expect((await attacker.context().cookies()).some((c) => c.name === 'showreel_session')).toBe(false);
  const app = await (await browser.newContext()).newPage();
  await app.goto(`/auth?handoff=${code}&verifier=${verifier}`);
  await expect(app.getByRole('status')).toHaveText(/expired or was already used/);
});

test('a native start without a handoff challenge (or with a plain one) is refused', async ({ page }) => {
  const missing = await page.goto(`/api/auth/tiktok?platform=native&scheme=${SCHEME}`);
  expect(missing?.status()).toBe(400);
  await expect(page.getByRole('heading', { name: 'This app needs an update' })).toBeVisible();
  const plain = await page.goto(`/api/auth/tiktok?platform=native&scheme=${SCHEME}&handoff_challenge=plain-verifier`);
  expect(plain?.status()).toBe(400);
});

test('an unknown scheme is refused before anything reaches TikTok', async ({ page }) => {
  const res = await page.goto('/api/auth/tiktok?platform=native&scheme=evilapp');
  expect(res?.status()).toBe(400);
  await expect(page.getByRole('heading', { name: 'Unknown app' })).toBeVisible();
  const bad = await page.goto('/api/auth/tiktok?platform=native&scheme=javascript:alert(1)');
  expect(bad?.status()).toBe(400);
});

test('a cancelled native sign-in deeplinks the error back to the app', async ({ page }) => {
  const link = await deeplinkFor(page, uniqueUser('nope'), 'Cancel');
  expect(link.toString()).toBe(`${SCHEME}://oauth/auth?error=access_denied`);
});

test('a handoff link never silently replaces a different account: both are named, and the person chooses', async ({ page, browser }) => {
  // The attacker starts a native sign-in of their own and sends the victim the /auth link.
  const attacker = uniqueUser('mallory');
  const link = await deeplinkFor(page, attacker);
  const code = link.searchParams.get('handoff')!;
  const attackersLink = `/auth?handoff=${code}&verifier=${verifier}`;

  const victimName = uniqueUser('victim');
  const victim = await (await browser.newContext()).newPage();
  await signIn(victim, victimName);
  await expect(victim).toHaveURL(/\/dashboard$/);
  const sessionBefore = (await victim.context().cookies()).find((c) => c.name === 'showreel_session')?.value;

  await victim.goto(attackersLink);
  await expect(victim.getByRole('heading', { name: 'Switch accounts?' })).toBeVisible();
  await expect(victim.getByText(`@${victimName}`)).toBeVisible();
  await expect(victim.getByText(`@${attacker}`)).toBeVisible();
  // Nothing switched while the question is open.
  expect((await victim.context().cookies()).find((c) => c.name === 'showreel_session')?.value).toBe(sessionBefore);

  // Staying keeps the victim's own account.
  await victim.getByRole('button', { name: /^Stay signed in as/ }).click();
  await expect(victim).toHaveURL(/\/dashboard$/);
  await expect(victim.getByRole('heading', { level: 1 })).toHaveText(displayNameOf(victimName));

  // A person who did start the sign-in can switch, with a click (the code was not spent by the question).
  await victim.goto(attackersLink);
  await victim.getByRole('button', { name: /^Continue as/ }).click();
  await expect(victim).toHaveURL(/\/dashboard$/);
  await expect(victim.getByRole('heading', { level: 1 })).toHaveText(displayNameOf(attacker));
});

test('the same account, or a browser signed in to nobody, redeems a handoff without a question', async ({ page, browser }) => {
  const user = uniqueUser('same');
  const webview = await (await browser.newContext()).newPage();
  await signIn(webview, user);
  await expect(webview).toHaveURL(/\/dashboard$/);
  const link = await deeplinkFor(page, user);
  await webview.goto(`/auth?handoff=${link.searchParams.get('handoff')}&verifier=${verifier}`);
  await expect(webview).toHaveURL(/\/dashboard$/);
  await expect(webview.getByRole('heading', { name: 'Switch accounts?' })).toHaveCount(0);
});

/** The sandbox's display name for a username ("e2e-x-1" → "E2e X 1"). */
function displayNameOf(username: string): string {
  return username
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}
