import 'server-only';
import { db } from '../platform/db/client';
import { edgePurgesOf, revalidateShowcaseOf } from './revalidate';

/**
 * The creator's Publish / Unpublish switch. Unpublished, every public surface (page, embeds, JSON
 * API, oEmbed, share image, covers, /watch) answers 404 at once.
 */
export async function setPublished(userId: string, published: boolean): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { publishedAt: true } });
  const publishedAt = published ? (user.publishedAt ?? new Date()) : user.publishedAt;
  await db.$transaction([db.user.update({ where: { id: userId }, data: { published, publishedAt } }), ...(await edgePurgesOf(userId))]);
  await revalidateShowcaseOf(userId, { edgeQueued: true });
}
