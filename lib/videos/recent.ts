import 'server-only';
import { withAccessToken } from '../auth/tokens';
import { listVideos } from '../tiktok/client';
import type { TikTokVideo } from '../tiktok/types';
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

/** One page of the creator's recent videos, newest first. */
export async function recentVideos(userId: string, cursor: number | null = null): Promise<VideoPageDto> {
  const page = await withAccessToken(userId, (token) => listVideos(token, { cursor, maxCount: 20 }));
  return { videos: page.videos.map(toCard), cursor: page.cursor, hasMore: page.hasMore };
}
