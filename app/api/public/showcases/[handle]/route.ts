import { jsonError } from '@/lib/http';
import { getPublicShowcase } from '@/lib/showcase/public';
import { etagOf, matchesEtag, publicApiQuerySchema, publicShowcaseJson } from '@/lib/showcase/public-api';
import { handleSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

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

function withCors(response: Response): Response {
  for (const [k, v] of Object.entries(CORS)) response.headers.set(k, v);
  return response;
}

export async function GET(request: Request, ctx: { params: Promise<{ handle: string }> }) {
  const handle = handleSchema.safeParse((await ctx.params).handle);
  const query = publicApiQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!handle.success) return withCors(jsonError('bad_request', 'Not a handle.'));
  if (!query.success) return withCors(jsonError('bad_request', 'stats must be 0 or 1.'));
  const showcase = await getPublicShowcase(handle.data);
  if (!showcase) return withCors(jsonError('not_found', 'No published showcase has this handle.'));
  const body = JSON.stringify(publicShowcaseJson(showcase, { stats: query.data.stats === '1' }));
  const etag = etagOf(body);
  const headers = { ...CORS, ETag: etag, 'Cache-Control': CACHE };
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}
