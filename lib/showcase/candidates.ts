import 'server-only';
import { withAccessToken } from '../auth/tokens';
import { chunk } from '../platform/chunk';
import { db } from '../platform/db/client';
import { listVideos, MAX_PAGE_SIZE } from '../tiktok/client';
import type { TikTokVideo } from '../tiktok/types';
import { LINKED } from '../videos/linked';
import type { Candidate } from './rules';
import { RULE_CANDIDATES } from './schema';
import { videoRow } from './tiktok-videos';

// The videos rules choose from: the creator's newest RULE_CANDIDATES (100), read with video/list in
// five pages at most, stored as Video rows (metadata only: covers are copied for the videos a
// showcase shows, not for every candidate).

/** Whether any of the creator's showcases follows a rule (only those need the newest 100). */
export async function hasRuleShowcase(userId: string): Promise<boolean> {
  // The rule is stored as JSON (lib/showcase/rules.ts); a manual one always names its kind so.
  return (await db.showcase.count({ where: { userId, NOT: { rule: { contains: '"kind":"manual"' } } } })) > 0;
}

/** How old the stored candidates may be when a save or a preview needs them (a sync refreshes them anyway). */
export const CANDIDATES_MAX_AGE_MS = 10 * 60_000;

/** Reads the newest videos from TikTok and stores them; returns them newest first. */
export async function refreshCandidates(userId: string): Promise<TikTokVideo[]> {
  const videos: TikTokVideo[] = [];
  let cursor: number | null = null;
  for (let page = 0; page < RULE_CANDIDATES / MAX_PAGE_SIZE; page++) {
    const result = await withAccessToken(userId, (token) => listVideos(token, { cursor, maxCount: MAX_PAGE_SIZE }));
    videos.push(...result.videos);
    if (!result.hasMore || result.cursor === null) break;
    cursor = result.cursor;
  }
  for (const batch of chunk(videos, 50)) {
    await db.$transaction(
      batch.map((v) => db.video.upsert({ where: { userId_id: { userId, id: v.id } }, create: { userId, id: v.id, ...videoRow(v) }, update: videoRow(v) })),
    );
  }
  await db.user.update({ where: { id: userId }, data: { videosCheckedAt: new Date() } });
  return videos;
}

/** Refreshes the stored candidates when they are older than `maxAgeMs` (or were never read). */
export async function ensureCandidates(userId: string, maxAgeMs = CANDIDATES_MAX_AGE_MS): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { videosCheckedAt: true } });
  if (!user.videosCheckedAt || Date.now() - user.videosCheckedAt.getTime() > maxAgeMs) await refreshCandidates(userId);
}

/** The stored candidates, newest first, as the rules see them. */
export async function candidatesOf(userId: string): Promise<Candidate[]> {
  const rows = await db.video.findMany({
    // The creator's own list (video.list); videos added by link have no place in TikTok's order.
    where: { userId, available: true, source: { not: LINKED } },
    orderBy: [{ createTime: 'desc' }, { id: 'desc' }],
    take: RULE_CANDIDATES,
    select: { id: true, description: true, createTime: true, viewCount: true, likeCount: true, aiGenerated: true, available: true },
  });
  return rows.map((r) => ({
    id: r.id,
    description: r.description,
    createdAt: r.createTime,
    viewCount: r.viewCount === null ? null : Number(r.viewCount),
    likeCount: r.likeCount === null ? null : Number(r.likeCount),
    aiGenerated: r.aiGenerated,
    available: r.available,
  }));
}
