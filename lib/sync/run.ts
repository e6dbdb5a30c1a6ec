import 'server-only';
import { randomUUID } from 'node:crypto';
import { refreshProfile } from '../account/profile';
import { CONNECTION_STATUS } from '../auth/connection-status';
import { NeedsReconnectError, withAccessToken } from '../auth/tokens';
import { env } from '../platform/config/env';
import { db } from '../platform/db/client';
import { acquireLease, releaseLease } from '../platform/db/lease';
import { errorMessage } from '../platform/errors';
import { hasRuleShowcase, refreshCandidates } from '../showcase/candidates';
import { reapplyRule } from '../showcase/items';
import { revalidateShowcaseOf } from '../showcase/revalidate';
import { applyFreshVideos, fetchOwnVideos } from '../showcase/tiktok-videos';
import { listVideos, MAX_PAGE_SIZE } from '../tiktok/client';
import { parseScopes, SCOPES } from '../tiktok/scopes';
import { callCounter } from '../tiktok/transport';
import type { TikTokVideo } from '../tiktok/types';
import { linkedVideoIds, recheckLinkedVideos } from '../videos/linked';
import { purgeExpired } from './cleanup';

type SyncSummary = {
  accounts: number;
  done: number;
  skipped: number;
  failed: number;
  /** Accounts left alone because their refresh token has run out (only reconnecting helps). */
  expired: number;
  apiCalls: number;
  durationMs: number;
};

type Options = {
  /** Sync every connected account, not only those whose last sync is older than the interval. */
  all?: boolean;
  /** Only the creators with these handles (an operator re-syncing some accounts now). */
  handles?: string[];
  batchSize?: number;
  log?: (line: string) => void;
};

const LEASE_MS = 10 * 60_000;

function totalCalls(): number {
  let n = 0;
  for (const v of callCounter.values()) n += v;
  return n;
}

/**
 * One account: tokens refreshed when due (inside withAccessToken), profile re-read, the newest
 * videos re-read (the rules' candidates: at most five video/list pages), the showcases' videos
 * updated (video/query only for those older than the candidates), vanished videos noted, and every
 * rule showcase re-evaluated: one whose videos changed is written and dropped from the cache.
 */
async function syncAccount(userId: string, scopes: string[]): Promise<void> {
  // The profile first: it refreshes the token when due, and TikTok's signed avatar URLs expire too.
  await refreshProfile(userId, scopes);
  // Videos added by link are asked of TikTok's public oEmbed, video.list or not: one removed from
  // TikTok drops out of the showcase.
  const { username } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true } });
  if (await recheckLinkedVideos(userId, username)) await revalidateShowcaseOf(userId);
  if (!scopes.includes(SCOPES.videoList)) return;
  // A creator with a rule showcase has the newest 100 read (the rules' candidates, up to five pages);
  // one with manual showcases only, the newest page, as before showcases had rules.
  const recentVideos = (await hasRuleShowcase(userId))
    ? await refreshCandidates(userId)
    : (await withAccessToken(userId, (token) => listVideos(token, { maxCount: MAX_PAGE_SIZE }))).videos;
  const saved = await db.showcaseItem.findMany({ where: { userId }, select: { videoId: true }, distinct: ['videoId'] });
  // Videos added by link were re-checked above, through oEmbed; the Display API is not asked about them.
  const linked = await linkedVideoIds(
    userId,
    saved.map((s) => s.videoId),
  );
  const ids = saved.map((s) => s.videoId).filter((id) => !linked.has(id));
  if (ids.length) {
    const recent = new Map(recentVideos.map((v) => [v.id, v]));
    const fresh = new Map<string, TikTokVideo>(ids.flatMap((id) => recent.get(id) ?? []).map((v) => [v.id, v]));
    const rest = ids.filter((id) => !recent.has(id));
    if (rest.length) for (const [id, v] of await fetchOwnVideos(userId, rest)) fresh.set(id, v);
    await applyFreshVideos(userId, ids, fresh);
  }
  for (const showcase of await db.showcase.findMany({ where: { userId } })) await reapplyRule(showcase);
}

type Outcome = { result: 'done' | 'skipped' } | { result: 'failed'; message: string };

