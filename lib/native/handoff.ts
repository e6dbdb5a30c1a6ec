import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { challengeFor, randomToken } from '../auth/pkce';
import { db } from '../platform/db/client';
import { handoffVerifierSchema } from './schema';

const HANDOFF_TTL_MS = 60_000;

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * A random, single-use code worth 60 seconds, stored only as its hash: all a deeplink carries. It is
 * bound to the challenge of the native app that started the sign-in (RFC 8252-style PKCE), so only
 * the holder of the matching verifier can redeem it.
 */
export async function createHandoff(userId: string, challenge: string): Promise<string> {
  const code = randomToken(32);
  await db.oAuthHandoff.create({ data: { codeHash: hash(code), userId, challenge, expiresAt: new Date(Date.now() + HANDOFF_TTL_MS) } });
  await purgeHandoffs();
  return code;
}

/** Handoff codes that expired over an hour ago, spent or not: of no use to anyone. */
export function purgeHandoffs(now = Date.now()) {
  return db.oAuthHandoff.deleteMany({ where: { expiresAt: { lt: new Date(now - 3600_000) } } });
}

type Redemption = { ok: true; userId: string } | { ok: false; reason: 'expired' | 'wrong_verifier' };

/**
 * Claims the code first, whatever the verifier: a second use, a use after 60 seconds, or a use with
 * a missing or wrong verifier all leave the code dead. Only the right verifier gets the user.
 */
export async function redeemHandoff(code: string, verifier: string | undefined): Promise<Redemption> {
  const codeHash = hash(code);
  const claimed = await db.oAuthHandoff.updateMany({
    where: { codeHash, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) return { ok: false, reason: 'expired' };
  const row = await db.oAuthHandoff.findUnique({ where: { codeHash }, select: { userId: true, challenge: true } });
  if (!row) return { ok: false, reason: 'expired' };
  if (!row.challenge || !verifier || !handoffVerifierSchema.safeParse(verifier).success || !sameText(challengeFor(verifier), row.challenge)) {
    return { ok: false, reason: 'wrong_verifier' };
  }
  return { ok: true, userId: row.userId };
}

/**
 * Whose sign-in a code is, without spending it, for the question "switch accounts?": a right
 * verifier leaves the code as it was; a missing or wrong one burns it, as redeeming would.
 */
export async function peekHandoff(code: string, verifier: string | undefined): Promise<Redemption> {
  const row = await db.oAuthHandoff.findFirst({
    where: { codeHash: hash(code), usedAt: null, expiresAt: { gt: new Date() } },
    select: { userId: true, challenge: true },
  });
  if (!row) return { ok: false, reason: 'expired' };
  if (!row.challenge || !verifier || !handoffVerifierSchema.safeParse(verifier).success || !sameText(challengeFor(verifier), row.challenge)) {
    return redeemHandoff(code, verifier);
  }
  return { ok: true, userId: row.userId };
}

/** How the /auth page names an account: its display name and @username (or handle). */
export async function accountName(userId: string): Promise<{ displayName: string; handle: string } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { displayName: true, username: true, handle: true } });
  return user && { displayName: user.displayName, handle: user.username ?? user.handle };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function deeplink(scheme: string, params: Record<string, string>): string {
  return `${scheme}://oauth/auth?${new URLSearchParams(params)}`;
}
