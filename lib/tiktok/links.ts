import 'server-only';
import { env } from '../platform/config/env';
import { TikTokError } from './errors';
import { publicGet } from './transport';

// TikTok's public video links as people paste them: the video page
// (https://www.tiktok.com/@user/video/123), and the short links the app's Share button gives
// (https://vm.tiktok.com/ZM…/, https://vt.tiktok.com/…, https://www.tiktok.com/t/ZT…/), which only
// TikTok can resolve, by redirecting.

/** TikTok's own web hosts: a short link's redirects are followed only among these. */
const WEB_HOSTS = new Set(['www.tiktok.com', 'tiktok.com', 'm.tiktok.com']);
const SHORT_HOSTS = new Set(['vm.tiktok.com', 'vt.tiktok.com']);
const MAX_HOPS = 5;

const VIDEO_PATH = /^\/@([A-Za-z0-9._-]{1,64})\/video\/(\d{1,25})\/?$/;
const MOBILE_VIDEO_PATH = /^\/v\/(\d{1,25})(?:\.html)?\/?$/;
const SHORT_CODE = /^[A-Za-z0-9_-]{3,64}$/;

export type VideoLink = { kind: 'video'; videoId: string; url: string } | { kind: 'short'; url: string };

function parseUrl(raw: string): URL | null {
  const text = raw.trim();
  if (!text || text.length > 2048) return null;
  try {
    // A pasted "www.tiktok.com/@…" without its scheme is still the creator's link.
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
}

/** What a pasted link is: one of TikTok's video pages (canonical form, no query), a short link, or null for anything else. */
export function parseVideoLink(raw: string): VideoLink | null {
  const url = parseUrl(raw);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  if (WEB_HOSTS.has(host)) {
    const video = url.pathname.match(VIDEO_PATH);
    if (video) return { kind: 'video', videoId: video[2], url: `https://www.tiktok.com/@${video[1]}/video/${video[2]}` };
    const mobile = url.pathname.match(MOBILE_VIDEO_PATH);
    if (mobile) return { kind: 'video', videoId: mobile[1], url: `https://m.tiktok.com/v/${mobile[1]}.html` };
    const short = url.pathname.match(/^\/t\/([^/]+)\/?$/);
    if (short && SHORT_CODE.test(short[1])) return { kind: 'short', url: `https://www.tiktok.com/t/${short[1]}/` };
    return null;
  }
  if (SHORT_HOSTS.has(host)) {
    const code = url.pathname.replace(/^\/|\/$/g, '');
    if (SHORT_CODE.test(code)) return { kind: 'short', url: `https://${host}/${code}/` };
  }
  return null;
}

/**
 * Where a short link is asked: TikTok itself, or, when the app talks to a stand-in TikTok (the
 * sandbox, a test's fake; TIKTOK_AUTH_BASE_URL elsewhere than www.tiktok.com), that stand-in's
 * `/t/{code}`, as every other TikTok address is asked there.
 */
function shortLinkAddress(shortUrl: string): string {
  const base = env().authBaseUrl;
  if (new URL(base).origin === 'https://www.tiktok.com') return shortUrl;
  const code = new URL(shortUrl).pathname.split('/').filter(Boolean).pop() ?? '';
  return `${base}/t/${encodeURIComponent(code)}`;
}

/**
 * The video a short link leads to, following its redirects only while they stay on TikTok's own
 * hosts (at most 5). Throws TikTokError `invalid`: `link_leaves_tiktok` (a redirect elsewhere),
 * `link_not_a_video` (it ends anywhere but a video page), `link_dead` (TikTok knows no such link).
 */
export async function resolveShortLink(shortUrl: string): Promise<{ videoId: string; url: string }> {
  let current = shortUrl;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const asked = shortLinkAddress(current);
    const { status, location } = await publicGet('short_link', asked);
    if (status === 429) throw new TikTokError('rate_limited', 'rate_limit_exceeded', 'TikTok is busy', null, status);
    if (status >= 500) throw new TikTokError('server', `http_${status}`, 'TikTok could not resolve the link', null, status);
    if (status < 300 || status >= 400 || !location) throw new TikTokError('invalid', 'link_dead', 'TikTok does not know this short link', null, status);
    let next: URL;
    try {
      next = new URL(location, asked);
    } catch {
      throw new TikTokError('invalid', 'link_not_a_video', 'the short link leads nowhere', null, status);
    }
    const host = next.hostname.toLowerCase();
    if (next.protocol !== 'https:' || !(WEB_HOSTS.has(host) || SHORT_HOSTS.has(host))) {
      throw new TikTokError('invalid', 'link_leaves_tiktok', 'the short link leads outside TikTok', null, status);
    }
    const link = parseVideoLink(next.toString());
    if (link?.kind === 'video') return { videoId: link.videoId, url: link.url };
    if (link?.kind !== 'short') throw new TikTokError('invalid', 'link_not_a_video', 'the short link does not lead to a video', null, status);
    current = link.url;
  }
  throw new TikTokError('invalid', 'link_not_a_video', 'the short link redirects too many times', null, null);
}
