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

/**
 * Whether a browser says this is not a top-level navigation (Fetch Metadata): an <img>, a fetch or
 * an iframe load of another site. Requests without the headers (older browsers, tools) are not
 * judged here; every current browser sends them.
 */
export function isNotTopLevelNavigation(request: Request): boolean {
  const mode = request.headers.get('sec-fetch-mode');
  const dest = request.headers.get('sec-fetch-dest');
  if (mode === null && dest === null) return false;
  return mode !== 'navigate' || dest !== 'document';
}
