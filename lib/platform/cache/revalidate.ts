import 'server-only';
import type { RedisClientType } from '@redis/client';
import { revalidateTag } from 'next/cache';
import { env } from '../config/env';
import { errorMessage } from '../errors';
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
export async function revalidateEverywhere(tag: string): Promise<void> {
  await markRevalidated(tag);
  try {
    // expire: 0, not stale-while-revalidate: the next visitor must see the change, not trigger it.
    revalidateTag(tag, { expire: 0 });
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

async function markRevalidated(tag: string): Promise<void> {
  const client = redis();
  if (!client) return;
  try {
    await whenReady(client);
    await client.hSet(tagsKey(), tag, Date.now());
    // At most once a minute per process, after the save's own record is in; never delays the save.
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      void pruneRevalidationRecords(client, tagsKey()).catch(() => undefined);
    }
  } catch (e) {
    // Redis away: nothing is served from the shared cache until it returns, and then it is emptied.
    console.warn(`[cache] could not record the revalidation of ${tag}: ${errorMessage(e)}`);
  }
}
