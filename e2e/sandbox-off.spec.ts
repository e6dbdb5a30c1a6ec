import { expect, test } from '@playwright/test';
import { serverOfItsOwn } from './support/server';

// With real TikTok credentials the built-in TikTok is gone: its pages as well as its API routes.
const { base: BASE } = serverOfItsOwn(50, 'real', (_dir, base) => ({
  APP_URL: base,
  TIKTOK_CLIENT_KEY: 'real_client_key',
  TIKTOK_CLIENT_SECRET: 'real_client_secret',
  SESSION_SECRET: 'e2e-real-credentials-session-secret-0123',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
}));

test('with real credentials every sandbox page and route answers 404', async ({ page, request }) => {
  for (const path of [
    '/sandbox/v2/auth/authorize?client_key=real_client_key',
    '/sandbox/qr?token=x',
    '/sandbox/control',
    '/sandbox/api/v2/user/info/',
    '/sandbox/oembed?url=https://www.tiktok.com/@a/video/1',
    '/sandbox/t/ZSabc',
  ]) {
    const res = await request.get(`${BASE}${path}`);
    expect(res.status(), path).toBe(404);
    expect(await res.text()).not.toMatch(/sbx-|Sandbox account|TikTok \(sandbox\)|would like to access/);
  }
  const res = await page.goto(`${BASE}/sandbox/v2/auth/authorize`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('button', { name: 'Authorize' })).toHaveCount(0);
  // The app itself still answers, and "Continue with TikTok" goes to TikTok, not to a sandbox.
  const start = await request.get(`${BASE}/api/auth/tiktok`, { maxRedirects: 0 });
  expect(start.status()).toBe(302);
  expect(start.headers().location).toMatch(/^https:\/\/www\.tiktok\.com\/v2\/auth\/authorize/);
});
