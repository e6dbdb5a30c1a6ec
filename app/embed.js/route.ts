import { embedScript } from '@/lib/embed/script';

export const dynamic = 'force-dynamic';

/**
 * `/embed.js?v={hash}` (the URL the dashboard hands out) never changes, so it is cached for a year;
 * a bare `/embed.js` or an older hash is re-checked hourly, so pasted snippets pick up new versions.
 */
export function GET(request: Request) {
  const current = new URL(request.url).searchParams.get('v') === embedScript.version;
  return new Response(embedScript.source, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=3600, stale-while-revalidate=86400',
      'Access-Control-Allow-Origin': '*',
      ETag: `"${embedScript.version}"`,
    },
  });
}
