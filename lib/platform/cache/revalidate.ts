import 'server-only';
import type { RedisClientType } from '@redis/client';
import { revalidateTag } from 'next/cache';
import { sleep } from '../async';
import { env } from '../config/env';
import { db } from '../db/client';
import { errorMessage } from '../errors';
import { dropFromResponseCache } from '../http/response-cache.mjs';
import { pageCachePrefix, REVALIDATED_TAGS_KEY } from './keys.mjs';
import { redis } from './redis';
import { whenReady } from './redis-client.mjs';

/** The hash the cache handler keeps tags' revalidation times in; the build id is read once. */
let revalidatedTagsKey: string | undefined;
const tagsKey = () => (revalidatedTagsKey ??= `${pageCachePrefix(env().redisKeyPrefix)}${REVALIDATED_TAGS_KEY}`);

/**
 * Drops every cached page and route answer tagged `tag`, on every instance, before the caller answers.
 *
 * Next runs a route's revalidations after its response has left (as waitUntil work), so the creator's
 * next request, or a visitor's on another instance, can arrive first. With a shared cache the tag's
 * revalidation time is therefore written to Redis first: every instance compares each entry with it
 * on every read (the handler and its memory layer both do), so nothing cached before this moment is
 * served again. Next's own revalidation follows and deletes the entries.
 */
export async function revalidateEverywhere(tags: string | string[]): Promise<void> {
  const all = typeof tags === 'string' ? [tags] : tags;
  // The answers `npm start`'s server keeps of this process's pages (lib/platform/http/response-cache.mjs).
  dropFromResponseCache(all);
  await markRevalidated(all);
  try {
    // expire: 0, not stale-while-revalidate: the next visitor must see the change, not trigger it.
    for (const tag of all) revalidateTag(tag, { expire: 0 });
  } catch {
    // Outside a Next.js server (the sync worker) there is no cache to drop: the surfaces pick the
    // change up within their revalidate window (at once with Redis, from the record above).
  }
}

/**
 * How long a revalidation record is kept: longer than any entry it can make stale lives. The cache
 * handler expires an entry 1.5 × its revalidate window after it was stored (7.5 minutes for the
 * showcase surfaces' 5; pages without a window carry no showcase tag), and treats an older one as
 * a miss wherever it is kept, memory included; after that the record has nothing left to judge.
 */
export const RECORD_RETENTION_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

/**
 * Deletes the revalidation records older than `retentionMs` (the hash would otherwise grow by one
 * field per tag ever revalidated, for as long as the deployment lives). Returns how many went.
 */
export async function pruneRevalidationRecords(client: RedisClientType, key: string, now = Date.now(), retentionMs = RECORD_RETENTION_MS): Promise<number> {
  const old: string[] = [];
  for await (const entries of client.hScanIterator(key, { COUNT: 500 })) {
    for (const { field, value } of entries) if (Number(value) < now - retentionMs) old.push(field);
  }
  for (let i = 0; i < old.length; i += 500) await client.hDel(key, old.slice(i, i + 500));
  return old.length;
}

async function markRevalidated(tags: string[]): Promise<void> {
  const client = redis();
  if (!client || tags.length === 0) return;
  const tag = tags.join(' ');
  try {
    await whenReady(client);
    const now = Date.now();
    await client.hSet(tagsKey(), Object.fromEntries(tags.map((t) => [t, now])));
    // At most once a minute per process, after the save's own record is in; never delays the save.
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      void pruneRevalidationRecords(client, tagsKey()).catch(() => undefined);
    }
  } catch (e) {
    // Redis away from here: this instance serves nothing from the shared cache until it returns, and
    // then empties it. Other instances may still reach Redis and serve their old copies: the record
    // is handed to them (issue 16, item 5).
    console.warn(`[cache] could not record the revalidation of ${tag}: ${errorMessage(e)}; handing it to the other instances`);
    await replayElsewhere(tags);
  }
}

/** How long a change waits for another process to record its revalidation, when this one cannot. */
const REPLAY_WAIT_MS = 1_500;
const REPLAY_POLL_MS = 100;

/**
 * Writes the revalidation to the database for any process that reaches Redis (replayRevalidations,
 * run by every instance and the worker), and waits until one did, so the change answers only once
 * no instance can serve the old page any more. When none does in time, every instance has lost
 * Redis too, and none serves from it: the change goes on, and the record is written when one is back.
 */
async function replayElsewhere(tags: string[]): Promise<void> {
  try {
    const ids = await Promise.all(tags.map((tag) => db.revalidationReplay.create({ data: { tag }, select: { id: true } }).then((r) => r.id)));
    for (let waited = 0; waited < REPLAY_WAIT_MS; waited += REPLAY_POLL_MS) {
      await sleep(REPLAY_POLL_MS);
      if ((await db.revalidationReplay.count({ where: { id: { in: ids } } })) === 0) return;
    }
    console.warn(`[cache] no instance has recorded the revalidation of ${tags.join(' ')} yet; the first to reach Redis will`);
  } catch (e) {
    console.warn(`[cache] could not hand the revalidation of ${tags.join(' ')} over: ${errorMessage(e)}`);
  }
}

/**
 * Records in Redis the revalidations other processes could not, and deletes their rows. Returns how
 * many it recorded (none while this process cannot reach Redis either).
 */
export async function replayRevalidations(): Promise<number> {
  const client = redis();
  if (!client?.isReady) return 0;
  const rows = await db.revalidationReplay.findMany({ orderBy: { id: 'asc' }, take: 100 });
  for (const row of rows) {
    await client.hSet(tagsKey(), row.tag, Date.now());
    await db.revalidationReplay.deleteMany({ where: { id: row.id } });
  }
  return rows.length;
}

/** Runs replayRevalidations every `intervalMs` in this process (with Redis configured), until stopped. */
export function startRevalidationReplayLoop(intervalMs = 1_000): () => void {
  if (!env().redisUrl) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    replayRevalidations()
      .catch((e) => console.warn(`[cache] could not replay revalidations: ${errorMessage(e)}`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
