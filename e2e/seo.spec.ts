import { expect, test } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { publish, type SandboxVideo } from './support/helpers';
import { creatorWith } from './support/showcase-fixtures';

// What search engines read: structured data, canonical links and descriptions on the public page;
// noindex wherever a page must not be indexed; the sitemap and robots.txt.

test.describe.configure({ mode: 'serial' });

let creator: { user: string; videos: SandboxVideo[] };

test.beforeAll(async ({ browser, request }) => {
  creator = await creatorWith(await (await browser.newContext()).newPage(), request, [2, 0, 1]);
});

test('the public page: canonical link, description, and JSON-LD a crawler can read', async ({ page }) => {
  await page.goto(`/u/${creator.user}`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${BASE_URL}/u/${creator.user}`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /3 hand-picked TikTok videos/);
  expect(await page.locator('meta[name="robots"]').count()).toBe(0);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
  const types = ld['@graph'].map((n: { '@type': string }) => n['@type']);
  expect(types).toEqual(['ProfilePage', 'Person', 'ItemList']);
  const list = ld['@graph'][2].itemListElement.map((e: { item: Record<string, string | string[]> }) => e.item);
  expect(list.map((v: { name: string }) => v.name)).toEqual(creator.videos.map((v) => v.title));
  for (const v of list) {
    expect(v['@type']).toBe('VideoObject');
    expect(v.thumbnailUrl[0].startsWith(`${BASE_URL}/img/`)).toBe(true);
    expect(v.duration).toMatch(/^PT(\d+H)?(\d+M)?(\d+S)?$/);
    expect(v.uploadDate).toBeTruthy();
  }
  // The thumbnails are real pictures on the app's origin.
  expect((await page.request.get(list[0].thumbnailUrl[0])).headers()['content-type']).toBe('image/webp');
});

test('embeds, /watch and unknown showcases are not indexable', async ({ page }) => {
  for (const path of [`/embed/${creator.user}`, `/embed/${creator.user}?layout=list`, `/watch/${creator.videos[0].id}`, '/u/nobody-has-this-handle']) {
    await page.goto(path);
    await expect(page.locator('meta[name="robots"]').first(), path).toHaveAttribute('content', /noindex/);
  }
});

test('the sitemap lists published showcases with lastmod and forgets one as soon as it is unpublished; robots.txt names it', async ({ browser, request }) => {
  const ownerPage = await (await browser.newContext()).newPage();
  const second = await creatorWith(ownerPage, request, [0]);
  const entry = (handle: string) => new RegExp(`<url><loc>${BASE_URL}/u/${handle}</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT[^<]+</lastmod></url>`);
  const sitemap = async () => {
    const res = await request.get('/sitemap.xml');
    expect(res.headers()['content-type']).toContain('application/xml');
    return res.text();
  };
  expect(await sitemap()).toMatch(entry(creator.user));
  expect(await sitemap()).toMatch(entry(second.user));

  await publish(ownerPage, false);
  const after = await sitemap();
  expect(after).not.toContain(`/u/${second.user}<`);
  expect(after).toMatch(entry(creator.user));
  // Unpublished: the page is gone and not indexable.
  const gone = await request.get(`/u/${second.user}`);
  expect(gone.status()).toBe(404);
  expect(await gone.text()).toMatch(/<meta name="robots" content="noindex"\/?>/);

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Allow: /u/');
  for (const p of ['/dashboard', '/api/', '/login/', '/sandbox/']) expect(robots).toContain(`Disallow: ${p}`);
  expect(robots).toContain(`Sitemap: ${BASE_URL}/sitemap.xml`);
});
