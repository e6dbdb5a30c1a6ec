import { type APIRequestContext, expect, type Page } from '@playwright/test';
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
