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
  | 'not_implemented'
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
  not_implemented: 501,
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
