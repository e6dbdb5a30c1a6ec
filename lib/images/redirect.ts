import 'server-only';
import { env } from '../platform/config/env';
import { jsonError } from '../platform/http/index';
import { isTikTokCdnUrl } from '../tiktok/cdn';
import { SIGNED_URL_MARGIN_MS } from './signed-url';

const refused = new Set<string>();

/**
 * Where a visitor may be sent for an image: TikTok's CDN over https, or, in sandbox mode, the app
 * itself (the sandbox's CDN). Anything else (a tampered row, a changed API) gets the placeholder,
 * and a warning once per host.
 */
export function isAllowedImageUrl(raw: string): boolean {
  if (isTikTokCdnUrl(raw)) return true;
  const e = env();
  let origin = '';
  try {
    origin = new URL(raw).origin;
  } catch {
    // not a URL at all
  }
  if (e.sandbox && origin === new URL(e.appUrl).origin) return true;
  if (!refused.has(origin)) {
    refused.add(origin);
    console.warn(`[images] not redirecting to ${origin || 'an unparsable URL'}: not TikTok's CDN`);
  }
  return false;
}

/**
 * A 302 to a signed URL, cacheable for at most 5 minutes and never into the refresh margin; to a
 * placeholder image when there is none, or when it does not point at TikTok's CDN.
 */
export function redirectToSignedUrl(candidate: { url: string; expiresAt: Date } | null, placeholder: string): Response {
  const target = candidate && isAllowedImageUrl(candidate.url) ? candidate : null;
  const maxAge = target ? Math.max(0, Math.min(300, Math.floor((target.expiresAt.getTime() - Date.now() - SIGNED_URL_MARGIN_MS) / 1000))) : 60;
  return new Response(null, { status: 302, headers: { Location: target?.url ?? placeholder, 'Cache-Control': `public, max-age=${maxAge}` } });
}

/**
 * The answer of a stable image URL (covers, avatars): 404 when there is no such public image, else
 * the redirect above (or the placeholder).
 */
export function signedImageResponse(found: { url: string; expiresAt: Date } | null | undefined, placeholder: string, notFound: string): Response {
  return found === undefined ? jsonError('not_found', notFound) : redirectToSignedUrl(found, placeholder);
}
