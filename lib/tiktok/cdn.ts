// TikTok's CDN: where signed cover and avatar URLs point. The app redirects visitors to such URLs,
// so only these hosts (and their subdomains, over https) are ever redirected to.
const TIKTOK_CDN_DOMAINS = ['tiktokcdn.com', 'tiktokcdn-us.com', 'tiktokcdn-eu.com', 'ibyteimg.com', 'byteimg.com'] as const;

/** An https URL on one of TikTok's CDN domains (a subdomain of one, or the domain itself). */
export function isTikTokCdnUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  return TIKTOK_CDN_DOMAINS.some((d) => url.hostname === d || url.hostname.endsWith(`.${d}`));
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
