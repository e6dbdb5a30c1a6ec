import { embedScript } from '@/lib/embed/script';
import { scriptResponse } from '@/lib/platform/http/served-file';

export const dynamic = 'force-dynamic';

/**
 * `/embed.js?v={hash}` (the URL the dashboard hands out) never changes, so it is cached for a year;
 * a bare `/embed.js` or an older hash is re-checked hourly, so pasted snippets pick up new versions.
 */
export function GET(request: Request) {
  return scriptResponse(embedScript, request, { stale: ', stale-while-revalidate=86400', headers: { 'Access-Control-Allow-Origin': '*' } });
}
