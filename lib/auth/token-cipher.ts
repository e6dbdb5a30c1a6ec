import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '../platform/config/env';

const TAG_BYTES = 16;

/**
 * AES-256-GCM with a fresh 96-bit IV per value and a 16-byte tag, the row's user id as additional
 * authenticated data (a token copied into another user's row does not decrypt there); stored as
 * `v2.<iv>.<tag>.<ciphertext>` (base64url). Values in the first format, `v1` (no additional data, so
 * movable between rows), are not read: every instance rewrites them as `v2` when it starts
 * (`upgradeLegacyTokens` in lib/auth/tokens.ts), the one place `decryptLegacyToken` is used.
 */
export function encryptToken(plain: string, userId: string, key: Buffer = env().encryptionKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(userId, 'utf8'));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v2', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

function open(sealed: string, version: 'v1' | 'v2', userId: string | null, key: Buffer): string {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== version || !iv || !tag || data === undefined) throw new Error('Unreadable encrypted token');
  const authTag = Buffer.from(tag, 'base64url');
  if (authTag.length !== TAG_BYTES) throw new Error('Unreadable encrypted token');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
  if (userId !== null) decipher.setAAD(Buffer.from(userId, 'utf8'));
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** A `v2` value of this user's row; anything else (another user's row, `v1`, tampering) throws. */
export function decryptToken(sealed: string, userId: string, key: Buffer = env().encryptionKey): string {
  return open(sealed, 'v2', userId, key);
}

/** A `v1` value, for the start-up upgrade only. */
export function decryptLegacyToken(sealed: string, key: Buffer = env().encryptionKey): string {
  return open(sealed, 'v1', null, key);
}

/** A value in the first format (no additional data), to be rewritten. */
export function isLegacyToken(sealed: string): boolean {
  return sealed.startsWith('v1.');
}
