import 'server-only';
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

async function markRevalidated(tag: string): Promise<void> {
  const client = redis();
  if (!client) return;
  try {
    await whenReady(client);
    await client.hSet(tagsKey(), tag, Date.now());
  } catch (e) {
    // Redis away: nothing is served from the shared cache until it returns, and then it is emptied.
    console.warn(`[cache] could not record the revalidation of ${tag}: ${errorMessage(e)}`);
  }
}
