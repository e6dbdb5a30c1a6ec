import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, expect, type Page } from '@playwright/test';
import { apiPut, fakeTikTokPlayer, type SandboxVideo, sandboxVideos, signIn, uniqueUser } from './helpers';

// What the journeys of a showcase on other websites share (e2e/embed.spec.ts, e2e/public-api.spec.ts).

/** A creator with a saved showcase of the given videos (by index, newest first), signed in on `page`. */
export async function creatorWith(page: Page, request: Parameters<typeof sandboxVideos>[0], picks: number[]) {
  const user = uniqueUser('emb');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  // A new creator's page is a draft: the dashboard shows no embed preview until the first save
  // publishes it, so no public render is under way when the save lands.
  await expect(page.getByText('Your page is a draft.')).toBeVisible();
  const chosen = picks.map((i) => videos[i]);
  expect((await apiPut(page, '/api/showcase', { videoIds: chosen.map((v) => v.id) })).status()).toBe(200);
  return { user, videos: chosen };
}

/** A third-party website on its own origin (another port), serving the given HTML. */
export async function thirdPartySite(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export const titles = (videos: SandboxVideo[]) => videos.map((v) => new RegExp(v.title.replace(/[#]/g, '\\$&')));

/** A visitor with TikTok's player stood in for, and the TikTok requests it made. */
export async function visitor(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  const tiktok: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).hostname.endsWith('tiktok.com')) tiktok.push(r.url());
  });
  await fakeTikTokPlayer(page);
  return { page, tiktok };
}
