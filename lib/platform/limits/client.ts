import 'server-only';
import { env } from '../config/env';

/**
 * The address a request came from. `npm start` (scripts/server.mjs) writes the connection's peer
 * address into x-showreel-peer on every request, over anything a client sent. Behind a load
 * balancer every peer is the balancer, so with TRUST_PROXY=1 the last X-Forwarded-For entry is
 * used: the address the balancer itself saw (earlier entries are whatever the client claimed).
 */
export function clientIp(request: Request): string {
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (env().trustProxy && forwarded.length) return forwarded[forwarded.length - 1];
  return request.headers.get('x-showreel-peer') ?? forwarded[0] ?? 'unknown';
}
