import 'server-only';
import { unstable_cache } from 'next/cache';
import { env } from '../platform/config/env';
import { db } from '../platform/db/client';
import { escapeHtml } from '../platform/format';
import { publicPageUrl } from './share-metadata';
import { SITEMAP_TAG } from './tags';

// /sitemap.xml: every published showcase's page (each of a creator's) with when it last changed. The sitemap protocol
// allows 50,000 URLs per file; past that /sitemap.xml is an index of /sitemap/{n}.xml pages.

/** The protocol's limit of URLs in one sitemap file. */
export const SITEMAP_PAGE_SIZE = 50_000;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export const sitemapPageUrl = (n: number) => `${env().appUrl}/sitemap/${n}.xml`;

/** Public showcases: published, of a creator who is present (not disconnected). */
const PUBLIC = { published: true, user: { published: true } } as const;

/** How many published showcases there are. */
const publishedCount = () => db.showcase.count({ where: PUBLIC });

type Entry = { handle: string; slug: string | null; lastmod: Date };

/** Page `n` of the published showcases (in a stable order), each with its last change. */
async function publishedPage(n: number, pageSize: number): Promise<Entry[]> {
  const showcases = await db.showcase.findMany({
    where: PUBLIC,
    orderBy: { id: 'asc' },
    skip: n * pageSize,
    take: pageSize,
    select: { id: true, slug: true, isDefault: true, updatedAt: true, user: { select: { id: true, handle: true, updatedAt: true } } },
  });
  const ids = showcases.map((s) => s.id);
  const userIds = [...new Set(showcases.map((s) => s.user.id))];
  const [videos, items] = ids.length
    ? await Promise.all([
        db.video.groupBy({ by: ['userId'], where: { userId: { in: userIds }, available: true }, _max: { updatedAt: true } }),
        db.showcaseItem.groupBy({ by: ['showcaseId'], where: { showcaseId: { in: ids } }, _max: { addedAt: true } }),
      ])
    : [[], []];
  const videoTimes = new Map(videos.map((v) => [v.userId, v._max.updatedAt?.getTime() ?? 0]));
  const itemTimes = new Map(items.map((i) => [i.showcaseId, i._max.addedAt?.getTime() ?? 0]));
  return showcases.map((s) => ({
    handle: s.user.handle,
    slug: s.isDefault ? null : s.slug,
    lastmod: new Date(Math.max(s.updatedAt.getTime(), s.user.updatedAt.getTime(), videoTimes.get(s.user.id) ?? 0, itemTimes.get(s.id) ?? 0)),
  }));
}

function urlset(entries: Entry[]): string {
  const urls = entries.map((e) => `<url><loc>${escapeHtml(publicPageUrl(e.handle, e.slug))}</loc><lastmod>${e.lastmod.toISOString()}</lastmod></url>`);
  return `${XML_HEAD}<urlset xmlns="${NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

function sitemapIndex(pages: number): string {
  const entries = Array.from({ length: pages }, (_, n) => `<sitemap><loc>${escapeHtml(sitemapPageUrl(n))}</loc></sitemap>`);
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** /sitemap.xml: the URLs themselves, or an index of pages once there are more than one page holds. */
export async function sitemapXml(pageSize = SITEMAP_PAGE_SIZE): Promise<string> {
  const count = await publishedCount();
  if (count <= pageSize) return urlset(await publishedPage(0, pageSize));
  return sitemapIndex(Math.ceil(count / pageSize));
}

/** /sitemap/{n}.xml, or null past the last page (and when one file holds everything: /sitemap.xml is it). */
export async function sitemapPageXml(n: number, pageSize = SITEMAP_PAGE_SIZE): Promise<string | null> {
  const count = await publishedCount();
  if (count <= pageSize || n < 0 || n * pageSize >= count) return null;
  return urlset(await publishedPage(n, pageSize));
}

/**
 * The same, cached across requests (and instances, with Redis) and dropped with any showcase's
 * change (SITEMAP_TAG, revalidated with each showcase's own tag).
 */
export const cachedSitemapXml = unstable_cache(() => sitemapXml(), ['sitemap'], { tags: [SITEMAP_TAG], revalidate: 3600 });
export const cachedSitemapPageXml = (n: number) =>
  unstable_cache(async () => (await sitemapPageXml(n)) ?? '', ['sitemap-page', String(n)], { tags: [SITEMAP_TAG], revalidate: 3600 })();

/** /robots.txt: the public pages may be crawled, the private surfaces not; where the sitemap is. */
export function robotsTxt(): string {
  return [
    'User-agent: *',
    'Allow: /u/',
    'Disallow: /dashboard',
    'Disallow: /api/',
    'Disallow: /login/',
    'Disallow: /auth',
    'Disallow: /native-callback',
    'Disallow: /sandbox/',
    '',
    `Sitemap: ${env().appUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
