import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Request, test } from '@playwright/test';
import { SANDBOX_CONTROL_TOKEN } from '../playwright.config';
import { controlHeaders } from './support/helpers';
import { startServer, stopServer } from './support/server';
import { thirdPartySite } from './support/showcase-fixtures';

// The app with real-credential configuration against a fake TikTok on hosts of its own: a second
// server in sandbox mode stands in for TikTok, reached only over https (a certificate made for the
// test, trusted through NODE_EXTRA_CA_CERTS) on its own port, which is also its CDN. Visitors of the
// public page, an embed on another site and the share image must not reach it, or any TikTok host,
// before they click a video; every cover and the avatar come from the app's own origin.

const E2E = Number(process.env.E2E_PORT ?? 3100);
const APP_PORT = E2E + 110;
const TIKTOK_PORT = E2E + 111;
const TLS_PORT = E2E + 112;
const APP = `http://127.0.0.1:${APP_PORT}`;
const TIKTOK = `https://127.0.0.1:${TLS_PORT}`;
const SANDBOX_KEY = 'sbx_showreel';
const SANDBOX_SECRET = 'sbx_secret_not_a_real_tiktok_secret';

const dir = mkdtempSync(join(tmpdir(), 'showreel-real-tiktok-'));
let app: ChildProcess;
let tiktok: ChildProcess;
let tls: Server;
const logs: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    {
      stdio: 'ignore',
    },
  );
  // TikTok's https front: forwards everything to the sandbox server behind it.
  tls = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const upstream = httpRequest({ host: '127.0.0.1', port: TIKTOK_PORT, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => tls.listen(TLS_PORT, '127.0.0.1', r));
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  tiktok = await startServer(
    TIKTOK_PORT,
    {
      ...base,
      SHOWREEL_SANDBOX: '1',
      SANDBOX_CONTROL_TOKEN,
      APP_URL: TIKTOK,
      SHOWREEL_DATA_DIR: join(dir, 'tiktok'),
      DATABASE_URL: `file:${join(dir, 'tiktok', 'app.db')}`,
    },
    (l) => logs.push(`[tiktok] ${l}`),
    { prepare: true },
  );
  app = await startServer(
    APP_PORT,
    {
      ...base,
      APP_URL: APP,
      DATABASE_URL: `file:${join(dir, 'app', 'app.db')}`,
      SHOWREEL_DATA_DIR: join(dir, 'app'),
      TIKTOK_CLIENT_KEY: SANDBOX_KEY,
      TIKTOK_CLIENT_SECRET: SANDBOX_SECRET,
      TIKTOK_AUTH_BASE_URL: `${TIKTOK}/sandbox`,
      TIKTOK_API_BASE_URL: `${TIKTOK}/sandbox/api`,
      TIKTOK_CDN_HOSTS: '127.0.0.1',
      NODE_EXTRA_CA_CERTS: cert,
      SESSION_SECRET: 'e2e-real-tiktok-session-secret-0123456789',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
    (l) => logs.push(`[app] ${l}`),
    { prepare: true },
  );
  // The fake TikTok knows the app's redirect URI, as a registered app's would be.
  const registered = await fetch(`http://127.0.0.1:${TIKTOK_PORT}/sandbox/control`, {
    method: 'POST',
    headers: controlHeaders,
    body: JSON.stringify({ action: 'settings', redirectUris: [`${APP}/api/auth/tiktok/callback`] }),
  });
  expect(registered.ok, await registered.text()).toBe(true);
});

test.afterAll(async () => {
  if (app) await stopServer(app);
  if (tiktok) await stopServer(tiktok);
  tls?.close();
  rmSync(dir, { recursive: true, force: true });
});

const reachesTikTok = (r: Request) => {
  const u = new URL(r.url());
  return u.port === String(TLS_PORT) || u.port === String(TIKTOK_PORT) || u.hostname.endsWith('tiktok.com') || u.hostname.endsWith('tiktokcdn.com');
};

test('real-credential mode: visitors never reach TikTok before a click; covers and avatar come from the app', async ({ browser }) => {
  const creatorContext = await browser.newContext({ ignoreHTTPSErrors: true });
  const creator = await creatorContext.newPage();
  await creator.goto(`${APP}/api/auth/tiktok`);
  await creator.getByLabel('Sandbox account (username)').fill('real.mode');
  await creator.getByRole('button', { name: 'Authorize' }).click();
  await expect(creator).toHaveURL(`${APP}/dashboard`);
  const { videos } = await (
    await fetch(`http://127.0.0.1:${TIKTOK_PORT}/sandbox/control`, {
      method: 'POST',
      headers: controlHeaders,
      body: JSON.stringify({ action: 'videos', username: 'real.mode' }),
    })
  ).json();
  const ids = (videos as Array<{ id: string; createTime: number }>)
    .sort((a, b) => b.createTime - a.createTime)
    .slice(0, 3)
    .map((v) => v.id);
  const saved = await creator.request.put(`${APP}/api/showcase`, { data: { videoIds: ids }, headers: { Origin: APP } });
  expect(saved.status(), `${await saved.text()}\n${logs.join('\n')}`).toBe(200);
  await creatorContext.close();

  const site = await thirdPartySite(`<!doctype html><html lang="en"><body><h1>A blog</h1>
    <script src="${APP}/embed.js" data-showreel="real.mode" async></script></body></html>`);
  const visitorContext = await browser.newContext();
  const seen: string[] = [];
  visitorContext.on('request', (r) => {
    if (reachesTikTok(r)) seen.push(r.url());
  });
  try {
    const page = await visitorContext.newPage();
    await page.goto(`${APP}/u/real.mode`);
    const covers = page.locator('img.cover');
    await expect(covers).toHaveCount(3);
    for (const img of [...(await covers.all()), page.locator('img.avatar')]) {
      await expect(img).toHaveJSProperty('complete', true);
      expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
      // The app's own copy (not a placeholder, not TikTok's CDN).
      expect(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).toMatch(new RegExp(`^${APP}/img/[0-9a-f]+/\\d+\\.webp$`));
    }

    await page.goto(site.url);
    const embed = page.frameLocator('iframe[title="Showreel: real.mode"]');
    await expect(embed.locator('img.embed-cover')).toHaveCount(3);
    for (const img of await embed.locator('img.embed-cover').all()) {
      await expect(img).toHaveJSProperty('complete', true);
      expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
      expect(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).toMatch(new RegExp(`^${APP}/img/[0-9a-f]+/\\d+\\.webp$`));
    }

    const share = await page.goto(`${APP}/u/real.mode/share-image`);
    expect(share?.status()).toBe(200);
    expect(share?.headers()['content-type']).toContain('image/png');

    expect(seen).toEqual([]);
  } finally {
    await visitorContext.close();
    site.server.close();
  }
});
