import 'server-only';
import { NextResponse } from 'next/server';
import type { ZodError } from 'zod';
import { handedBody } from './direct-route.mjs';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'rate_limited'
  | 'needs_reconnect'
  | 'tiktok_unavailable'
  | 'unavailable'
  | 'not_implemented'
  | 'payload_too_large'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  rate_limited: 429,
  needs_reconnect: 409,
  tiktok_unavailable: 503,
  unavailable: 503,
  not_implemented: 501,
  payload_too_large: 413,
  internal: 500,
};

export const statusOf = (code: ErrorCode) => STATUS[code];

/** The one error shape every JSON route answers with. */
export function jsonError(code: ErrorCode, message: string, extra?: Record<string, unknown>, status = STATUS[code]) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function zodMessage(error: ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** The most a JSON route reads; anything larger is refused before it is parsed. */
export const JSON_BODY_LIMIT = 64 * 1024;
/** TikTok's webhook deliveries are small; this leaves them room and nobody else. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

type Read<T> = { ok: true; value: T } | { ok: false; response: NextResponse };

const tooLarge = (limit: number): Read<never> => ({
  ok: false,
  response: jsonError('payload_too_large', `The request body is larger than ${Math.round(limit / 1024)} kB.`),
});

/**
 * Reads a body as text, at most `limit` bytes: a larger declared length is refused at once, and a
 * body that grows past the limit while streaming is cut off, so nobody can make the server buffer more.
 */
export async function readText(request: Request, limit: number): Promise<Read<string>> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge(limit);
  // A body `npm start`'s server already read (./direct-route.mjs) is taken as bytes, not streamed again.
  const handed = handedBody(request);
  if (handed) return handed.byteLength > limit ? tooLarge(limit) : { ok: true, value: handed.toString('utf8') };
  if (!request.body) return { ok: true, value: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  return { ok: true, value: Buffer.concat(chunks).toString('utf8') };
}

/** Reads a JSON body of at most 64 kB, answering 413 for more and 400 for anything that is not JSON. */
export async function readJson(request: Request, limit = JSON_BODY_LIMIT): Promise<Read<unknown>> {
  const text = await readText(request, limit);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) };
  } catch {
    return { ok: false, response: jsonError('bad_request', 'The request body must be JSON.') };
  }
}
