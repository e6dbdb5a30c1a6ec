import { createCipheriv, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptLegacyToken, decryptToken, encryptToken, isLegacyToken } from '@/lib/auth/token-cipher';
import { upgradeLegacyTokens, withAccessToken } from '@/lib/auth/tokens';
import { env } from '@/lib/platform/config/env';
import { db } from '@/lib/platform/db/client';
import { migrateTestDb } from '../support/db';
import { connectedCreator } from '../support/tiktok';

/** The token a TikTok call would be made with (what withAccessToken hands the call). */
const getAccessToken = (userId: string) => withAccessToken(userId, async (token) => token);

const USER = 'user-1';

/** A value as the first format wrote it (no additional data), which rows stored before still hold. */
function legacy(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', env().encryptionKey, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

describe('token cipher (AES-256-GCM, 16-byte tag, user id as additional data)', () => {
  it('round-trips and never stores the plaintext', () => {
    const token = 'act.c39724355c65afcd2d7026dcdbd76d40LJQ7fHsqvfUVmZl5nxWKEJ1FU1wc!6393';
    const sealed = encryptToken(token, USER);
    expect(sealed).toMatch(/^v2\./);
    expect(sealed).not.toContain(token);
    expect(sealed).not.toContain('c39724355c65');
    expect(decryptToken(sealed, USER)).toBe(token);
  });

  it('uses a fresh IV each time and a full 16-byte tag', () => {
    expect(encryptToken('same', USER)).not.toBe(encryptToken('same', USER));
    expect(Buffer.from(encryptToken('same', USER).split('.')[2], 'base64url')).toHaveLength(16);
  });

  it('refuses a tampered value, a shortened tag, a wrong key, and another user row', () => {
    const sealed = encryptToken('rft.secret', USER);
    const parts = sealed.split('.');
    expect(() => decryptToken([...parts.slice(0, 3), Buffer.from('rft.other').toString('base64url')].join('.'), USER)).toThrow();
    expect(() =>
      decryptToken([parts[0], parts[1], Buffer.from(parts[2], 'base64url').subarray(0, 12).toString('base64url'), parts[3]].join('.'), USER),
    ).toThrow();
    expect(() => decryptToken(sealed, USER, randomBytes(32))).toThrow();
    expect(() => decryptToken(sealed, 'user-2')).toThrow();
  });

  it('no longer reads the first format, which binds no row (only the start-up upgrade does)', () => {
    const old = legacy('act.from-before');
    expect(isLegacyToken(old)).toBe(true);
    expect(() => decryptToken(old, USER)).toThrow();
    expect(() => decryptToken(old, 'user-2')).toThrow();
    expect(decryptLegacyToken(old)).toBe('act.from-before');
  });
});

describe('rows in the first format', () => {
  beforeAll(() => migrateTestDb());

  it('are all rewritten in the current format by the start-up upgrade, and read only after it', async () => {
    const a = await connectedCreator({ access: 'act.legacy-a', refresh: 'rft.legacy-a', seal: legacy, scopes: 'user.info.basic' });
    const b = await connectedCreator({ access: 'act.legacy-b', refresh: 'rft.legacy-b', seal: legacy, scopes: 'user.info.basic' });
    // A v1 value moved into another creator's row would have decrypted there: it is not read at all.
    await expect(getAccessToken(a)).rejects.toThrow();
    expect(await upgradeLegacyTokens()).toBe(2);
    expect(await upgradeLegacyTokens()).toBe(0);
    for (const [userId, name] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      const c = await db.tikTokConnection.findUniqueOrThrow({ where: { userId } });
      expect(c.accessTokenEnc).toMatch(/^v2\./);
      expect(c.refreshTokenEnc).toMatch(/^v2\./);
      expect(decryptToken(c.refreshTokenEnc, userId)).toBe(`rft.legacy-${name}`);
      expect(() => decryptToken(c.refreshTokenEnc, 'someone-else')).toThrow();
      expect(await getAccessToken(userId)).toBe(`act.legacy-${name}`);
    }
  });
});
