import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createTestDatabase, TEST_DATABASE_URL } from '../../tests/support/databases';
import { startServer, stopServer } from '../support/server';
import { TcpLink } from '../support/tcp-link';

// One `npm start` instance on PostgreSQL reached through a link the test cuts or freezes: what a
// visitor and a creator get while the database is gone or hangs. Runs with the services.
test.describe.configure({ mode: 'serial' });

const PORT = Number(process.env.SCALE_PORT ?? 3300) + 20;
const base = `http://127.0.0.1:${PORT}`;
const pgTarget = new URL(TEST_DATABASE_URL);
const link = new TcpLink(PORT + 1, { host: pgTarget.hostname, port: Number(pgTarget.port || 5432) });
const dir = mkdtempSync(join(tmpdir(), 'showreel-faults-'));
const logs: string[] = [];
let server: ChildProcess;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await createTestDatabase('faults');
  await link.up();
  const url = new URL(database.url);
  url.host = `127.0.0.1:${PORT + 1}`;
  // Short deadlines, so a hung database costs a request 1.5 s here (10 s by default).
  url.searchParams.set('query_timeout', '1500');
  url.searchParams.set('pool_timeout', '2');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SHOWREEL_SANDBOX: '1',
    SHOWREEL_DATA_DIR: dir,
    APP_URL: base,
  };
  // Migrations straight to the database: spawnSync blocks this process, and with it the link.
  const prepared = spawnSync(process.execPath, ['scripts/prepare.mjs'], { env: { ...env, DATABASE_URL: database.url }, encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`start-up refused: ${prepared.stderr}`);
  server = await startServer(PORT, { ...env, DATABASE_URL: url.toString() }, (line) => logs.push(line));
});

test.afterAll(async () => {
  if (server) await stopServer(server, 'SIGKILL');
  await link.down();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads which fixtures a hook needs from its first parameter, which must be a destructuring
test.afterEach(async ({}, info) => {
  if (info.status !== info.expectedStatus) console.log(logs.slice(-60).join('\n'));
});

/** API requests that need the database, as anybody can send them. */
const calls = [
  { method: 'GET', path: '/api/public/showcases/someone' },
  { method: 'GET', path: `/api/oembed?url=${encodeURIComponent(`${base}/u/someone`)}` },
  { method: 'GET', path: '/api/covers/7000000000000000001' },
  { method: 'POST', path: '/api/auth/qr' },
];

async function expectUnavailable(request: import('@playwright/test').APIRequestContext) {
  for (const { method, path } of calls) {
    // The request's own timeout is the deadline: a request held for the whole outage fails here.
    const res = await request.fetch(`${base}${path}`, { method, headers: { Origin: base }, timeout: 8_000 });
    expect(res.status(), `${method} ${path}`).toBe(503);
    expect(Number(res.headers()['retry-after']), `${method} ${path}: Retry-After`).toBeGreaterThan(0);
    const body = await res.json();
    expect(body, `${method} ${path}`).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toMatch(/prisma|postgres|127\.0\.0\.1|5432|ECONN/i);
  }
  const ready = await request.get(`${base}/api/health?ready=1`, { timeout: 8_000 });
  expect(ready.status()).toBe(503);
  // Readiness names the failing check, nothing more.
  expect(await ready.json()).toEqual({ ok: false, checks: { database: { ok: false } } });
}

test('database gone: API routes answer 503 unavailable with Retry-After, and recover when it is back', async ({ request }) => {
  expect((await request.get(`${base}/api/public/showcases/someone`)).status()).toBe(404);
  await link.down();
  try {
    await expectUnavailable(request);
  } finally {
    await link.up();
  }
  await expect.poll(async () => (await request.get(`${base}/api/public/showcases/someone`)).status(), { timeout: 15_000 }).toBe(404);
});

test('database hanging: requests give up after the configured query timeout with 503, not after the freeze', async ({ request }) => {
  expect((await request.get(`${base}/api/public/showcases/someone`)).status()).toBe(404);
  link.freeze();
  try {
    await expectUnavailable(request);
  } finally {
    link.thaw();
  }
  await expect.poll(async () => (await request.get(`${base}/api/public/showcases/someone`)).status(), { timeout: 15_000 }).toBe(404);
});
