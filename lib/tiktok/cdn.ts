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
