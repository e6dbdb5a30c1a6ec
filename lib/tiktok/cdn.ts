import 'server-only';
import { env } from '../platform/config/env';

// TikTok's CDN: where signed cover and avatar URLs point. The app copies the pictures from there at
// save, sync and sign-in time (lib/images); visitors never reach it. Only https hosts of these
// domains (and their subdomains), plus the host names in TIKTOK_CDN_HOSTS, are ever fetched.
const TIKTOK_CDN_DOMAINS = ['tiktokcdn.com', 'tiktokcdn-us.com', 'tiktokcdn-eu.com', 'ibyteimg.com', 'byteimg.com'] as const;

/** What TikTok's CDN is asked for: it picks WebP or JPEG, both of which the copy decodes. */
export const CDN_ACCEPT = 'image/webp,image/jpeg';

const MAX_REDIRECTS = 3;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** An https URL on one of TikTok's CDN domains or a TIKTOK_CDN_HOSTS host (or a subdomain), with no credentials in it. */
export function isTikTokCdnUrl(raw: string): boolean {
  const url = parse(raw);
  if (url?.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return [...TIKTOK_CDN_DOMAINS, ...env().tiktokCdnHosts].some((d) => host === d || host.endsWith(`.${d}`));
}

/** The sandbox's CDN is the app itself (`${APP_URL}/sandbox/cdn/…`), in sandbox mode only. */
function isSandboxCdnUrl(raw: string): boolean {
  const e = env();
  const url = parse(raw);
  return Boolean(e.sandbox && url && !url.username && !url.password && url.origin === new URL(e.appUrl).origin && url.pathname.startsWith('/sandbox/cdn/'));
}

/** Whether the app may fetch this picture URL at all. */
export function isAllowedCdnUrl(raw: string): boolean {
  return isTikTokCdnUrl(raw) || isSandboxCdnUrl(raw);
}

/** The address of a CDN picture without its query (the signature and x-expires change, the picture does not). */
export function cdnSource(raw: string): string | null {
  const url = parse(raw);
  return url ? `${url.origin}${url.pathname}` : null;
}

/** Why a picture could not be fetched: one word for the log, never the URL's signature. */
export type CdnRefusal = 'not_cdn' | 'redirect_elsewhere' | 'too_many_redirects' | 'http_status' | 'not_an_image' | 'too_large' | 'timeout' | 'network';

export class CdnFetchError extends Error {
  constructor(
    readonly reason: CdnRefusal,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'CdnFetchError';
  }
}

/** Pictures fetched from TikTok's CDN by this process (never an API call: the call budget does not count them). */
export const cdnCounter = { fetches: 0 };

/** Drops an unread body without waiting for the other side (a stalled CDN must not hold the copy). */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

const hostOf = (raw: string) => parse(raw)?.host ?? 'an unparsable URL';

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(response);
    throw new CdnFetchError('too_large', `${declared} bytes declared`);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw new CdnFetchError('too_large', `more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches a cover or avatar from TikTok's CDN: only allowed hosts, a redirect only to another allowed
 * host, an image content type, at most `maxBytes`, the whole answer within TIKTOK_TIMEOUT_MS. No
 * cookie or credential is sent. Throws a CdnFetchError saying which rule refused it.
 */
export async function fetchCdnImage(raw: string, opts: { maxBytes: number }): Promise<{ bytes: Buffer; contentType: string }> {
  let url = raw;
  const signal = AbortSignal.timeout(env().tiktokTimeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      if (!isAllowedCdnUrl(url)) throw new CdnFetchError(hop === 0 ? 'not_cdn' : 'redirect_elsewhere', hostOf(url));
      cdnCounter.fetches++;
      const response = await fetch(url, { headers: { Accept: CDN_ACCEPT }, redirect: 'manual', credentials: 'omit', cache: 'no-store', signal });
      if (response.status >= 300 && response.status < 400) {
        discard(response);
        const location = response.headers.get('location');
        if (!location) throw new CdnFetchError('http_status', `${response.status} without Location`);
        if (hop >= MAX_REDIRECTS) throw new CdnFetchError('too_many_redirects', hostOf(url));
        url = new URL(location, url).toString();
        continue;
      }
      if (!response.ok) {
        discard(response);
        throw new CdnFetchError('http_status', `${response.status} from ${hostOf(url)}`);
      }
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (!contentType.startsWith('image/')) {
        discard(response);
        throw new CdnFetchError('not_an_image', `${contentType || 'no content type'} from ${hostOf(url)}`);
      }
      return { bytes: await readCapped(response, opts.maxBytes), contentType };
    }
  } catch (e) {
    if (e instanceof CdnFetchError) throw e;
    if (signal.aborted) throw new CdnFetchError('timeout', `${hostOf(url)} did not answer within ${env().tiktokTimeoutMs} ms`);
    throw new CdnFetchError('network', `${hostOf(url)} could not be reached`);
  }
}

/**
 * A video's share link as TikTok gives it: `https://www.tiktok.com/…`, nothing else (no other host
 * or scheme, no credentials). The app hands share links on to other websites (the JSON API), so a
 * `javascript:` or foreign URL in TikTok's answer must not go out as it came in.
 */
export function isTikTokShareUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname === 'www.tiktok.com' && !url.username && !url.password && url.port === '';
}
