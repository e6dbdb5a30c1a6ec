import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptToken, encryptToken } from '@/lib/auth/token-cipher';

describe('token cipher (AES-256-GCM)', () => {
  it('round-trips and never stores the plaintext', () => {
    const token = 'act.c39724355c65afcd2d7026dcdbd76d40LJQ7fHsqvfUVmZl5nxWKEJ1FU1wc!6393';
    const sealed = encryptToken(token);
    expect(sealed).not.toContain(token);
    expect(sealed).not.toContain('c39724355c65');
    expect(decryptToken(sealed)).toBe(token);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptToken('same')).not.toBe(encryptToken('same'));
  });

  it('refuses a tampered value or a wrong key', () => {
    const sealed = encryptToken('rft.secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('rft.other').toString('base64url');
    expect(() => decryptToken(parts.join('.'))).toThrow();
    expect(() => decryptToken(sealed, randomBytes(32))).toThrow();
  });
});
