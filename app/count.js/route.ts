import { beaconScript } from '@/lib/insights/beacon';

export const dynamic = 'force-dynamic';

/** `/count.js?v={hash}` (the URL public pages name) never changes, so it is cached for a year; anything else for an hour. */
export function GET(request: Request) {
  const current = new URL(request.url).searchParams.get('v') === beaconScript.version;
  return new Response(beaconScript.source, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      ETag: `"${beaconScript.version}"`,
    },
  });
}
