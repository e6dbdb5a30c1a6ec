import 'server-only';
import { createHmac } from 'node:crypto';
import { env } from '../platform/config/env';
import { settings } from './settings';

// TikTok's CDN in the sandbox: signed cover and avatar URLs that stop working at x-expires, and
// answer JPEG, as TikTok's do.

export type CdnKind = 'cover' | 'avatar';

function cdnSignature(kind: CdnKind, id: string, expires: number): string {
  return createHmac('sha256', 'sandbox-cdn').update(`${kind}.${id}.${expires}`).digest('base64url').slice(0, 27);
}

/** A signed CDN URL, as TikTok gives for covers and avatars: it works until x-expires. */
export function signedCdnUrl(kind: CdnKind, id: string): string {
  const s = settings();
  const expires = Math.floor(Date.now() / 1000) + (kind === 'cover' ? s.coverTtlSeconds : s.avatarTtlSeconds);
  return `${env().appUrl}/sandbox/cdn/${kind}/${id}.jpeg?x-expires=${expires}&x-signature=${encodeURIComponent(cdnSignature(kind, id, expires))}`;
}

/** 200 with the image while the signed URL is valid, 403 once x-expires has passed, as TikTok's CDN does. */
export function checkSignedUrl(kind: CdnKind, id: string, expiresParam: string | null, signature: string | null): 'ok' | 'expired' | 'invalid' {
  const expires = Number(expiresParam);
  if (!Number.isFinite(expires) || !signature || signature !== cdnSignature(kind, id, expires)) return 'invalid';
  return expires * 1000 < Date.now() ? 'expired' : 'ok';
}

/** The display name behind an open_id, for the generated avatar. */
