import { createHash } from 'node:crypto';

/**
 * A visitor of a showcase for one day: sha256 of the day's salt, the IP, the User-Agent and the
 * showcase id, truncated to 128 bits. Neither the IP nor the User-Agent is kept; once the salt is
 * deleted (the day has ended) nobody can tell whose hash it was.
 */
export function visitorHash(salt: string, ip: string, userAgent: string, showcaseId: string): string {
  return createHash('sha256').update(`${salt}\0${ip}\0${userAgent}\0${showcaseId}`).digest('hex').slice(0, 32);
}

/**
 * The key the per-client limit counts under for a minute (IP and showcase, salted): a loop cannot
 * dodge it by changing its User-Agent, and it is kept only in memory or Redis for two minutes.
 */
export function limitKey(salt: string, ip: string, showcaseId: string): string {
  return createHash('sha256').update(`limit\0${salt}\0${ip}\0${showcaseId}`).digest('hex').slice(0, 24);
}
