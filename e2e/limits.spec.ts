import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { BASE_URL } from '../playwright.config';
import { apiPut, clientIp, control, counters, publish, signIn, uniqueUser, withinOneMinute } from './support/helpers';
import { thirdPartySite } from './support/showcase-fixtures';

// Nobody spends the app's TikTok budget anonymously: per-client limits, QR polls answered from the
// stored status, and a deadline on waiting for the shared budget.

test('30 anonymous QR starts in a minute from one client: the 11th gets 429 with Retry-After, TikTok saw at most 10', async ({ playwright }) => {
  const ip = clientIp();
  const client = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL, 'X-Forwarded-For': ip } });
  const before = (await counters(client))['oauth/get_qrcode'] ?? 0;
  await withinOneMinute();
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push((await client.post('/api/auth/qr')).status());
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
  expect(statuses.slice(10)).toEqual(Array(20).fill(429));
  const refused = await client.post('/api/auth/qr');
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await refused.json()).error.code).toBe('rate_limited');
  expect(((await counters(client))['oauth/get_qrcode'] ?? 0) - before).toBeLessThanOrEqual(10);

  // The same browser from another address is still the same client: its own limit holds too.
  const moved = await client.post('/api/auth/qr', { headers: { 'X-Forwarded-For': clientIp() } });
  expect(moved.status()).toBe(429);
  await client.dispose();
});

test('cookieless QR starts refused by their address leave no counter behind', async () => {
  const ip = clientIp();
  // The browser counters by key: other tests' old ones expire while this one runs (rows are expired
  // as limits are counted), so what is compared is the keys that are new, not how many there are.
  const browserKeys = () => {
    const db = new Database('data/e2e/showreel.db', { readonly: true });
    const rows = db.prepare(`SELECT key FROM "RateLimit" WHERE key LIKE 'qrStart:browser:%'`).all() as Array<{ key: string }>;
    db.close();
    return new Set(rows.map((r) => r.key));
  };
  const browsersBefore = browserKeys();
  await withinOneMinute();
  const statuses: number[] = [];
  // Node's fetch keeps no cookies: every request is a browser the app has never seen.
  for (let i = 0; i < 40; i++)
    statuses.push((await fetch(`${BASE_URL}/api/auth/qr`, { method: 'POST', headers: { Origin: BASE_URL, 'X-Forwarded-For': ip } })).status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(10);
  const db = new Database('data/e2e/showreel.db', { readonly: true });
  const rows = db.prepare('SELECT key, count FROM "RateLimit" WHERE key LIKE ?').all('qrStart:ip:%') as Array<{ key: string; count: number }>;
  db.close();
  // The address's counter (one per minute window it spans), never one per request's new browser id.
  const ours = rows.filter((r) => r.key.startsWith(`qrStart:ip:${ip}:`));
  expect(ours.length).toBeGreaterThanOrEqual(1);
  expect(ours.length).toBeLessThanOrEqual(2);
  expect(ours.reduce((n, r) => n + r.count, 0)).toBe(10);
  // A counter for each browser a start was served to (10), none for the 30 refused ones.
  expect([...browserKeys()].filter((k) => !browsersBefore.has(k))).toHaveLength(10);
});

test('a client polling a QR session every 100 ms causes at most one check_qrcode per 2 s', async ({ playwright, request }) => {
  const client = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL, 'X-Forwarded-For': clientIp() } });
  const { id } = await (await client.post('/api/auth/qr')).json();
  await control(request, { action: 'resetCounters' });
  const started = Date.now();
  let answered = 0;
  while (Date.now() - started < 5_000) {
    const res = await client.get(`/api/auth/qr/${id}`);
    expect(res.status()).toBe(200);
    expect((await res.json()).status).toBe('new');
    answered++;
    await new Promise((r) => setTimeout(r, 100));
  }
  const elapsed = Date.now() - started;
  expect(answered).toBeGreaterThan(20);
  const checks = (await counters(request))['oauth/check_qrcode'] ?? 0;
  expect(checks).toBeGreaterThan(0);
  expect(checks).toBeLessThanOrEqual(Math.floor(elapsed / 2_000) + 1);
  await client.dispose();
});

test('sign-in starts are limited per client too (429 page with Retry-After)', async ({ playwright }) => {
  const client = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'X-Forwarded-For': clientIp() } });
  await withinOneMinute();
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await client.get('/api/auth/tiktok', { maxRedirects: 0 })).status());
  expect(statuses.slice(0, 30)).toEqual(Array(30).fill(302));
  const refused = await client.get('/api/auth/tiktok', { maxRedirects: 0 });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await refused.text()).toContain('Too many sign-in attempts');
  await client.dispose();
});

