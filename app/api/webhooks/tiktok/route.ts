import { methods, route } from '@/lib/api/route';
import { env } from '@/lib/platform/config/env';
import { WEBHOOK_BODY_LIMIT } from '@/lib/platform/http';
import { HttpError } from '@/lib/platform/http/errors';
import { parseWebhookEvent, verifySignature } from '@/lib/tiktok/webhooks';
import { handleWebhook } from '@/lib/webhooks/tiktok';

export const dynamic = 'force-dynamic';

/** TikTok webhooks. Signed with the client secret; answered fast; safe under retries. */
const post = route({ sameOrigin: false, rawBody: true, bodyLimit: WEBHOOK_BODY_LIMIT }, async ({ request, raw }) => {
  const verdict = verifySignature(request.headers.get('tiktok-signature'), raw, env().clientSecret);
  if (verdict !== 'ok') {
    throw new HttpError('unauthorized', verdict === 'stale' ? 'The signature timestamp is too old.' : 'The signature is missing or invalid.');
  }
  const event = parseWebhookEvent(raw);
  if (!event.ok) throw new HttpError('bad_request', event.message);
  if (event.value.clientKey !== env().clientKey) throw new HttpError('forbidden', 'This event is for another app.');
  return Response.json({ ok: true, result: await handleWebhook(event.value) });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
