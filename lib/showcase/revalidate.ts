import 'server-only';
import { revalidateTag } from 'next/cache';
import { pageCachePrefix, REVALIDATED_TAGS_KEY } from '../platform/cache/keys.mjs';
import { redis } from '../platform/cache/redis';
import { whenReady } from '../platform/cache/redis-client.mjs';
import { env } from '../platform/config/env';
import { db } from '../platform/db/client';
import { errorMessage } from '../platform/errors';
import { showcaseTag } from './tags';

/**
 * Everything public about a showcase (its page, every embed variant, the share image, the JSON API)
 * is cached and tagged with the handle; every change to what they show drops them all at once.
 */
export async function revalidateHandle(handle: string): Promise<void> {
  const tag = showcaseTag(handle);
  await markRevalidatedEverywhere(tag);
  try {
    // expire: 0, not stale-while-revalidate: the next visitor must see the change, not trigger it.
    revalidateTag(tag, { expire: 0 });
  } catch {
    // Outside a Next.js server (the sync worker) there is no cache to drop: the surfaces pick the
    // change up within their 5-minute revalidate window.
  }
}

/**
 * Next runs a route's revalidations after its response has left (as waitUntil work), so the creator's
 * next request, or a visitor's on another instance, can arrive first. With a shared cache the tag's
 * revalidation time is therefore written to Redis before the response: every instance compares each
 * entry with it on every read (the handler and its memory layer both do), so nothing cached before
 * this moment is served again. Next's own revalidation follows and deletes the entries.
 */
async function markRevalidatedEverywhere(tag: string): Promise<void> {
  const client = redis();
  if (!client) return;
  try {
    await whenReady(client);
    await client.hSet(`${pageCachePrefix(env().redisKeyPrefix)}${REVALIDATED_TAGS_KEY}`, tag, Date.now());
  } catch (e) {
    // Redis away: nothing is served from the shared cache until it returns, and then it is emptied.
    console.warn(`[cache] could not record the revalidation of ${tag}: ${errorMessage(e)}`);
  }
}

export async function revalidateShowcaseOf(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (user) await revalidateHandle(user.handle);
}
