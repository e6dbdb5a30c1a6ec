import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { apiPut, sandboxVideos, signIn, uniqueUser } from './support/helpers';

/** The plaintext tokens the sandbox issued to this user (the sandbox's own store, not the app's). */
function tokensIssuedTo(username: string): string[] {
  const sandbox = new Database('data/e2e/tiktok-sandbox.db', { readonly: true });
  const rows = sandbox.prepare(`SELECT key, value FROM kv WHERE kind IN ('access', 'refresh')`).all() as Array<{ key: string; value: string }>;
  sandbox.close();
  return rows.filter((r) => JSON.parse(r.value).username === username).map((r) => r.key);
}

test('no access or refresh token reaches HTML, scripts, URLs, cookies, or the database file in plaintext', async ({ page, browser, request }) => {
  const user = uniqueUser('secret');
  const bodies: string[] = [];
  const urls: string[] = [];
  const watch = (p: import('@playwright/test').Page) => {
    p.on('request', (r) => urls.push(r.url()));
    p.on('response', async (r) => {
      const type = r.headers()['content-type'] ?? '';
      if (/html|javascript|json|text|x-component/.test(type)) bodies.push(await r.text().catch(() => ''));
    });
  };
  watch(page);
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByRole('list', { name: 'Recent videos' }).getByRole('checkbox')).toHaveCount(40);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id, videos[1].id] })).status()).toBe(200);
  const visitor = await (await browser.newContext()).newPage();
  watch(visitor);
  await visitor.goto(`/u/${user}`);
  await expect(visitor.getByRole('button', { name: /^Play / })).toHaveCount(2);

  const tokens = tokensIssuedTo(user);
  expect(tokens.length).toBeGreaterThanOrEqual(2);
  expect(tokens.some((t) => t.startsWith('act.'))).toBe(true);
  expect(tokens.some((t) => t.startsWith('rft.'))).toBe(true);
  expect(bodies.length).toBeGreaterThan(10);

  const cookies = [...(await page.context().cookies()), ...(await visitor.context().cookies())].map((c) => `${c.name}=${c.value}`);
  const files = ['data/e2e/showreel.db', 'data/e2e/showreel.db-wal'].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
  for (const token of tokens) {
    // The random part of the token, so encodings of the prefix cannot hide a match.
    const needle = token.slice(4, 28);
    for (const body of bodies) expect(body.includes(needle)).toBe(false);
    for (const url of urls) expect(decodeURIComponent(url).includes(needle)).toBe(false);
    for (const cookie of cookies) expect(cookie.includes(needle)).toBe(false);
    for (const file of files) expect(file.includes(needle)).toBe(false);
  }

  // What is stored is ciphertext, in the columns meant for it.
  const app = new Database('data/e2e/showreel.db', { readonly: true });
  const row = app
    .prepare('SELECT c."accessTokenEnc" AS a, c."refreshTokenEnc" AS r FROM "TikTokConnection" c JOIN "User" u ON u.id = c."userId" WHERE u.handle = ?')
    .get(user) as { a: string; r: string };
  app.close();
  expect(row.a).toMatch(/^v2\./);
  expect(row.r).toMatch(/^v2\./);
});
