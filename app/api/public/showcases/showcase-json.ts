import { methods, type NextContext, route } from '@/lib/api/route';
import { HttpError } from '@/lib/platform/http/errors';
import { etagOf, matchesEtag } from '@/lib/platform/http/etag';
import { getPublicShowcase } from '@/lib/showcase/public';
import { publicApiQuerySchema, publicShowcaseJson } from '@/lib/showcase/public-api';
import { handleParamsSchema, showcasePathSchema } from '@/lib/showcase/schema';

// The public JSON of a showcase: the default at /api/public/showcases/{handle}, another one at
// /api/public/showcases/{handle}/{slug}. Both routes are this one handler.

// Readable from any website's JavaScript; If-None-Match needs a preflight, ETag must be exposed.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '86400',
};

/** Shared caches may keep it a minute and serve it stale while re-checking; browsers re-check with the ETag. */
const CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

const withCors = (response: Response) => {
  for (const [k, v] of Object.entries(CORS)) response.headers.set(k, v);
  return response;
};

export function showcaseJsonMethods(named: 'default' | 'slug') {
  const showcaseJson = route(
    {
      params: named === 'slug' ? showcasePathSchema : handleParamsSchema,
      query: publicApiQuerySchema,
      invalid: { params: named === 'slug' ? 'Not a handle and showcase.' : 'Not a handle.', query: 'stats must be 0 or 1.' },
    },
    async ({ request, params, query }) => {
      const slug = 'slug' in params ? (params.slug as string) : null;
      const showcase = await getPublicShowcase(params.handle, slug);
      if (!showcase || (slug && showcase.showcase.isDefault)) {
        throw new HttpError('not_found', slug ? 'No published showcase has this handle and name.' : 'No published showcase has this handle.');
      }
      const body = JSON.stringify(publicShowcaseJson(showcase, { stats: query.stats === '1' }));
      const etag = etagOf(body);
      const headers = { ETag: etag, 'Cache-Control': CACHE };
      if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
      return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
    },
  );

  /** Errors carry the CORS headers too, so another site's script can read why. */
  async function get(request: Request, ctx: NextContext) {
    return withCors(await showcaseJson(request, ctx));
  }

  const options = route({ sameOrigin: false }, () => new Response(null, { status: 204, headers: CORS }));
  return methods({ GET: get, OPTIONS: options });
}
