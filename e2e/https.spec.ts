import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, stopServer } from './server';

// A deployment whose APP_URL is https (TLS ends at the load balancer in front of it) tells browsers
// to use https only; an http one (local development, the main e2e server) does not.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const dir = mkdtempSync(join(tmpdir(), 'showreel-https-'));
let server: ChildProcess;

test.beforeAll(async () => {
  server = await startServer(
    PORT,
    {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      SHOWREEL_SANDBOX: '1',
      SHOWREEL_DATA_DIR: dir,
      DATABASE_URL: `file:${join(dir, 'app.db')}`,
      APP_URL: 'https://showreel.localhost',
    },
    () => undefined,
    { prepare: true },
  );
});

test.afterAll(async () => {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
});

test('Strict-Transport-Security on an https deployment, on pages and API routes alike; none on http', async ({ request }) => {
  for (const path of ['/', '/api/health', '/u/nobody-here']) {
    const res = await request.get(`http://127.0.0.1:${PORT}${path}`, { maxRedirects: 0 });
    expect(res.headers()['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
  }
  const plain = await request.get('/api/health');
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
});
