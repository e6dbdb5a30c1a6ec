import { db } from '@/lib/platform/db/client';
import { newId } from './db';

/**
 * A creator stored directly (no sign-in), whose default showcase has the creator's id, as the
 * showcases migration makes it. Returns that id.
 */
export async function storedCreator({ handle, published = true, title = 'Featured' }: { handle?: string; published?: boolean; title?: string } = {}) {
  const id = newId();
  await db.user.create({
    data: {
      id,
      openId: `open-${id}`,
      displayName: handle ?? 'Creator',
      handle: handle ?? `c-${id.slice(0, 8)}`,
      showcases: { create: { id, slug: 'featured', title, isDefault: true, published, publishedAt: published ? new Date() : null } },
    },
  });
  return id;
}

/** A video of the creator's as a sync stores it, listed at `position` in their default showcase when given. */
export async function storedVideo(userId: string, videoId: string, { position, addedAt }: { position?: number; addedAt?: Date } = {}) {
  await db.video.create({
    data: {
      userId,
      id: videoId,
      title: `Video ${videoId}`,
      description: '',
      duration: 10,
      shareUrl: '',
      createTime: new Date(),
      coverUrl: '',
      coverExpiresAt: new Date(),
    },
  });
  if (position !== undefined) await db.showcaseItem.create({ data: { showcaseId: userId, userId, videoId, position, ...(addedAt ? { addedAt } : {}) } });
}
