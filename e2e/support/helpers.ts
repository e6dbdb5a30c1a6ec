import { type APIRequestContext, type Browser, expect, type Locator, type Page } from '@playwright/test';
import { SANDBOX_CONTROL_TOKEN } from '../../playwright.config';

/** What /sandbox/control needs outside development (the suites' servers run in production mode). */
export const controlHeaders = { Authorization: `Bearer ${SANDBOX_CONTROL_TOKEN}` };

let seq = 0;
let ipSeq = 0;

/** An address for a client of its own (per-client limits count per IP; the e2e server trusts X-Forwarded-For). */
export function clientIp(): string {
  ipSeq += 1;
  return `198.51.${(process.pid + Date.now()) % 250}.${ipSeq % 250}`;
}

/** A sandbox username no other test uses, so every journey starts as a brand-new creator. */
export function uniqueUser(prefix = 'e2e'): string {
  seq += 1;
  return `${prefix}-${Date.now().toString(36)}-${seq}`.slice(0, 24);
}

export async function control(request: APIRequestContext, body: Record<string, unknown>) {
  const res = await request.post('/sandbox/control', { data: body, headers: controlHeaders });
  expect(res.ok(), await res.text()).toBeTruthy();
  return res.json();
}

export async function counters(request: APIRequestContext): Promise<Record<string, number>> {
  const res = await request.get('/sandbox/control', { headers: controlHeaders });
  return (await res.json()).counters;
}

/** Signs in through the sandbox's consent page, as a person would. */
export async function signIn(page: Page, username: string, opts: { untick?: string[]; start?: string } = {}) {
  await page.goto(opts.start ?? '/');
  if (!opts.start) await page.getByRole('link', { name: 'Continue with TikTok' }).click();
  await expect(page.getByRole('heading', { name: /would like to access your TikTok account/ })).toBeVisible();
  for (const scope of opts.untick ?? []) await page.getByLabel(scope, { exact: true }).uncheck();
  await page.getByLabel('Sandbox account (username)').fill(username);
  await page.getByRole('button', { name: 'Authorize' }).click();
}

export type SandboxVideo = { id: string; title: string; createTime: number };

/** The sandbox creator's videos, newest first (what video/list returns). */
export async function sandboxVideos(request: APIRequestContext, username: string): Promise<SandboxVideo[]> {
  const { videos } = await control(request, { action: 'videos', username });
  return (videos as SandboxVideo[]).sort((a, b) => b.createTime - a.createTime);
}

/** Same-origin JSON calls with the page's cookies, as the app's own scripts make them. */
export async function apiPut(page: Page, path: string, data: unknown) {
  return page.request.put(path, { data, headers: { Origin: new URL(page.url()).origin } });
}

/** A stand-in for TikTok's player (the real host is unreachable here); posts the given events to its parent. */
export async function fakeTikTokPlayer(page: Page, events: Array<Record<string, unknown>> = [{ type: 'onPlayerReady' }]) {
  await page.route('https://www.tiktok.com/player/v1/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><body style="background:#111;color:#fff">player<script>
        for (const e of ${JSON.stringify(events)}) parent.postMessage(JSON.stringify({ 'x-tiktok-player': true, ...e }), '*');
      </script></body>`,
    }),
  );
}

/** The Publish switch, as the dashboard flips it (PATCH /api/showcase). */
export async function publish(page: Page, published = true) {
  const res = await page.request.patch('/api/showcase', { data: { published }, headers: { Origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBe(200);
}

/** Drags a showcase-order row by its handle onto another row, with the mouse, in small steps as a hand would. */
export async function dragRow(page: Page, from: Locator, to: Locator) {
  const handle = await from.getByRole('button', { name: /^Drag to reorder / }).boundingBox();
  const target = await to.boundingBox();
  if (!handle || !target) throw new Error('row not visible');
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  const [x, y] = [handle.x + handle.width / 2, target.y + target.height * 0.75];
  for (let i = 1; i <= 10; i++) await page.mouse.move(handle.x + handle.width / 2, handle.y + ((y - handle.y) * i) / 10);
  await page.mouse.move(x, y);
  await page.mouse.up();
}

/**
 * A new creator whose first `count` videos are saved (which publishes the page), signed in in a
 * context of its own that is closed again; with `storage`, its session is kept in that file for
 * contexts that need to be this creator.
 */
export async function publishedCreator(browser: Browser, prefix: string, count: number, storage?: string) {
  const page = await (await browser.newContext()).newPage();
  const user = uniqueUser(prefix);
  const videos = await sandboxVideos(page.request, user);
  await signIn(page, user);
  expect((await apiPut(page, '/api/showcase', { videoIds: videos.slice(0, count).map((v) => v.id) })).status()).toBe(200);
  if (storage) await page.context().storageState({ path: storage });
  await page.context().close();
  return { user, videos };
}

/**
 * Waits, when needed, until a burst of `seconds` fits inside the current clock minute. Per-client
 * limits count in sliding one-minute windows estimated from the current and the previous clock
 * minute: a burst that straddles a boundary is counted a little generously, so journeys that count
 * up to a limit start where the count is exact.
 */
export async function withinOneMinute(seconds = 20): Promise<void> {
  const into = Date.now() % 60_000;
  if (into + seconds * 1000 > 60_000) await new Promise((r) => setTimeout(r, 60_000 - into + 200));
}
