import 'server-only';
import { env } from '../platform/config/env';

/** Cross-site requests are refused: the Origin must be this app (or, without one, a same-origin fetch). */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return request.headers.get('sec-fetch-site') === 'same-origin';
  const allowed = new Set([new URL(env().appUrl).origin]);
  const host = request.headers.get('host');
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  return allowed.has(origin);
}
