// lib/auth: who is signed in and how they got there: sessions, OAuth state and PKCE, tokens and their cipher.
import 'server-only';
import { env } from '../env';
import { jsonError } from '../http';
import { currentUserId, getSession } from './session';

/** Cross-site requests are refused: the Origin must be this app (or, without one, a same-origin fetch). */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return request.headers.get('sec-fetch-site') === 'same-origin';
  const allowed = new Set([new URL(env().appUrl).origin]);
  const host = request.headers.get('host');
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  return allowed.has(origin);
}

/** The answer to a cross-site request, or null when the request is same-origin. */
export function refuseCrossSite(request: Request): Response | null {
  return isSameOrigin(request) ? null : jsonError('forbidden', 'Cross-site requests are not allowed.');
}

type Handler = (ctx: { userId: string }) => Promise<Response>;

/** Every mutation: Origin check, then the session is re-read and the user re-checked in the database. */
export async function mutation(request: Request, handler: Handler): Promise<Response> {
  return refuseCrossSite(request) ?? authenticated(handler);
}

/** Reads that need a signed-in user (no Origin check: GETs change nothing). */
export async function authenticated(handler: Handler): Promise<Response> {
  const userId = await currentUserId();
  if (!userId) {
    (await getSession()).destroy();
    return jsonError('unauthorized', 'Please sign in.');
  }
  return handler({ userId });
}
