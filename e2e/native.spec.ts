import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { uniqueUser } from './helpers';

const SCHEME = 'showreeltest';

/** Runs the native sign-in up to the deeplink, as the app's secure browser session would, and returns it. */
async function deeplinkFor(page: Page, user: string, decision: 'Authorize' | 'Cancel' = 'Authorize'): Promise<URL> {
  await page.goto(`/api/auth/tiktok?platform=native&scheme=${SCHEME}`);
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
  await webview.goto(`/auth?handoff=${link.searchParams.get('handoff')}`);
  await expect(webview).toHaveURL(/\/dashboard$/);
  await expect(webview.getByRole('heading', { level: 1 })).toHaveText(
    user
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' '),
  );

  // Replayed: refused, and no session for the one who replays it.
  const thief = await (await browser.newContext()).newPage();
  await thief.goto(`/auth?handoff=${link.searchParams.get('handoff')}`);
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
  await webview.goto(`/auth?handoff=${link.searchParams.get('handoff')}`);
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
  await webview.evaluate((code) => window.history.pushState(null, '', `/auth?handoff=${code}`), link.searchParams.get('handoff')!);
  await expect(webview).toHaveURL(/\/dashboard$/);
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
