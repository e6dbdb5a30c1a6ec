import 'server-only';

/**
 * TikTok's cover and avatar URLs are signed and expire (x-expires). The app refreshes them this long
 * before, so a page cached for a few minutes never hands a visitor one that answers 403.
 */
export const SIGNED_URL_MARGIN_MS = 15 * 60_000;

export function nearExpiry(expiresAt: Date, now = Date.now()): boolean {
  return expiresAt.getTime() - now < SIGNED_URL_MARGIN_MS;
}

/**
 * A 302 to a signed URL, cacheable for at most 5 minutes and never into the refresh margin; to a
 * placeholder image when there is none.
 */
export function redirectToSignedUrl(target: { url: string; expiresAt: Date } | null, placeholder: string): Response {
  const maxAge = target ? Math.max(0, Math.min(300, Math.floor((target.expiresAt.getTime() - Date.now() - SIGNED_URL_MARGIN_MS) / 1000))) : 60;
  return new Response(null, { status: 302, headers: { Location: target?.url ?? placeholder, 'Cache-Control': `public, max-age=${maxAge}` } });
}
