import 'server-only';
import { NeedsReconnectError, withAccessToken } from '../auth/tokens';
import { listVideos } from '../tiktok/client';
import { isTikTokError } from '../tiktok/errors';
import type { TikTokVideo } from '../tiktok/types';
import type { ProblemKind, VideoCard, VideoPageDto } from './types';

export function toCard(v: TikTokVideo): VideoCard {
  return {
    id: v.id,
    title: v.title,
    description: v.description,
    durationSeconds: v.durationSeconds,
    createdAt: v.createdAt.toISOString(),
    coverUrl: v.coverUrl,
    width: v.width,
    height: v.height,
  };
}

/** One page of the creator's recent videos, newest first. */
export async function recentVideos(userId: string, cursor: number | null = null): Promise<VideoPageDto> {
  const page = await withAccessToken(userId, (token) => listVideos(token, { cursor, maxCount: 20 }));
  return { videos: page.videos.map(toCard), cursor: page.cursor, hasMore: page.hasMore };
}

/** How a failed TikTok call should be explained to the creator; anything else is a real bug. */
export function problemOf(e: unknown): ProblemKind | null {
  if (e instanceof NeedsReconnectError) return 'needs_reconnect';
  if (isTikTokError(e, 'unauthorized')) return 'needs_reconnect';
  if (isTikTokError(e, 'rate_limited')) return 'rate_limited';
  if (isTikTokError(e, 'scope')) return 'scope';
  if (isTikTokError(e)) return 'unavailable';
  return null;
}
