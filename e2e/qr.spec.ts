import { expect, type Page, test } from '@playwright/test';
import { clientIp, control, counters, uniqueUser } from './support/helpers';

// Each journey is a client of its own: QR starts are limited to 10 a minute per client.
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': clientIp() });
});

test.afterEach(async ({ request }) => {
  await control(request, { action: 'reset' });
});

/** Opens /login/qr and returns what the QR code encodes (the same URL as the text fallback link). */
async function showQr(page: Page) {
  const started = page.waitForResponse((r) => r.url().endsWith('/api/auth/qr') && r.request().method() === 'POST');
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in with QR code' }).click();
  const { id } = await (await started).json();
  await expect(page.getByRole('img', { name: 'QR code to sign in with the TikTok app' }).locator('svg')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Scan with the TikTok app');
  const scanUrl = (await page.getByRole('link', { name: 'Open the sign-in link on your phone' }).getAttribute('href'))!;
  return { id: id as string, scanUrl, token: new URL(scanUrl).searchParams.get('token')! };
}

test('a phone scans and confirms; the desktop browser is signed in', async ({ page, browser }) => {
  const user = uniqueUser('qr');
  const { scanUrl } = await showQr(page);
  expect(new URL(scanUrl).searchParams.get('client_ticket')).not.toBe('tobefilled');

  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await phone.goto(scanUrl);
  await phone.getByRole('button', { name: 'Scan' }).click();
  await expect(page.getByRole('status')).toHaveText('Confirm on your phone');
  await phone.getByLabel('Sandbox account (username)').fill(user);
  await phone.getByRole('button', { name: 'Confirm' }).click();
  await expect(phone.getByRole('status')).toHaveText(/Confirmed/);

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    user
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' '),
  );
  // The phone never got a session of ours.
  expect((await phoneContext.cookies()).some((c) => c.name === 'showreel_session')).toBe(false);
  await phoneContext.close();
});

test('a QR session belongs to the browser that started it', async ({ page, browser }) => {
  const { id } = await showQr(page);
  const other = await browser.newContext();
  const res = await other.request.get(`/api/auth/qr/${id}`);
  expect(res.status()).toBe(404);
  expect((await res.json()).error.code).toBe('not_found');
  await other.close();
});

test('an expired code offers a new one', async ({ page, request }) => {
  const first = await showQr(page);
  await control(request, { action: 'qrStatus', token: first.token, status: 'expired' });
  await expect(page.getByRole('status')).toHaveText('This QR code has expired or was cancelled.');
  const again = page.waitForResponse((r) => r.url().endsWith('/api/auth/qr') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Get a new code' }).click();
  const second = await (await again).json();
  expect(second.id).not.toBe(first.id);
  await expect(page.getByRole('status')).toHaveText('Scan with the TikTok app');
});

test('a utilised code offers to start again', async ({ page, request }) => {
  const { token } = await showQr(page);
  await control(request, { action: 'qrStatus', token, status: 'utilised' });
  await expect(page.getByRole('status')).toHaveText('This QR code has already been used.');
  await expect(page.getByRole('button', { name: 'Start again' })).toBeVisible();
});

test('cancel on the phone stops the desktop and offers a new code', async ({ page, browser }) => {
  const { scanUrl } = await showQr(page);
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(scanUrl);
  await phone.getByRole('button', { name: 'Scan' }).click();
  await phone.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status')).toHaveText('This QR code has expired or was cancelled.');
  await expect(page.getByRole('button', { name: 'Get a new code' })).toBeVisible();
  await expect(page).toHaveURL(/\/login\/qr$/);
});

test('a 429 from TikTok stops polling and says to try again in a moment', async ({ page, request }) => {
  await showQr(page);
  await control(request, { action: 'fault', endpoint: 'oauth/check_qrcode', status: 429 });
  await expect(page.getByRole('status')).toHaveText('TikTok is busy. Try again in a moment.');
  const before = (await counters(request))['oauth/check_qrcode'];
  await page.waitForTimeout(6000);
  expect((await counters(request))['oauth/check_qrcode']).toBe(before);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('polling stops after 5 minutes (on a clock the test controls)', async ({ page, request }) => {
  await page.clock.install();
  await showQr(page);
  await page.clock.runFor(3000);
  // The poll the clock started is real network work: wait for it to reach the sandbox.
  await expect.poll(async () => (await counters(request))['oauth/check_qrcode'] ?? 0).toBeGreaterThan(0);
  await page.clock.fastForward('05:01');
  await expect(page.getByRole('status')).toHaveText('Still there? This QR code timed out.');
  await page.waitForTimeout(500); // real time: a poll already on its way may still land
  const after = (await counters(request))['oauth/check_qrcode'];
  await page.clock.runFor(10_000);
  await page.waitForTimeout(1000); // real time for any poll those 10 s would have started
  expect((await counters(request))['oauth/check_qrcode']).toBe(after);
  await expect(page.getByRole('button', { name: 'Get a new code' })).toBeVisible();
});

test('polling pauses while the tab is hidden and resumes when it is shown again', async ({ page }) => {
  await page.clock.install();
  const { id } = await showQr(page);
  let polls = 0;
  page.on('request', (r) => {
    if (r.url().endsWith(`/api/auth/qr/${id}`)) polls++;
  });
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);

  await page.clock.runFor(3000);
  await expect.poll(() => polls).toBeGreaterThan(0);
  await setVisibility('hidden');
  await page.clock.runFor(3000);
  await page.waitForTimeout(500); // real time: a request already on its way may still land
  const hiddenFrom = polls;
  await page.clock.runFor(15_000);
  await page.waitForTimeout(1000); // real time for any request those 15 s would have started
  expect(polls).toBe(hiddenFrom);
  await setVisibility('visible');
  await page.clock.runFor(3000);
  await expect.poll(() => polls).toBeGreaterThan(hiddenFrom);
  await expect(page.getByRole('status')).toHaveText('Scan with the TikTok app');
});
