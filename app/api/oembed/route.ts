import { jsonError, zodMessage } from '@/lib/http';
import { handleOfShowcaseUrl, oembedQuerySchema, oembedResponse } from '@/lib/showcase/oembed';
import { getPublicShowcase } from '@/lib/showcase/public';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const query = oembedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError('bad_request', `Bad oEmbed request: ${zodMessage(query.error)}`);
  if (query.data.format && query.data.format !== 'json') return jsonError('not_implemented', 'Only format=json is supported.');
  const handle = handleOfShowcaseUrl(query.data.url);
  const showcase = handle && (await getPublicShowcase(handle));
  if (!showcase) return jsonError('not_found', 'That URL is not a published showcase of this app.');
  return Response.json(oembedResponse(showcase, query.data), {
    headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=0, s-maxage=300, stale-while-revalidate=3600' },
  });
}
