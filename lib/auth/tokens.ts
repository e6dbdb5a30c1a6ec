import 'server-only';
import { randomUUID } from 'node:crypto';
import { backoff, remainingMs, singleFlight, sleep } from '../platform/async';
import { env } from '../platform/config/env';
import { db } from '../platform/db/client';
import { acquireLease, releaseLease } from '../platform/db/lease';
import { refreshToken } from '../tiktok/client';
import { isTikTokError, TikTokError } from '../tiktok/errors';
import { formatScopes } from '../tiktok/scopes';
import type { TokenSet } from '../tiktok/types';
import { CONNECTION_STATUS, refreshTokenState } from './connection-status';
import { decryptLegacyToken, decryptToken, encryptToken, isLegacyToken } from './token-cipher';

/** The account's refresh token is dead (revoked, expired): only the creator reconnecting helps. */
export class NeedsReconnectError extends Error {
  readonly problem = 'needs_reconnect' as const;

  constructor() {
    super('The TikTok connection needs to be reconnected');
    this.name = 'NeedsReconnectError';
  }
}

const REFRESH_ATTEMPTS = 3;
/**
 * The refresh lease lasts as long as a refresh can take (every attempt timing out, plus backoff),
 * and callers on other processes wait a little longer than that: if the holder dies mid-refresh,
 * a waiting caller takes the lease over as soon as it expires instead of failing.
 */
const leaseMs = () => REFRESH_ATTEMPTS * (env().tiktokTimeoutMs + 1_500) + 5_000;
const waitForOthersMs = () => leaseMs() + 5_000;

type Held = { token: string; version: number };

/** A token pair as a TikTokConnection row stores it: encrypted, bound to the user, with its expiries and scopes. */
export function tokenColumns(tokens: TokenSet, userId: string) {
  return {
    accessTokenEnc: encryptToken(tokens.accessToken, userId),
    refreshTokenEnc: encryptToken(tokens.refreshToken, userId),
    accessExpiresAt: tokens.accessExpiresAt,
    refreshExpiresAt: tokens.refreshExpiresAt,
    scopes: formatScopes(tokens.scopes),
  };
}

/** One refresh per account in this process; the database lease covers the other processes. */
const inflight = new Map<string, Promise<Held>>();

async function readConnection(userId: string) {
  const c = await db.tikTokConnection.findUnique({ where: { userId } });
  if (c?.status !== CONNECTION_STATUS.active) throw new NeedsReconnectError();
  return c;
}

/**
 * Rewrites every pair still stored in the first cipher format (no user id bound in) with the current
 * one, unless someone changed the row meanwhile (compare-and-swap on the values). Every instance and
 * worker runs it when it starts, so the first format is never read while serving. Returns how many
 * rows were rewritten.
 */
export async function upgradeLegacyTokens(): Promise<number> {
  const rows = await db.tikTokConnection.findMany({
    where: { OR: [{ accessTokenEnc: { startsWith: 'v1.' } }, { refreshTokenEnc: { startsWith: 'v1.' } }] },
    select: { userId: true, accessTokenEnc: true, refreshTokenEnc: true },
  });
  let n = 0;
  for (const c of rows) {
    const reseal = (sealed: string) => (isLegacyToken(sealed) ? encryptToken(decryptLegacyToken(sealed), c.userId) : sealed);
    const written = await db.tikTokConnection.updateMany({
      where: { userId: c.userId, accessTokenEnc: c.accessTokenEnc, refreshTokenEnc: c.refreshTokenEnc },
      data: { accessTokenEnc: reseal(c.accessTokenEnc), refreshTokenEnc: reseal(c.refreshTokenEnc) },
    });
    n += written.count;
  }
  return n;
}

function isFresh(expiresAt: Date): boolean {
  return expiresAt.getTime() - Date.now() > env().refreshMarginMs;
}

async function current(userId: string): Promise<Held> {
  const c = await readConnection(userId);
  if (isFresh(c.accessExpiresAt)) return { token: decryptToken(c.accessTokenEnc, userId), version: c.version };
  return refresh(userId, c.version);
}

/**
 * Refreshes unless someone already moved the pair past `staleVersion`. Concurrent callers in this
 * process share one promise; other processes wait on the lease and then read what was written.
 */
function refresh(userId: string, staleVersion: number): Promise<Held> {
  return singleFlight(inflight, userId, () => refreshUnderLease(userId, staleVersion));
}

