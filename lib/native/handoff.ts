import 'server-only';
import { createHash } from 'node:crypto';
import { randomToken } from '../auth/pkce';
import { db } from '../db';
import { purgeHandoffs } from '../sync/cleanup';

export const HANDOFF_TTL_MS = 60_000;

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/** A random, single-use code worth 60 seconds, stored only as its hash: all a deeplink carries. */
export async function createHandoff(userId: string): Promise<string> {
  const code = randomToken(32);
  await db.oAuthHandoff.create({ data: { codeHash: hash(code), userId, expiresAt: new Date(Date.now() + HANDOFF_TTL_MS) } });
  await purgeHandoffs();
  return code;
}

/** The user the code was made for, once: a second use, or one after 60 seconds, gets null. */
export async function redeemHandoff(code: string): Promise<string | null> {
  const codeHash = hash(code);
  const claimed = await db.oAuthHandoff.updateMany({
    where: { codeHash, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) return null;
  const row = await db.oAuthHandoff.findUnique({ where: { codeHash }, select: { userId: true } });
  return row?.userId ?? null;
}

export function deeplink(scheme: string, params: Record<string, string>): string {
  return `${scheme}://oauth/auth?${new URLSearchParams(params)}`;
}
