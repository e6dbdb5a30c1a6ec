import 'server-only';
import { db } from '../platform/db/client';

/**
 * The copy of the cover of a video a published showcase shows. `undefined`: no such video; `null`:
 * no copy yet (the caller shows a placeholder). Read from the database only: a visitor never causes
 * a TikTok call (copies are made at save and sync, lib/showcase/cover-copies.ts). The avatar's twin:
 * publicAvatar.
 */
export async function publicCover(videoId: string): Promise<string | null | undefined> {
  const video = await db.video.findFirst({
    where: { id: videoId, available: true, user: { published: true, showcaseItems: { some: { videoId, showcase: { published: true } } } } },
    select: { coverHash: true },
  });
  return video ? video.coverHash : undefined;
}