async function refreshUnderLease(userId: string, staleVersion: number): Promise<Held> {
  const key = `refresh:${userId}`;
  const holder = randomUUID();
  // Another process's refresh is waited for, but not past the request's own deadline (a holder that
  // died keeps its lease until it expires: this request answers 503, a later one refreshes).
  const deadline = Date.now() + Math.min(waitForOthersMs(), remainingMs());
  for (;;) {
    const seen = await readConnection(userId);
    if (seen.version > staleVersion) return { token: decryptToken(seen.accessTokenEnc, userId), version: seen.version };
    if (await acquireLease(key, holder, leaseMs())) {
      try {
        const c = await readConnection(userId);
        if (c.version > staleVersion) return { token: decryptToken(c.accessTokenEnc, userId), version: c.version };
        if (refreshTokenState(c.refreshExpiresAt) === 'expired') await markNeedsReconnect(userId, c.version, 'Refresh token expired');
        const tokens = await refreshWithRetry(userId, c.version, decryptToken(c.refreshTokenEnc, userId));
        // Compare-and-swap on the version: an older pair can never overwrite a newer one.
        const written = await db.tikTokConnection.updateMany({
          where: { userId, version: c.version },
          data: {
            ...tokenColumns(tokens, userId),
            version: c.version + 1,
            lastError: null,
          },
        });
        if (written.count === 1) return { token: tokens.accessToken, version: c.version + 1 };
      } finally {
        await releaseLease(key, holder);
      }
      continue;
    }
    if (Date.now() > deadline) throw new TikTokError('server', 'refresh_wait_timeout', 'another refresh did not finish in time');
    await sleep(50 + Math.random() * 100);
  }
}

/** Only the creator reconnecting helps now: the account shows the reconnect banner and nothing refreshes it again. */
async function markNeedsReconnect(userId: string, version: number, why: string): Promise<never> {
  await db.tikTokConnection.updateMany({ where: { userId, version }, data: { status: CONNECTION_STATUS.needsReconnect, lastError: why } });
  throw new NeedsReconnectError();
}

/**
 * Refreshes with TikTok, retrying what is worth retrying. A lost answer (the connection broke after
 * the request went out) is the dangerous case: TikTok may have rotated the token and the new pair is
 * gone with the answer, so the token held may be dead. It is presented once more, at once: if TikTok
 * had not acted, that refresh works; if it had, TikTok refuses it (as reuse) and the account needs
 * reconnecting; if that answer is lost too, the account is marked for reconnection as well rather
 * than presenting a token that is probably dead again and again (docs/security.md).
 */
async function refreshWithRetry(userId: string, version: number, refresh: string): Promise<TokenSet> {
  let lost = false;
  for (let attempt = 0; ; attempt++) {
    try {
      return await refreshToken(refresh);
    } catch (e) {
      if (isTikTokError(e, 'unauthorized') || (isTikTokError(e) && e.code === 'invalid_grant')) {
        console.warn(`[tokens] refresh refused for user ${userId}: ${e.message}`);
        await markNeedsReconnect(userId, version, `Refresh refused by TikTok (${e.code})`);
      }
      if (isTikTokError(e) && e.code === 'answer_lost') {
        if (lost) {
          console.warn(`[tokens] refresh answer lost twice for user ${userId}: marked for reconnection`);
          await markNeedsReconnect(userId, version, 'Refresh answer lost twice; TikTok may have rotated the token');
        }
        lost = true;
        console.warn(`[tokens] refresh answer lost for user ${userId}: presenting the token once more`);
        continue;
      }
      // Another attempt only if the request's deadline leaves room for it (the worker has none), and
      // never a third presentation of a token whose answer was lost.
      if (isTikTokError(e) && e.transient && !lost && attempt + 1 < REFRESH_ATTEMPTS && remainingMs() > backoff(attempt) + 500) {
        await sleep(backoff(attempt));
        continue;
      }
      throw e;
    }
  }
}

/**
 * Runs a TikTok call with a valid token. If TikTok still says access_token_invalid (revoked early,
 * clocks apart), refreshes once and retries the call once.
 */
export async function withAccessToken<T>(userId: string, call: (accessToken: string) => Promise<T>): Promise<T> {
  const held = await current(userId);
  try {
    return await call(held.token);
  } catch (e) {
    if (!isTikTokError(e, 'unauthorized')) throw e;
    const renewed = await refresh(userId, held.version);
    return call(renewed.token);
  }
}
