import 'server-only';
import { withAccessToken } from '../auth/tokens';
import { releaseImages } from '../images/retention';
import { chunk } from '../platform/chunk';
import { db } from '../platform/db/client';
import { errorMessage } from '../platform/errors';
import { MAX_PAGE_SIZE, queryVideos } from '../tiktok/client';
import type { TikTokVideo } from '../tiktok/types';
import { LINKED } from '../videos/linked';
import { copyCovers } from './cover-copies';
import { edgePurgesOf, revalidateShowcaseOf } from './revalidate';

// What the showcase asks TikTok about its videos, and how the answers are stored.

/** The creator's videos among `ids`, asked of TikTok in batches of 20 (video/query only returns their own). */
export async function fetchOwnVideos(userId: string, ids: string[]): Promise<Map<string, TikTokVideo>> {
  const found = new Map<string, TikTokVideo>();
  for (const batch of chunk(ids, MAX_PAGE_SIZE)) {
    const videos = await withAccessToken(userId, (token) => queryVideos(token, batch));
    for (const v of videos) found.set(v.id, v);
  }
  return found;
}

export function videoRow(v: TikTokVideo) {
  return {
    title: v.title,
    description: v.description,
    duration: v.durationSeconds,
    shareUrl: v.shareUrl,
    createTime: v.createdAt,
    coverUrl: v.coverUrl,
    coverExpiresAt: v.coverExpiresAt,
    viewCount: v.viewCount,
    likeCount: v.likeCount,
    aiGenerated: v.aiGenerated,
    available: true,
  };
}

/**
 * Updates stored metadata from fresh TikTok data, covers copied from the fresh URLs; ids TikTok no
 * longer returns (deleted, made private) become unavailable and lose their copy.
 */
export async function applyFreshVideos(userId: string, askedIds: string[], fresh: Map<string, TikTokVideo>): Promise<void> {
  const gone = askedIds.filter((id) => !fresh.has(id));
  const copies = await copyCovers(userId, [...fresh.values()]);
  const before = await db.video.findMany({ where: { userId, id: { in: askedIds } }, select: { coverHash: true } });
  const edgePurges = await edgePurgesOf(userId);
  await db.$transaction([
    ...[...fresh.values()].map((v) => db.video.updateMany({ where: { userId, id: v.id }, data: { ...videoRow(v), ...copies.get(v.id) } })),
    ...(gone.length ? [db.video.updateMany({ where: { userId, id: { in: gone } }, data: { available: false, coverHash: null, coverSource: null } })] : []),
    ...edgePurges,
  ]);
  await releaseImages(before.map((v) => v.coverHash));
  await revalidateShowcaseOf(userId, { edgeQueued: true });
}

/**
 * The saved showcase's covers copied again through video/query (ceil(n/20) calls), for a showcase
 * whose copies went with a disconnect. Best effort: a failure is one warning, the next sync retries.
 */
export async function recopyShowcaseCovers(userId: string): Promise<void> {
  // Videos added by link are not the Display API's to answer: the sync's oEmbed re-check copies theirs.
  const missing = await db.video.findMany({ where: { userId, available: true, coverHash: null, source: { not: LINKED } }, select: { id: true } });
  if (missing.length === 0) return;
  const ids = missing.map((v) => v.id);
  try {
    await applyFreshVideos(userId, ids, await fetchOwnVideos(userId, ids));
  } catch (e) {
    console.warn(`[covers] could not copy the covers of user ${userId} again: ${errorMessage(e)}`);
  }
}
