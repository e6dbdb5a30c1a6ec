import { env } from '@/lib/env';
import { jsonError, readText, WEBHOOK_BODY_LIMIT, zodMessage } from '@/lib/http';
import { verifySignature, webhookSchema } from '@/lib/tiktok/webhooks';
import { handleWebhook } from '@/lib/webhooks/tiktok';

export const dynamic = 'force-dynamic';

/** TikTok webhooks. Signed with the client secret; answered fast; safe under retries. */
export async function POST(request: Request) {
  const body = await readText(request, WEBHOOK_BODY_LIMIT);
  if (!body.ok) return body.response;
  const raw = body.value;
  const verdict = verifySignature(request.headers.get('tiktok-signature'), raw, env().clientSecret);
  if (verdict !== 'ok') {
    const why = verdict === 'stale' ? 'The signature timestamp is too old.' : 'The signature is missing or invalid.';
    return jsonError('unauthorized', why);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return jsonError('bad_request', 'The body must be JSON.');
  }
  const parsed = webhookSchema.safeParse(json);
  if (!parsed.success) return jsonError('bad_request', zodMessage(parsed.error));
  if (parsed.data.client_key !== env().clientKey) return jsonError('forbidden', 'This event is for another app.');
  const result = await handleWebhook(parsed.data);
  return Response.json({ ok: true, result });
}