/** One account under its lease (another worker holding it: skipped), its outcome recorded on the connection. */
async function syncLeased(userId: string, scopes: string, holder: string): Promise<Outcome> {
  const key = `sync:${userId}`;
  if (!(await acquireLease(key, holder, LEASE_MS))) return { result: 'skipped' };
  try {
    await syncAccount(userId, parseScopes(scopes));
    await db.tikTokConnection.updateMany({ where: { userId }, data: { lastSyncedAt: new Date(), lastError: null } });
    return { result: 'done' };
  } catch (e) {
    const message = e instanceof NeedsReconnectError ? 'needs reconnect' : errorMessage(e);
    await db.tikTokConnection.updateMany({ where: { userId }, data: { lastError: message.slice(0, 500) } });
    return { result: 'failed', message };
  } finally {
    await releaseLease(key, holder);
  }
}

/**
 * The dashboard's "Refresh now": this creator synced at once (rules re-evaluated, new videos in),
 * rather than at the next scheduled pass. A sync already running for them counts as this one.
 */
export async function syncCreatorNow(userId: string): Promise<Outcome> {
  const connection = await db.tikTokConnection.findUnique({ where: { userId }, select: { status: true, scopes: true, refreshExpiresAt: true } });
  if (connection?.status !== CONNECTION_STATUS.active) return { result: 'failed', message: 'TikTok is not connected.' };
  if (connection.refreshExpiresAt <= new Date()) return { result: 'failed', message: 'Your TikTok connection has run out: reconnect TikTok.' };
  return syncLeased(userId, connection.scopes, randomUUID());
}

/**
 * Syncs connected accounts in batches. Idempotent; an account is processed by at most one worker at
 * a time (a database lease), and the TikTok client keeps every endpoint under 600 calls a minute.
 */
export async function runSync(opts: Options = {}): Promise<SyncSummary> {
  const log = opts.log ?? ((line: string) => console.log(`[sync] ${line}`));
  const started = Date.now();
  const callsBefore = totalCalls();
  const dueBefore = new Date(Date.now() - env().syncIntervalMs + 60_000);
  const due = {
    status: CONNECTION_STATUS.active,
    ...(opts.all ? {} : { OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: dueBefore } }] }),
    ...(opts.handles ? { user: { handle: { in: opts.handles } } } : {}),
  };
  // A connection whose refresh token has run out is not asked about at all: TikTok would refuse every
  // refresh, every sync, for ever. Its public page keeps serving what was stored; the dashboard asks
  // the creator to reconnect.
  const now = new Date();
  const [accounts, expired] = await Promise.all([
    db.tikTokConnection.findMany({
      where: { ...due, refreshExpiresAt: { gt: now } },
      select: { userId: true, scopes: true },
      orderBy: { lastSyncedAt: { sort: 'asc', nulls: 'first' } },
    }),
    db.tikTokConnection.count({ where: { ...due, refreshExpiresAt: { lte: now } } }),
  ]);
  const summary: SyncSummary = { accounts: accounts.length, done: 0, skipped: 0, failed: 0, expired, apiCalls: 0, durationMs: 0 };
  log(`${accounts.length} account(s) to sync`);
  if (expired) log(`${expired} account(s) left alone: their refresh token has expired, the creator has to reconnect`);
  const holder = randomUUID();
  const batchSize = opts.batchSize ?? 5;
  for (let i = 0; i < accounts.length; i += batchSize) {
    const batch = accounts.slice(i, i + batchSize);
    await Promise.all(
      batch.map(async ({ userId, scopes }) => {
        const outcome = await syncLeased(userId, scopes, holder);
        summary[outcome.result]++;
        if (outcome.result === 'failed') log(`failed ${userId}: ${outcome.message}`);
        else log(outcome.result === 'done' ? `synced ${userId}` : `skipped ${userId}: another worker has it`);
      }),
    );
    log(`progress: ${Math.min(i + batchSize, accounts.length)}/${accounts.length}`);
  }
  const purged = await purgeExpired();
  if (purged) log(`cleaned up ${purged} expired record(s) (QR sessions, handoff codes, webhook ids, leases)`);
  summary.apiCalls = totalCalls() - callsBefore;
  summary.durationMs = Date.now() - started;
  log(`summary: ${summary.done} done, ${summary.skipped} skipped, ${summary.failed} failed, ${summary.apiCalls} TikTok calls, ${summary.durationMs} ms`);
  return summary;
}
