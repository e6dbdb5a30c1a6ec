import 'server-only';
import { withAccessToken } from '../auth/tokens';
import { chunk } from '../platform/chunk';
import { db } from '../platform/db/client';
import { MAX_PAGE_SIZE, queryVideos } from '../tiktok/client';
import type { TikTokVideo } from '../tiktok/types';
import { revalidateShowcaseOf } from './revalidate';

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
    available: true,
  };
}

/** Updates stored metadata from fresh TikTok data; ids TikTok no longer returns become unavailable. */
export async function applyFreshVideos(userId: string, askedIds: string[], fresh: Map<string, TikTokVideo>): Promise<void> {
  const gone = askedIds.filter((id) => !fresh.has(id));
  await db.$transaction([
    ...[...fresh.values()].map((v) => db.video.updateMany({ where: { userId, id: v.id }, data: videoRow(v) })),
    ...(gone.length ? [db.video.updateMany({ where: { userId, id: { in: gone } }, data: { available: false } })] : []),
  ]);
  await revalidateShowcaseOf(userId);
}
