import 'server-only';
import { revalidateEverywhere } from '../platform/cache/revalidate';
import { db } from '../platform/db/client';
import { creatorTag, showcaseTag } from './tags';

/** Drops every cached public surface of the creator: each showcase, every embed variant, JSON, images. */
export function revalidateHandle(handle: string): Promise<void> {
  return revalidateEverywhere(creatorTag(handle));
}

export async function revalidateShowcaseOf(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (user) await revalidateHandle(user.handle);
}

/**
 * Drops one showcase's cached surfaces (its page, embeds, share image, JSON, oEmbed) and nothing of
 * the creator's other showcases: what changed is the videos it shows, not what they all show.
 */
export async function revalidateShowcase(showcaseId: string): Promise<void> {
  const showcase = await db.showcase.findUnique({ where: { id: showcaseId }, select: { slug: true, isDefault: true, user: { select: { handle: true } } } });
  if (!showcase) return;
  const { handle } = showcase.user;
  // The default is cached under the handle alone and, when asked by its slug, under that too.
  await Promise.all([revalidateEverywhere(showcaseTag(handle, showcase.slug)), ...(showcase.isDefault ? [revalidateEverywhere(showcaseTag(handle))] : [])]);
}
