import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLdScript, showcasePage } from '@/app/(public)/_components/showcase-page';
import { db } from '@/lib/platform/db/client';
import type { PublicShowcase } from '@/lib/showcase/public';
import { isoDuration, showcaseJsonLd } from '@/lib/showcase/seo';
import { robotsTxt, sitemapPageXml, sitemapXml } from '@/lib/showcase/sitemap';
import { storedCreator, storedVideo } from '../support/creators';
import { migrateTestDb, newId } from '../support/db';

beforeAll(() => migrateTestDb());

const HOSTILE = '</script><script>alert(1)</script><!-- & \u2028';
const HASH = '0123456789abcdef0123456789abcdef';

function showcase(title = 'Morning run'): PublicShowcase {
  const cover = {
    hash: HASH,
    src: `/img/${HASH}/480.webp`,
    srcSet: '',
    color: '#123456',
    files: [240, 480, 720].map((width) => ({ path: `/img/${HASH}/${width}.webp`, width, height: (width * 16) / 9 })),
  };
  return {
    user: { id: 'u1', displayName: 'Ana Runner', username: 'ana.runs', handle: 'ana.runs', avatar: null },
    showcase: { id: 'u1', slug: 'featured', title: 'Featured videos', description: '', isDefault: true },
    others: [],
    items: [
      {
        videoId: '7300000000000000001',
        position: 0,
        title,
        description: '',
        durationSeconds: 65,
        coverUrl: '',
        available: true,
        createdAt: '2026-11-01T10:00:00.000Z',
        shareUrl: 'https://www.tiktok.com/@ana.runs/video/7300000000000000001',
        viewCount: 10,
        likeCount: 2,
        cover,
        pinned: false,
        aiGenerated: false,
        link: null,
      },
      {
        videoId: '7300000000000000002',
        position: 1,
        title: 'Second',
        description: 'A second one',
        durationSeconds: 3725,
        coverUrl: '',
        available: true,
        createdAt: '2026-11-02T10:00:00.000Z',
        shareUrl: '',
        viewCount: null,
        likeCount: null,
        cover: null,
        pinned: false,
        aiGenerated: false,
        link: null,
      },
    ],
    updatedAt: '2026-11-03T10:00:00.000Z',
  };
}

/** The JSON-LD as a browser (and a crawler) reads it from the page's HTML. */
function parsedFromHtml(s: PublicShowcase) {
  const html = jsonLdScript(s).value;
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  // Nothing after the one element: the content could not close it early.
  expect(html.endsWith('</script>')).toBe(true);
  expect(html.indexOf('</script>')).toBe(html.length - '</script>'.length);
  return JSON.parse(scripts[0][1]);
}

describe('the JSON-LD of a showcase page', () => {
  it('describes the creator as a ProfilePage with a Person', () => {
    const ld = parsedFromHtml(showcase());
    expect(ld['@context']).toBe('https://schema.org');
    const page = ld['@graph'].find((n: { '@type': string }) => n['@type'] === 'ProfilePage');
    const person = ld['@graph'].find((n: { '@type': string }) => n['@type'] === 'Person');
    expect(page).toMatchObject({ url: 'https://showreel.test/u/ana.runs', dateModified: '2026-11-03T10:00:00.000Z', mainEntity: { '@id': person['@id'] } });
    expect(person).toMatchObject({ name: 'Ana Runner', alternateName: '@ana.runs', image: 'https://showreel.test/avatar-placeholder.svg' });
  });

  it("lists the videos as VideoObjects with every property Google's video rich result requires", () => {
    const ld = parsedFromHtml(showcase());
    const list = ld['@graph'].find((n: { '@type': string }) => n['@type'] === 'ItemList');
    expect(list.itemListElement.map((e: { position: number }) => e.position)).toEqual([1, 2]);
    const [first, second] = list.itemListElement.map((e: { item: Record<string, unknown> }) => e.item);
    for (const video of [first, second]) {
      expect(video['@type']).toBe('VideoObject');
      // Required: name, thumbnailUrl, uploadDate. Recommended: description, duration, embedUrl, url.
      for (const key of ['name', 'thumbnailUrl', 'uploadDate', 'description', 'duration', 'embedUrl', 'url']) expect(video[key], key).toBeTruthy();
      for (const url of video.thumbnailUrl as string[]) expect(url.startsWith('https://showreel.test/')).toBe(true);
      expect(Number.isNaN(Date.parse(video.uploadDate as string))).toBe(false);
    }
    expect(first).toMatchObject({
      name: 'Morning run',
      description: 'Morning run',
      thumbnailUrl: [`https://showreel.test/img/${HASH}/720.webp`],
      uploadDate: '2026-11-01T10:00:00.000Z',
      duration: 'PT1M5S',
      embedUrl: 'https://www.tiktok.com/player/v1/7300000000000000001',
      url: 'https://www.tiktok.com/@ana.runs/video/7300000000000000001',
    });
    expect(second).toMatchObject({ thumbnailUrl: ['https://showreel.test/cover-placeholder.svg'], duration: 'PT1H2M5S', description: 'A second one' });
  });

  it('keeps a hostile title inside its script element, and reads it back unchanged', () => {
    const html = jsonLdScript(showcase(HOSTILE)).value;
    expect(html).not.toContain('</script><script>');
    expect(html).not.toContain('<!--');
    const ld = parsedFromHtml(showcase(HOSTILE));
    expect(ld['@graph'][2].itemListElement[0].item.name).toBe(HOSTILE);
  });

  it('writes durations in ISO 8601', () => {
    expect([0, 9, 60, 65, 3600, 3725].map(isoDuration)).toEqual(['PT0S', 'PT9S', 'PT1M', 'PT1M5S', 'PT1H', 'PT1H2M5S']);
  });

  it('is what the page would have for the same showcase', () => {
    expect(parsedFromHtml(showcase())).toEqual(JSON.parse(JSON.stringify(showcaseJsonLd(showcase()))));
  });
});

