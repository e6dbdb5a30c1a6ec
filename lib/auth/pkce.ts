import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** 64 characters of [A-Za-z0-9-_], inside TikTok's 43-128 range. */
export function createVerifier(): string {
  return randomBytes(48).toString('base64url');
}

/** Web flavour: base64url(SHA256(verifier)). */
export function challengeFor(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
