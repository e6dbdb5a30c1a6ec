import 'server-only';
import { NextResponse } from 'next/server';
import type { ZodError } from 'zod';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'needs_reconnect'
  | 'tiktok_unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  needs_reconnect: 409,
  tiktok_unavailable: 503,
  internal: 500,
};

/** The one error shape every JSON route answers with. */
export function jsonError(code: ErrorCode, message: string, extra?: Record<string, unknown>, status = STATUS[code]) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function zodMessage(error: ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Reads a JSON body, answering 400 for anything that is not JSON. */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  try {
    return { ok: true, value: await request.json() };
  } catch {
    return { ok: false, response: jsonError('bad_request', 'The request body must be JSON.') };
  }
}

/**
 * A 302 to a signed TikTok CDN URL, cacheable for at most 5 minutes and never into the last 15
 * minutes before it expires (when the app refreshes it); to a placeholder image when there is none.
 */
export function redirectToSignedUrl(target: { url: string; expiresAt: Date } | null, placeholder: string): Response {
  const maxAge = target ? Math.max(0, Math.min(300, Math.floor((target.expiresAt.getTime() - Date.now()) / 1000) - 900)) : 60;
  return new Response(null, { status: 302, headers: { Location: target?.url ?? placeholder, 'Cache-Control': `public, max-age=${maxAge}` } });
}
