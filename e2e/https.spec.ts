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

test('behind a TLS load balancer (X-Forwarded-Proto: https): proxy rewrites stay inside the app and name no origin', async ({ request }) => {
  const balancer = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'showreel.localhost', 'X-Forwarded-For': '203.0.113.7' };
  for (const path of ['/embed/nobody?layout=list', '/embed/nobody?theme=dark&max=3', '/sandbox/nothing-here']) {
    for (const headers of [balancer, { ...balancer, Host: 'showreel.localhost' }]) {
      const res = await request.get(`${base}${path}`, { headers, maxRedirects: 0 });
      // It used to be 500: Next proxied the rewrite to itself, over TLS.
      expect(res.status(), path).toBe(404);
      expect(res.headers()['x-middleware-rewrite'] ?? '', path).not.toMatch(/^[a-z]+:\/\//i);
    }
  }
});
