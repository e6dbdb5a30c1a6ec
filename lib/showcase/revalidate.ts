import 'server-only';
import { revalidateEverywhere } from '../platform/cache/revalidate';
import { db } from '../platform/db/client';
import { deliverEdgePurgesNow, edgePurgeWrites, queueEdgePurge, queueEdgePurgeIn } from '../platform/edge/outbox';
import { showcaseEdgeTags } from './edge-tags';
import { SITEMAP_TAG, showcaseTag } from './tags';

/** A transaction's view of the database (Prisma's interactive transaction client). */
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Everything public about a showcase (its page, every embed variant, the share image, the JSON API)
 * is cached and tagged with the handle; every change to what they show drops them all at once, in
 * Next's cache and at the edge cache in front when there is one. The edge's purge is written to the
 * outbox (lib/platform/edge/outbox.ts), by the change's own transaction when it has one
 * (`edgeQueued`: see edgePurgesOf and queueShowcasePurgeIn), and delivered before the answer when
 * the edge answers in time, by any process later when it does not.
 */
export async function revalidateHandle(handle: string, { edgeQueued = false }: { edgeQueued?: boolean } = {}): Promise<void> {
  await revalidateEverywhere([showcaseTag(handle), SITEMAP_TAG]);
  if (!edgeQueued) await queueEdgePurge(showcaseEdgeTags(handle));
  await deliverEdgePurgesNow();
}

export async function revalidateShowcaseOf(userId: string, opts: { edgeQueued?: boolean } = {}): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (user) await revalidateHandle(user.handle, opts);
}

/** The edge purges of a creator's showcase, to put in the change's own array transaction. */
export async function edgePurgesOf(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  return user ? edgePurgeWrites(showcaseEdgeTags(user.handle)) : [];
}

/** The edge purges of a showcase, written inside the caller's interactive transaction. */
export function queueShowcasePurgeIn(tx: Tx, handle: string): Promise<void> {
  return queueEdgePurgeIn(tx, showcaseEdgeTags(handle));
}
