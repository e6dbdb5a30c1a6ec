import { cachedSitemapXml } from '@/lib/showcase/sitemap';

export const dynamic = 'force-dynamic';

/** Every published showcase (or the index of sitemap pages past 50,000); cached and purged like the pages. */
export async function GET() {
  return new Response(await cachedSitemapXml(), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
