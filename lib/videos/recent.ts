import 'server-only';
import { withAccessToken } from '../auth/tokens';
import { db } from '../platform/db/client';
import { listVideos } from '../tiktok/client';
import { parseScopes, SCOPES } from '../tiktok/scopes';
import type { TikTokVideo } from '../tiktok/types';
import { linkedVideosPage } from './linked';
import type { VideoCard, VideoPageDto } from './types';

function toCard(v: TikTokVideo): VideoCard {
  return {
    id: v.id,
    title: v.title,
    description: v.description,
    durationSeconds: v.durationSeconds,
    createdAt: v.createdAt.toISOString(),
    coverUrl: v.coverUrl,
    aiGenerated: v.aiGenerated,
  };
}

/** Whether the creator granted video.list: without it the picker lists the videos added by link, and TikTok is not asked. */
export async function canListVideos(userId: string): Promise<boolean> {
  const c = await db.tikTokConnection.findUnique({ where: { userId }, select: { scopes: true } });
  return parseScopes(c?.scopes).includes(SCOPES.videoList);
}

/** One page of the creator's recent videos, newest first (without video.list: the videos added by link). */
export async function recentVideos(userId: string, cursor: number | null = null): Promise<VideoPageDto> {
  if (!(await canListVideos(userId))) return linkedVideosPage(userId);
  const page = await withAccessToken(userId, (token) => listVideos(token, { cursor, maxCount: 20 }));
  return { videos: page.videos.map(toCard), cursor: page.cursor, hasMore: page.hasMore };
}
