import { jsonError } from '@/lib/platform/http';
import { cachedSitemapPageXml } from '@/lib/showcase/sitemap';

export const dynamic = 'force-dynamic';

/** `/sitemap/{n}.xml`: one page of the sitemap index. */
export async function GET(_request: Request, ctx: { params: Promise<{ page: string }> }) {
  const m = (await ctx.params).page.match(/^(\d{1,6})\.xml$/);
  const xml = m ? await cachedSitemapPageXml(Number(m[1])) : '';
  if (!xml) return jsonError('not_found', 'No such sitemap page.');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
