import { type APIRequestContext, expect, test } from '@playwright/test';
import { apiPut } from './support/helpers';
import { creatorWith } from './support/showcase-fixtures';

// `npm start`'s server answers again what Next served from its page cache a moment ago, without
// Next (lib/platform/http/response-cache.mjs, issue 21 §2), and a save drops it at once.

const ORIGIN = 'x-showreel-origin-cache';

/** Asks until the answer comes from the origin's cache (the first requests render and fill Next's cache). */
async function originHit(request: APIRequestContext, path: string) {
  await expect.poll(async () => (await request.get(path)).headers()[ORIGIN], { message: path, timeout: 15_000 }).toBe('HIT');
}

/** The video titles of a public page (`title`) or an embed (`embed-title`), in order. */
const titlesOf = (html: string) => [...html.matchAll(/<span class="(?:embed-)?title">([^<]+)<\/span>/g)].map((m) => m[1]);

test('public answers come from the origin cache until a save, which shows on the next request', async ({ page, request }) => {
  const { user, videos } = await creatorWith(page, request, [0, 1, 2]);
  const surfaces = [`/u/${user}`, `/embed/${user}`];
  for (const path of surfaces) await originHit(request, path);

  const kept = await request.get(`/u/${user}`);
  expect(kept.headers()['x-nextjs-cache']).toBe('HIT');
  expect(titlesOf(await kept.text())).toEqual(videos.map((v) => v.title));
  // A visitor's browser revalidating its copy gets a 304 from here as from Next.
  const revalidated = await request.get(`/u/${user}`, { headers: { 'If-None-Match': kept.headers().etag } });
  expect(revalidated.status()).toBe(304);
  expect(revalidated.headers()[ORIGIN]).toBe('HIT');

  const reordered = [videos[2], videos[0]];
  expect((await apiPut(page, '/api/showcase', { videoIds: reordered.map((v) => v.id) })).status()).toBe(200);
  const after = await request.get(`/u/${user}`);
  expect(after.headers()[ORIGIN]).toBeUndefined();
  expect(titlesOf(await after.text())).toEqual(reordered.map((v) => v.title));
  const embed = await request.get(`/embed/${user}`);
  expect(embed.headers()[ORIGIN]).toBeUndefined();
  expect(titlesOf(await embed.text())).toEqual(reordered.map((v) => v.title));
  const api = await request.get(`/api/public/showcases/${user}`);
  expect((await api.json()).videos.map((v: { title: string }) => v.title)).toEqual(reordered.map((v) => v.title));
});

test('an RSC request and the dashboard never come from it', async ({ page, request }) => {
  const { user } = await creatorWith(page, request, [0]);
  await originHit(request, `/u/${user}`);
  expect((await request.get(`/u/${user}`, { headers: { RSC: '1' } })).headers()[ORIGIN]).toBeUndefined();
  for (let i = 0; i < 3; i++) expect((await page.request.get('/dashboard')).headers()[ORIGIN]).toBeUndefined();
});