test('hidden images of the sign-in start on another site are refused uncounted; the visitor can still sign in', async ({ browser }) => {
  // One client (its own address, as everyone behind one NAT would share it) visits a hostile page.
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientIp() } });
  const page = await context.newPage();
  // What each image got: its status, or the browser's word when it blocked a non-image answer.
  const starts: Array<number | string> = [];
  const ours = (url: string) => url.startsWith(`${BASE_URL}/api/auth/tiktok`);
  page.on('response', (r) => {
    if (ours(r.url())) starts.push(r.status());
  });
  page.on('requestfailed', (r) => {
    if (ours(r.url()) && !r.redirectedFrom()) starts.push(r.failure()?.errorText ?? 'failed');
  });
  const imgs = Array.from({ length: 35 }, (_, i) => `<img src="${BASE_URL}/api/auth/tiktok?i=${i}" alt="">`).join('');
  const site = await thirdPartySite(`<!doctype html><body>${imgs}</body>`);
  try {
    await page.goto(site.url);
    await expect.poll(() => starts.length).toBe(35);
    // Refused (403, or blocked by the browser as a non-image answer), never redirected to TikTok or 429.
    expect(starts.filter((s) => s === 302 || s === 429)).toEqual([]);
    // The visitor's own click is a top-level navigation: it counts, and it is the first one.
    await page.goto('/');
    await page.getByRole('link', { name: 'Continue with TikTok' }).click();
    await expect(page.getByRole('heading', { name: /would like to access your TikTok account/ })).toBeVisible();
  } finally {
    site.server.close();
    await context.close();
  }
});

test('QR polls are capped per client, however many QR sessions it keeps open', async ({ playwright }) => {
  const ip = clientIp();
  // Three browsers behind one address, each with a live QR session of its own.
  const browsers = await Promise.all(
    [0, 1, 2].map(() => playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL, 'X-Forwarded-For': ip } })),
  );
  const ids = await Promise.all(browsers.map(async (b) => (await (await b.post('/api/auth/qr')).json()).id as string));
  await withinOneMinute();
  const statuses: number[] = [];
  for (let i = 0; i < 41; i++) {
    for (const [n, b] of browsers.entries()) statuses.push((await b.get(`/api/auth/qr/${ids[n]}`)).status());
  }
  // Each browser stayed under its own 60 a minute; together they passed the address's 120.
  expect(statuses.slice(0, 120)).toEqual(Array(120).fill(200));
  expect(statuses.slice(120)).toEqual([429, 429, 429]);
  const refused = await browsers[0].get(`/api/auth/qr/${ids[0]}`);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await refused.json()).error.code).toBe('rate_limited');
  await Promise.all(browsers.map((b) => b.dispose()));
});

test('the recent videos API is limited per creator: the 61st page in a minute gets 429', async ({ page }) => {
  await signIn(page, uniqueUser('pager'));
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
  await withinOneMinute();
  const statuses: number[] = [];
  for (let i = 0; i < 61; i++) statuses.push((await page.request.get('/api/videos')).status());
  expect(statuses.slice(0, 60)).toEqual(Array(60).fill(200));
  expect(statuses[60]).toBe(429);
});

test("an anonymous loop on a creator's avatar costs TikTok nothing, even while TikTok fails", async ({ page, request }) => {
  const user = uniqueUser('avatar-loop');
  await signIn(page, user);
  // A new page is a draft; published, its avatar is public (the copy was made when the profile was read).
  await publish(page);
  // The creator's own dashboard shows TikTok's avatar URL (it is TikTok's user there): leave it, so
  // the counts below are the anonymous requests' alone.
  await page.goto('about:blank');
  await control(request, { action: 'fault', endpoint: 'user/info', status: 500 });
  await control(request, { action: 'fault', endpoint: 'cdn/avatar', status: 403 });
  try {
    await control(request, { action: 'resetCounters' });
    for (let i = 0; i < 20; i++) {
      const res = await request.get(`/api/avatars/${user}`, { maxRedirects: 0 });
      expect(res.status()).toBe(302);
      expect(res.headers().location).toMatch(/^\/img\/[0-9a-f]+\/\d+\.webp$/);
    }
    const calls = await counters(request);
    expect(calls['user/info'] ?? 0).toBe(0);
    expect(calls['cdn/avatar'] ?? 0).toBe(0);
  } finally {
    await control(request, { action: 'reset' });
  }
});

test('showcase saves are limited per creator: the 31st in a minute gets 429', async ({ page }) => {
  await signIn(page, uniqueUser('saves'));
  await withinOneMinute();
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await apiPut(page, '/api/showcase', { videoIds: [] })).status());
  expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
  expect(statuses[30]).toBe(429);
});

test('with the shared budget used up, a dashboard load answers within the TikTok timeout, saying TikTok is busy', async ({ page }) => {
  await signIn(page, uniqueUser('budget'));
  await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
  // Another process spent this minute's 600 video/list calls.
  const db = new Database('data/e2e/showreel.db');
  const now = Date.now();
  const insert = db.prepare('INSERT INTO "ApiCall" ("endpoint", "at") VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 600; i++) insert.run('video.list', now);
  })();
  db.close();
  try {
    const started = Date.now();
    await page.goto('/dashboard');
    await expect(page.getByText(/TikTok is busy/).first()).toBeVisible({ timeout: 8_000 });
    // TIKTOK_TIMEOUT_MS is 4 s on the e2e server; a queue without end would never get here.
    expect(Date.now() - started).toBeLessThan(4_000 + 3_000);
  } finally {
    const cleanup = new Database('data/e2e/showreel.db');
    cleanup.prepare('DELETE FROM "ApiCall" WHERE "endpoint" = ? AND "at" = ?').run('video.list', now);
    cleanup.close();
  }
});