describe('the public page document', () => {
  it('names its address, its description and its share tags, and carries the JSON-LD once', () => {
    const page = showcasePage(showcase());
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<title>Ana Runner&#39;s Showreel · Showreel</title>');
    expect(page).toContain('<link rel="canonical" href="https://showreel.test/u/ana.runs">');
    expect(page).toContain('<meta name="description" content="2 hand-picked TikTok videos by Ana Runner (@ana.runs).">');
    expect(page).toContain('<meta property="og:image" content="https://showreel.test/u/ana.runs/share-image">');
    expect(page.match(/application\/ld\+json/g)).toHaveLength(1);
  });

  it('runs no framework on the phone: its scripts are the player and the counting script, and its stylesheet is inline', () => {
    const page = showcasePage(showcase());
    const sources = [...page.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(sources.filter((a) => !a.includes('application/ld+json')).map((a) => a.match(/src="([^"?]+)/)?.[1])).toEqual(['/player.js', '/count.js']);
    expect(page).not.toContain('/_next/');
    expect(page).toMatch(/<style>[^<]*\.showcase-grid[^<]*<\/style>/);
  });

  it("escapes a hostile title everywhere it shows it: the cards, the dialog's label, the head", () => {
    const page = showcasePage(showcase(HOSTILE));
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<!-- &');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the sitemap and robots.txt', () => {
  /** A creator whose default showcase is published or a draft. */
  const creator = (published: boolean, handle: string) => storedCreator({ handle, published, title: 'Featured videos' });

  it('lists every published showcase with its last change, split into an index past the page size', async () => {
    const handles = ['s-a', 's-b', 's-c', 's-d', 's-e'];
    for (const h of handles) await creator(true, h);
    await creator(false, 's-draft');
    const one = await sitemapXml();
    const locs = [...one.matchAll(/<loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod>/g)];
    expect(locs.map((m) => m[1]).sort()).toEqual(handles.map((h) => `https://showreel.test/u/${h}`));
    for (const m of locs) expect(Number.isNaN(Date.parse(m[2]))).toBe(false);
    expect(one).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(await sitemapPageXml(0)).toBeNull();

    // Pages of 2: an index of three pages, which together hold each showcase once.
    const index = await sitemapXml(2);
    expect(index).toContain('<sitemapindex');
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([0, 1, 2].map((n) => `https://showreel.test/sitemap/${n}.xml`));
    const pages = await Promise.all([0, 1, 2].map((n) => sitemapPageXml(n, 2)));
    const all = pages.flatMap((p) => [...(p ?? '').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(all.sort()).toEqual(handles.map((h) => `https://showreel.test/u/${h}`));
    expect(await sitemapPageXml(3, 2)).toBeNull();
  });

  it('dates a showcase by its newest change', async () => {
    const id = await creator(true, 's-dated');
    const later = new Date(Date.now() + 60_000);
    await storedVideo(id, '7399', { position: 0, addedAt: later });
    const xml = await sitemapXml();
    expect(xml).toContain(`<loc>https://showreel.test/u/s-dated</loc><lastmod>${later.toISOString()}</lastmod>`);
  });

  it('lists each published showcase of a creator at its own address, not the unpublished ones', async () => {
    const id = await creator(true, 's-many');
    await db.showcase.createMany({
      data: [
        { id: newId(), userId: id, slug: 'new-drops', title: 'New drops', published: true, position: 1 },
        { id: newId(), userId: id, slug: 'secret', title: 'Secret', published: false, position: 2 },
      ],
    });
    const xml = await sitemapXml();
    expect(xml).toContain('<loc>https://showreel.test/u/s-many</loc>');
    expect(xml).toContain('<loc>https://showreel.test/u/s-many/new-drops</loc>');
    expect(xml).not.toContain('/u/s-many/secret');
    // A creator who disconnected has no public showcase.
    await db.user.update({ where: { id }, data: { published: false } });
    expect(await sitemapXml()).not.toContain('/u/s-many');
  });

  it('robots.txt allows the public pages, keeps crawlers off the private surfaces, and names the sitemap', () => {
    const lines = robotsTxt().split('\n');
    expect(lines).toContain('Allow: /u/');
    for (const p of ['/dashboard', '/api/', '/login/', '/auth', '/sandbox/']) expect(lines).toContain(`Disallow: ${p}`);
    expect(lines).toContain('Sitemap: https://showreel.test/sitemap.xml');
  });
});
