import 'server-only';
import { releaseImages } from '../images/retention';
import { db } from '../platform/db/client';
import { HttpError } from '../platform/http/errors';
import type { TikTokVideo } from '../tiktok/types';
import { copyCovers } from './cover-copies';
import { readShowcase } from './read';
import { edgePurgesOf, revalidateShowcaseOf } from './revalidate';
import { fetchOwnVideos, videoRow } from './tiktok-videos';
import type { ShowcaseEntry } from './types';

/** A save naming videos TikTok does not list as the creator's: answered 400 with the ids. */
export class NotOwnedError extends HttpError {
  constructor(readonly videoIds: string[]) {
    super('bad_request', `These videos are not yours or no longer exist on TikTok: ${videoIds.join(', ')}`, { extra: { videoIds } });
    this.name = 'NotOwnedError';
  }
}

/**
 * Replaces the creator's showcase. Ownership is checked against TikTok first; if any id is refused,
 * nothing is written, so the saved showcase stays as it was. Each cover is copied from the fresh URL
 * video/query gave (lib/showcase/cover-copies.ts).
 */
export async function saveShowcase(userId: string, videoIds: string[]): Promise<ShowcaseEntry[]> {
  const own = videoIds.length ? await fetchOwnVideos(userId, videoIds) : new Map<string, TikTokVideo>();
  const missing = videoIds.filter((id) => !own.has(id));
  if (missing.length) throw new NotOwnedError(missing);
  const videos = videoIds.flatMap((id) => own.get(id) ?? []);
  // Covers are copied from the fresh URLs before anything is written; a cover that cannot be copied
  // keeps its previous copy (or the placeholder) and never fails the save.
  const copies = await copyCovers(userId, videos);
  const before = await db.video.findMany({ where: { userId }, select: { coverHash: true } });
  const edgePurges = await edgePurgesOf(userId);
  await db.$transaction([
    db.showcaseItem.deleteMany({ where: { userId } }),
    db.video.deleteMany({ where: { userId, id: { notIn: videoIds } } }),
    ...videos.map((v) => {
      const row = { ...videoRow(v), ...copies.get(v.id) };
      return db.video.upsert({ where: { userId_id: { userId, id: v.id } }, create: { userId, id: v.id, ...row }, update: row });
    }),
    db.showcaseItem.createMany({ data: videoIds.map((videoId, position) => ({ userId, videoId, position })) }),
    // A draft's first save of a non-empty showcase publishes it; later saves leave the switch alone.
    ...(videoIds.length ? [db.user.updateMany({ where: { id: userId, publishedAt: null }, data: { published: true, publishedAt: new Date() } })] : []),
    ...edgePurges,
  ]);
  // The copies of videos that left the showcase (or whose cover changed) go at once.
  await releaseImages(before.map((v) => v.coverHash));
  await revalidateShowcaseOf(userId, { edgeQueued: true });
  return readShowcase(userId);
}
