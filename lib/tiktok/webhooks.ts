// TikTok's webhooks on the wire: the payload and the TikTok-Signature header. No server-only import:
// the sandbox signs with it, and the tests sign with the very function the app verifies with.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const webhookSchema = z.object({
  client_key: z.string(),
  event: z.string().min(1),
  create_time: z.coerce.number().int(),
  user_openid: z.string().min(1),
  content: z.string().optional(),
});

/** A delivery in the app's terms: TikTok's field names stay in this file. */
export type WebhookEvent = {
  event: string;
  clientKey: string;
  openId: string;
  /** When TikTok created the event, in whole seconds since the epoch (TikTok's precision). */
  createdAtSeconds: number;
  content?: string;
};

/** Parses a delivery's raw body into a WebhookEvent, or says in one line why it is not one. */
export function parseWebhookEvent(raw: string): { ok: true; value: WebhookEvent } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'The body must be JSON.' };
  }
  const parsed = webhookSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` };
  }
  const { event, client_key: clientKey, user_openid: openId, create_time: createdAtSeconds, content } = parsed.data;
  return { ok: true, value: { event, clientKey, openId, createdAtSeconds, ...(content === undefined ? {} : { content }) } };
}

const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `t=<decimal seconds>,s=<64 hex digits>`, each once, or null: nothing a lenient parser would accept. */
function parseSignatureHeader(header: string | null): { t: number; s: string } | null {
  const m = header?.trim().match(/^t\s*=\s*(\d{1,12})\s*,\s*s\s*=\s*([0-9a-fA-F]{64})$/);
  return m ? { t: Number(m[1]), s: m[2] } : null;
}

/** TikTok-Signature: `t=<unix seconds>,s=<hex HMAC-SHA256 of "t.rawBody" keyed with the client secret>`. */
export function verifySignature(
  header: string | null,
  rawBody: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): 'ok' | 'malformed' | 'stale' | 'mismatch' {
  const parts = parseSignatureHeader(header);
  if (!parts) return 'malformed';
  const { t, s } = parts;
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(s, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
}

export function sign(rawBody: string, secret: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},s=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`;
}
