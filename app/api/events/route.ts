import { methods, route } from '@/lib/api/route';
import { ingest, type Visit } from '@/lib/insights/ingest';
import { EVENT_BODY_LIMIT, eventSchema } from '@/lib/insights/schema';
import { clientIp } from '@/lib/platform/limits/client';

/**
 * POST /api/events: the counting script's beacons (lib/insights). Always 204 once the event is
 * valid, counted or not (a bot, an unpublished showcase, a client over its limit), so the answer
 * tells nobody anything; 400 / 413 in the error shape for what is not an event. The IP and the
 * User-Agent are read here, hashed in lib/insights, and never stored or logged.
 */
// No deadline: an event waits on no TikTok call, and the deadline's async context cost every beacon.
const post = route({ body: eventSchema, bodyLimit: EVENT_BODY_LIMIT, deadline: false }, async ({ request, body }) => {
  const h = request.headers;
  const visit: Visit = {
    ip: clientIp(request),
    userAgent: h.get('user-agent') ?? '',
    optedOut: h.get('sec-gpc') === '1' || h.get('dnt') === '1',
    prefetch: /(^|[\s,;])prefetch\b/i.test(h.get('sec-purpose') ?? h.get('purpose') ?? ''),
  };
  await ingest(body, visit);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
