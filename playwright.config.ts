import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium against the production build (`next start`), with a
// SQLite file and a sandbox of their own, on 127.0.0.1:3100.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const CRON_SECRET = 'e2e-cron-secret-0123456789';
/** /sandbox/control's token outside development (e2e/support/helpers.ts sends it). */
export const SANDBOX_CONTROL_TOKEN = 'e2e-sandbox-control-token-0123456789';

export default defineConfig({
  testDir: './e2e',
  // The multi-instance journeys need PostgreSQL and Redis: `npm run test:services` runs them.
  testIgnore: ['scale/**'],
  // One server, one sandbox whose counters and injected faults are global: run the journeys in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // `npm start`'s server (scripts/server.mjs): its 65 s keepAliveTimeout outlives every test (60 s);
    // Playwright's request context keeps idle sockets without honouring the server's Keep-Alive hint,
    // so with Node's default 5 s a request sent after a pause could meet a socket being closed.
    command: `rm -rf data/e2e && node scripts/prepare.mjs && node scripts/server.mjs -H 127.0.0.1 -p ${PORT}`,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      SHOWREEL_SANDBOX: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: 'file:./data/e2e/showreel.db',
      APP_URL: BASE_URL,
      CRON_SECRET,
      SANDBOX_CONTROL_TOKEN,
      NATIVE_APP_SCHEMES: 'showreeltest',
      // As behind a load balancer: journeys that need clients of their own send X-Forwarded-For
      // (e2e/support/helpers.ts clientIp); everything else is the one client 127.0.0.1.
      TRUST_PROXY: '1',
      // Short, so the timeout journey does not wait 10 s; the sandbox answers in milliseconds.
      TIKTOK_TIMEOUT_MS: '4000',
    },
  },
});
