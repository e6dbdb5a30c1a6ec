import 'server-only';
import { db } from '../platform/db/client';
import { edgePurgesOf, revalidateShowcaseOf } from './revalidate';
import { defaultShowcase } from './showcase-rows';

/**
 * A showcase's Publish / Unpublish switch. Unpublished, every public surface of it (page, embeds,
 * JSON API, oEmbed, share image, its covers, /watch) answers 404 at once. Every showcase of the
 * creator is dropped from the cache, since each links the creator's other published ones.
 */
export async function setShowcasePublished(userId: string, showcaseId: string, published: boolean): Promise<void> {
  const showcase = await db.showcase.findFirstOrThrow({ where: { id: showcaseId, userId }, select: { publishedAt: true } });
  await db.$transaction([
    db.showcase.update({
      where: { id: showcaseId },
      data: { published, publishedAt: published ? (showcase.publishedAt ?? new Date()) : showcase.publishedAt },
    }),
    ...(await edgePurgesOf(userId)),
  ]);
  await revalidateShowcaseOf(userId, { edgeQueued: true });
}

/** The default showcase's switch (PATCH /api/showcase). */
export async function setPublished(userId: string, published: boolean): Promise<void> {
  await setShowcasePublished(userId, (await defaultShowcase(userId)).id, published);
}
