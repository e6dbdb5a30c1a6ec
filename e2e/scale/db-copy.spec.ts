import { type ChildProcess, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SANDBOX_CONTROL_TOKEN } from '../../playwright.config';
import { createTestDatabase } from '../../tests/support/databases';
import { controlHeaders, type SandboxVideo, signIn, uniqueUser } from '../support/helpers';
import { startServer, stopServer } from '../support/server';

// Moving up: a creator signed in on the embedded SQLite file is still signed in, to the same
// showcase, after `npm run db:copy` and a restart on PostgreSQL.
const PORT = Number(process.env.SCALE_PORT ?? 3300) + 10;
const URL_ = `http://127.0.0.1:${PORT}`;
const DIR = `data/copy-${Date.now().toString(36)}`;
const SQLITE = `file:./${DIR}/showreel.db`;

const envFor = (databaseUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  SHOWREEL_SANDBOX: '1',
  SHOWREEL_DATA_DIR: DIR,
  DATABASE_URL: databaseUrl,
  APP_URL: URL_,
  SANDBOX_CONTROL_TOKEN,
});

const logs: string[] = [];
let server: ChildProcess | null = null;

test.afterAll(async () => {
  if (server) await stopServer(server, 'SIGKILL');
  rmSync(DIR, { recursive: true, force: true });
});

test('sign in on SQLite, copy into PostgreSQL, start on it: still signed in to the same showcase', async ({ page }) => {
  test.setTimeout(120_000);
  server = await startServer(PORT, envFor(SQLITE), (l) => logs.push(l), { prepare: true });

  const user = uniqueUser('copy');
  const res = await page.request.post(`${URL_}/sandbox/control`, { data: { action: 'videos', username: user }, headers: controlHeaders });
  const videos: SandboxVideo[] = (await res.json()).videos;
  await signIn(page, user, { start: `${URL_}/api/auth/tiktok` });
  await expect(page.getByRole('heading', { name: 'Your showcase' })).toBeVisible();
  const chosen = [videos[2].id, videos[0].id, videos[1].id];
  const saved = await page.request.put(`${URL_}/api/showcase`, { data: { videoIds: chosen }, headers: { Origin: URL_ } });
  expect(saved.status()).toBe(200);
  expect(await stopServer(server)).toBe(0);
  server = null;

  const target = await createTestDatabase('copy');
  try {
    // The machine's PostgreSQL trusts local connections, so any password works: this one must not be printed.
    const withPassword = target.url.replace('postgres@', 'postgres:not-for-logs@');
    const copy = spawnSync('npm', ['run', '--silent', 'db:copy', '--', '--from', SQLITE, '--to', withPassword], { encoding: 'utf8', env: envFor(SQLITE) });
    expect(copy.status, copy.stderr).toBe(0);
    expect(copy.stdout).toMatch(/User\s+1\b/);
    expect(copy.stdout).toMatch(/TikTokConnection\s+1\b/);
    expect(copy.stdout).toMatch(/ShowcaseItem\s+3\b/);
    // The showcase itself, and the pictures' copies (covers and avatar at their widths).
    expect(copy.stdout).toMatch(/Showcase\s+1\b/);
    expect(copy.stdout).toMatch(/Image\s+[1-9]\d*\b/);
    expect(copy.stdout + copy.stderr).not.toContain('not-for-logs');

    const again = spawnSync('npm', ['run', '--silent', 'db:copy', '--', '--from', SQLITE, '--to', withPassword], { encoding: 'utf8', env: envFor(SQLITE) });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/is not empty/);
    expect(again.stderr).not.toContain('not-for-logs');

    server = await startServer(PORT, envFor(target.url), (l) => logs.push(l), { prepare: true });
    const showcase = await page.request.get(`${URL_}/api/showcase`);
    expect(showcase.status()).toBe(200);
    expect(JSON.stringify(await showcase.json())).toContain(chosen[0]);
    await page.goto(`${URL_}/dashboard`);
    const order = page.getByRole('list', { name: 'Showcase order' }).getByRole('listitem');
    await expect(order).toHaveCount(3);
    const titles = (id: string) => videos.find((v) => v.id === id)!.title;
    await expect(order).toContainText(chosen.map(titles));
    // Visitors get the copied pictures: nothing had to be fetched from TikTok again.
    const html = await (await page.request.get(`${URL_}/u/${user}`)).text();
    const cover = html.match(/src="(\/img\/[0-9a-f]{32}\/\d+\.webp)"/)?.[1];
    expect(cover).toBeTruthy();
    expect((await page.request.get(`${URL_}${cover}`)).status()).toBe(200);
    // The copied tokens still decrypt and still work at TikTok.
    const recent = await page.request.get(`${URL_}/api/videos`);
    expect(recent.status()).toBe(200);
  } finally {
    if (server) await stopServer(server);
    server = null;
    await target.drop();
  }
});
