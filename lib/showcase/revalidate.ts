import 'server-only';
import { revalidateEverywhere } from '../platform/cache/revalidate';
import { db } from '../platform/db/client';
import { deliverEdgePurgesNow, edgePurgeWrites, queueEdgePurge, queueEdgePurgeIn } from '../platform/edge/outbox';
import { oneShowcaseEdgeTags, showcaseEdgeTags } from './edge-tags';

/** A transaction's view of the database (Prisma's interactive transaction client). */
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

// Every change to what a public surface shows drops it at once, in Next's cache and at the edge cache
// in front when there is one. The edge's purge is written to the outbox (lib/platform/edge/outbox.ts)
// by the change's own transaction when it has one (`edgeQueued`: see edgePurgesOf, showcasePurgesOf
// and queueShowcasePurgeIn), and delivered before the answer when the edge answers in time, by any
// process later when it does not. Two scopes (lib/showcase/tags.ts): all of a creator's showcases,
// or one showcase.

async function drop(tags: string[], edgeQueued: boolean): Promise<void> {
  await revalidateEverywhere(tags);
  if (!edgeQueued) await queueEdgePurge(tags);
  await deliverEdgePurgesNow();
}

/** Drops every cached public surface of the creator: each showcase, every embed variant, JSON, sitemap. */
export function revalidateHandle(handle: string, { edgeQueued = false }: { edgeQueued?: boolean } = {}): Promise<void> {
  return drop(showcaseEdgeTags(handle), edgeQueued);
}

export async function revalidateShowcaseOf(userId: string, opts: { edgeQueued?: boolean } = {}): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (user) await revalidateHandle(user.handle, opts);
}

/** The edge purges of all of a creator's showcases, to put in the change's own array transaction. */
export async function edgePurgesOf(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  return user ? edgePurgeWrites(showcaseEdgeTags(user.handle)) : [];
}

/** The edge purges of all of a creator's showcases, written inside the caller's interactive transaction. */
export function queueShowcasePurgeIn(tx: Tx, handle: string): Promise<void> {
  return queueEdgePurgeIn(tx, showcaseEdgeTags(handle));
}

/** The tags of one showcase's surfaces (null: no such showcase). */
async function tagsOfShowcase(showcaseId: string): Promise<string[] | null> {
  const s = await db.showcase.findUnique({ where: { id: showcaseId }, select: { slug: true, isDefault: true, user: { select: { handle: true } } } });
  return s ? oneShowcaseEdgeTags(s.user.handle, s.slug, s.isDefault) : null;
}

/** The edge purges of one showcase, to put in the change's own array transaction. */
export async function showcasePurgesOf(showcaseId: string) {
  const tags = await tagsOfShowcase(showcaseId);
  return tags ? edgePurgeWrites(tags) : [];
}

/**
 * Drops one showcase's cached surfaces (its page, embeds, share image, JSON, oEmbed) and nothing of
 * the creator's other showcases: what changed is the videos it shows, not what they all show.
 */
export async function revalidateShowcase(showcaseId: string, { edgeQueued = false }: { edgeQueued?: boolean } = {}): Promise<void> {
  const tags = await tagsOfShowcase(showcaseId);
  if (tags) await drop(tags, edgeQueued);
}
