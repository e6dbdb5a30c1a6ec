import 'server-only';

/**
 * TikTok's cover and avatar URLs are signed and expire (x-expires). The app refreshes them this long
 * before, so a page cached for a few minutes never hands a visitor one that answers 403.
 */
export const SIGNED_URL_MARGIN_MS = 15 * 60_000;

export function nearExpiry(expiresAt: Date, now = Date.now()): boolean {
  return expiresAt.getTime() - now < SIGNED_URL_MARGIN_MS;
}
