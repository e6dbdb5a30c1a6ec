import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { migrate } from '../prisma/migrate.mjs';
import { startServer, stopServer } from './support/server';

// Several showcases arrived with a migration (20261201060000_showcases) that turns each creator's
// one showcase into their default. This journey builds a database as the release before it left one
// (every migration through 20261201020000_images, with creators in every state), lets the current
// server migrate and serve it, and compares what visitors get with what the release before served
// from the very same database, recorded once with RECORD_LEGACY=1 on that release's build
// (e2e/fixtures/legacy-showcase.json). Fields added since are checked apart.

const LAST_LEGACY_MIGRATION = '20261201020000_images';
const FIXTURE = join('e2e', 'fixtures', 'legacy-showcase.json');
const PORT = Number(process.env.E2E_PORT ?? 3100) + 120;
const BASE = `http://127.0.0.1:${PORT}`;
const T = Date.UTC(2026, 10, 1, 12, 0, 0);

/** Creators as the previous release stored them: live, unpublished, a draft, disconnected after being live. */
function seed(file: string) {
  const db = new Database(file);
  const user = db.prepare(
    `INSERT INTO "User" (id, openId, displayName, username, avatarUrl, handle, published, publishedAt, sessionVersion, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 0, ?, ?)`,
  );
  const connection = db.prepare(
    `INSERT INTO "TikTokConnection" (userId, accessTokenEnc, refreshTokenEnc, accessExpiresAt, refreshExpiresAt, scopes, connectedAt, version, status, updatedAt)
     VALUES (?, 'v2.none.none.none', 'v2.none.none.none', ?, ?, 'user.info.basic,user.info.profile,video.list', ?, 0, 'active', ?)`,
  );
  const video = db.prepare(
    `INSERT INTO "Video" (userId, id, title, description, duration, shareUrl, createTime, coverUrl, coverExpiresAt, available, viewCount, likeCount, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
  );
  const item = db.prepare(`INSERT INTO "ShowcaseItem" (userId, videoId, position, addedAt) VALUES (?, ?, ?, ?)`);
  const creators: Array<[string, string, boolean, number | null, boolean]> = [
    ['legacy-live', 'lena.legacy', true, T, true],
    ['legacy-unpublished', 'una.legacy', false, T, true],
    ['legacy-draft', 'dora.legacy', false, null, true],
    ['legacy-gone', 'gus.legacy', false, T, false],
  ];
  for (const [id, handle, published, publishedAt, connected] of creators) {
    user.run(
      id,
      `open-${id}`,
      handle.replace('.legacy', ' Legacy').replace(/^./, (c) => c.toUpperCase()),
      handle,
      handle,
      published ? 1 : 0,
      publishedAt,
      T,
      T + 1000,
    );
    if (connected) connection.run(id, T + 7200_000, T + 180 * 86_400_000, T, T);
    for (let i = 0; i < 4; i++) {
      const vid = `7${id.length}${String(1000 + i).padStart(17, '0')}`;
      video.run(
        id,
        vid,
        `Legacy clip ${i} #old`,
        `Take ${i} #old`,
        12 + i,
        `https://www.tiktok.com/@${handle}/video/${vid}`,
        T - i * 86_400_000,
        T,
        i === 3 ? 0 : 1,
        100 * (i + 1),
        10 * (i + 1),
        T + 2000,
      );
      // The creator's order: 2, 0, 3 (unavailable, hidden), 1.
      item.run(id, vid, [1, 3, 0, 2][i], T + 3000);
    }
  }
  db.close();
}

/** What a visitor gets from each public surface, the app's address written as {APP}. */
async function surfaces(page: Page) {
  const text = async (path: string) => {
    const res = await page.request.get(`${BASE}${path}`);
    return { status: res.status(), body: res.status() === 200 ? (await res.text()).replaceAll(BASE, '{APP}') : null };
  };
  const json = async (path: string) => {
    const r = await text(path);
    return { status: r.status, body: r.body ? JSON.parse(r.body) : null };
  };
  const titles = async (path: string) => {
    await page.goto(`${BASE}${path}`);
    const buttons = page.locator('ul[aria-label] li button');
    await expect(buttons.first()).toBeVisible();
    return {
      // The embed has no heading of its own: the creator's name is its header link.
      heading: path.startsWith('/u/') ? await page.getByRole('heading', { level: 1 }).textContent() : await page.locator('header').first().innerText(),
      videos: await buttons.allInnerTexts(),
    };
  };
  const pageUrl = encodeURIComponent(`${BASE}/u/lena.legacy`);
  return {
    page: await titles('/u/lena.legacy'),
    embed: await titles('/embed/lena.legacy?layout=list'),
    json: await json('/api/public/showcases/lena.legacy?stats=1'),
    oembed: await json(`/api/oembed?url=${pageUrl}`),
    statuses: Object.fromEntries(
      await Promise.all(
        ['una.legacy', 'dora.legacy', 'gus.legacy']
          .flatMap((h) => [`/u/${h}`, `/api/public/showcases/${h}`])
          .map(async (p) => [p, (await page.request.get(`${BASE}${p}`)).status()]),
      ),
    ),
  };
}

test('a database of the previous release keeps every page, embed and JSON answer after the showcases migration', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'showreel-legacy-'));
  const url = `file:${join(dir, 'app.db')}`;
  await migrate(url, { through: LAST_LEGACY_MIGRATION });
  seed(join(dir, 'app.db'));
  const server = await startServer(
    PORT,
    { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', SHOWREEL_SANDBOX: '1', DATABASE_URL: url, APP_URL: BASE, SHOWREEL_DATA_DIR: dir },
    () => undefined,
    { prepare: true },
  );
  try {
    const now = await surfaces(page);
    if (process.env.RECORD_LEGACY === '1') {
      writeFileSync(FIXTURE, `${JSON.stringify(now, null, 2)}\n`);
      return;
    }
    expect(existsSync(FIXTURE), 'the previous release recorded what it served').toBe(true);
    const before = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    // The migration ran: the creator's showcase is now their default, with the creator's id.
    const db = new Database(join(dir, 'app.db'), { readonly: true });
    expect(db.prepare(`SELECT id, userId, isDefault, published FROM "Showcase" WHERE userId = 'legacy-live'`).all()).toEqual([
      { id: 'legacy-live', userId: 'legacy-live', isDefault: 1, published: 1 },
    ]);
    db.close();

    expect(now.page).toEqual(before.page);
    expect(now.embed).toEqual(before.embed);
    expect(now.statuses).toEqual(before.statuses);
    expect(now.oembed).toEqual(before.oembed);
    // The JSON: what it said before, unchanged; what showcases added, apart.
    const { showcase, ...rest } = now.json.body;
    expect(showcase).toEqual({ slug: 'featured', title: 'Featured videos', description: '', isDefault: true, url: '{APP}/u/lena.legacy' });
    for (const v of rest.videos) {
      expect(v).toMatchObject({ aiGenerated: false, link: null });
      delete v.aiGenerated;
      delete v.link;
    }
    expect({ status: now.json.status, body: rest }).toEqual(before.json);
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
