import { methods, route } from '@/lib/api/route';
import { HttpError } from '@/lib/platform/http/errors';
import { oembedQuerySchema, oembedResponse, showcaseOfUrl } from '@/lib/showcase/oembed';
import { getPublicShowcase } from '@/lib/showcase/public';

export const dynamic = 'force-dynamic';

const get = route({ query: oembedQuerySchema }, async ({ query }) => {
  if (query.format && query.format !== 'json') throw new HttpError('not_implemented', 'Only format=json is supported.');
  const named = showcaseOfUrl(query.url);
  const showcase = named && (await getPublicShowcase(named.handle, named.slug));
  if (!showcase) throw new HttpError('not_found', 'That URL is not a published showcase of this app.');
  return Response.json(oembedResponse(showcase, query), {
    headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=0, s-maxage=300, stale-while-revalidate=3600' },
  });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
