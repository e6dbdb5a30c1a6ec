import 'server-only';
import type { RedisClientType } from '@redis/client';
import { isbot } from 'isbot';
import { redis } from '../platform/cache/redis';
import { env } from '../platform/config/env';
import { errorMessage } from '../platform/errors';
import type { Counted } from './batch';
import { utcDay } from './day';
import { limitKey, visitorHash } from './hash';
import { recordInMemory } from './memory-store';
import { recordInRedis } from './redis-store';
import { referrerHost } from './referrer';
import { daySalt } from './salt';
import type { InsightsEvent } from './schema';
import { publishedShowcaseVideos } from './showcases';
import { tallyOutcome } from './summary';

/** At most this many events a minute are counted per client and showcase; the rest are dropped. */
export const EVENTS_PER_MINUTE = 60;

/** What the route reads off the request; the IP and User-Agent are used for the hash and forgotten. */
export type Visit = {
  ip: string;
  userAgent: string;
  /** Sec-GPC: 1 or DNT: 1: a view is counted, the visitor is never hashed. */
  optedOut: boolean;
  /** Sec-Purpose: prefetch (a prefetched or prerendered page nobody has seen). */
  prefetch: boolean;
};

export type Outcome = 'counted' | 'ignored' | 'dropped';

// Which showcases are published and what they show, for a few seconds: an event costs no query.
const SHOWCASE_TTL_MS = 15_000;
const MAX_CACHED = 10_000;
const g = globalThis as unknown as { showreelInsightsShowcases?: Map<string, { at: number; videos: Set<string> | null }> };

async function showcaseVideos(id: string, now: number): Promise<Set<string> | null> {
  g.showreelInsightsShowcases ??= new Map();
  const cache = g.showreelInsightsShowcases;
  const hit = cache.get(id);
  if (hit && now - hit.at < SHOWCASE_TTL_MS) return hit.videos;
  const videos = await publishedShowcaseVideos(id);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(id, { at: now, videos });
  return videos;
}

// isbot is one long regular expression; beacons come from few distinct User-Agents, so its verdict
// is kept per string (in memory only, like the Map above: never stored or logged), for strings of
// an ordinary length (a client sending ever new long ones only finds the map cold).
const MAX_AGENTS = 1_000;
const MAX_AGENT_LENGTH = 512;
const agentVerdicts = new Map<string, boolean>();

function isBot(userAgent: string): boolean {
  if (userAgent.length > MAX_AGENT_LENGTH) return isbot(userAgent);
  let verdict = agentVerdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = isbot(userAgent);
    if (agentVerdicts.size >= MAX_AGENTS) agentVerdicts.clear();
    agentVerdicts.set(userAgent, verdict);
  }
  return verdict;
}

/** The app's own host, which is never a source. */
let ownHost: string | undefined;
const appHost = () => (ownHost ??= new URL(env().appUrl).host);

/** The app's Redis when it is connected, else null (the counters then wait in memory). */
function liveRedis(): RedisClientType | null {
  const client = redis();
  return client?.isReady ? client : null;
}

/**
 * Counts one event: a bot's, a prefetch's, or one for a showcase that is not published (or a video
 * it does not show) is ignored; past the per-client limit it is dropped. Nothing about the visitor
 * is kept but, for a view without GPC or DNT, the day's salted hash.
 */
export async function ingest(event: InsightsEvent, visit: Visit, now = Date.now()): Promise<Outcome> {
  const outcome = await count(event, visit, now);
  tallyOutcome(outcome);
  return outcome;
}

async function count(event: InsightsEvent, visit: Visit, now: number): Promise<Outcome> {
  if (visit.prefetch || !visit.userAgent || isBot(visit.userAgent)) return 'ignored';
  const videos = await showcaseVideos(event.showcase, now);
  if (!videos) return 'ignored';
  if (event.type !== 'view' && !(event.video && videos.has(event.video))) return 'ignored';
  let client = liveRedis();
  let salt: string;
  try {
    salt = await daySalt(client !== null, now);
  } catch (e) {
    if (!client) throw e;
    console.warn(`[insights] Redis did not answer (${errorMessage(e)}); counting in memory`);
    client = null;
    salt = await daySalt(false, now);
  }
  const counted: Counted = {
    showcaseId: event.showcase,
    day: utcDay(now),
    type: event.type,
    videoId: event.type === 'view' ? undefined : event.video,
    host: event.type === 'view' ? referrerHost(event.ref, appHost()) : null,
    visitor: event.type === 'view' && !visit.optedOut ? visitorHash(salt, visit.ip, visit.userAgent, event.showcase) : null,
  };
  const key = limitKey(salt, visit.ip, event.showcase);
  if (client) {
    try {
      return (await recordInRedis(client, counted, key, EVENTS_PER_MINUTE, now)) ? 'counted' : 'dropped';
    } catch (e) {
      console.warn(`[insights] Redis did not count (${errorMessage(e)}); counting in memory`);
    }
  }
  return recordInMemory(counted, key, EVENTS_PER_MINUTE, now) ? 'counted' : 'dropped';
}
