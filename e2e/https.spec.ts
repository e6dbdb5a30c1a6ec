import { expect, test } from '@playwright/test';
import { serverOfItsOwn } from './support/server';

// A deployment whose APP_URL is https (TLS ends at the load balancer in front of it) tells browsers
// to use https only; an http one (local development, the main e2e server) does not.
const { base } = serverOfItsOwn(60, 'https', (dir) => ({ SHOWREEL_SANDBOX: '1', SHOWREEL_DATA_DIR: dir, APP_URL: 'https://showreel.localhost' }));

test('Strict-Transport-Security on an https deployment, on pages and API routes alike; none on http', async ({ request }) => {
  for (const path of ['/', '/api/health', '/u/nobody-here']) {
    const res = await request.get(`${base}${path}`, { maxRedirects: 0 });
    expect(res.headers()['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
  }
  const plain = await request.get('/api/health');
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
});
