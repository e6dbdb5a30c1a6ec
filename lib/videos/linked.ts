import 'server-only';
import { tryCopyImage } from '../images/copy';
import { releaseImages } from '../images/retention';
import { imageStore } from '../images/store';
import { db } from '../platform/db/client';
import { paths } from '../platform/http/paths';
import { cdnSource } from '../tiktok/cdn';
import { getOEmbed } from '../tiktok/client';
import { isTikTokError } from '../tiktok/errors';
import type { TikTokOEmbed } from '../tiktok/types';
import type { VideoCard, VideoPageDto } from './types';

// Videos a creator added by link (Video.source = 'link'): checked through TikTok's public oEmbed,
// not the Display API, so they work without video.list. Their rows stay when they leave the
// showcase: they are the creator's picker in place of the recent videos.

export const LINKED = 'link';

/** Which of these ids are the creator's available linked videos. */
export async function linkedVideoIds(userId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.video.findMany({ where: { userId, id: { in: ids }, source: LINKED, available: true }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

type Previous = { coverHash: string | null; coverSource: string | null } | null;

/**
 * The copy of a linked video's thumbnail, made exactly as covers are (lib/images): the same CDN
 * address already copied is not fetched again; a copy that fails keeps the previous one (or none).
 */
export async function copyThumbnail(videoId: string, thumbnailUrl: string, previous: Previous): Promise<{ coverHash: string; coverSource: string } | null> {
  const source = thumbnailUrl ? cdnSource(thumbnailUrl) : null;
  if (!source) return null;
  if (previous?.coverHash && previous.coverSource === source && (await imageStore.has(previous.coverHash)))
    return { coverHash: previous.coverHash, coverSource: source };
  const hash = await tryCopyImage('cover', thumbnailUrl, `the thumbnail of linked video ${videoId}`);
  return hash ? { coverHash: hash, coverSource: source } : null;
}

/**
 * A TikTok video id carries its creation time in its upper 32 bits (seconds); the public oEmbed
 * says nothing about dates, so that is the date shown, when it is plausible.
 */
export function createdAtOf(videoId: string, fallback: Date): Date {
  try {
    const seconds = Number(BigInt(videoId) >> 32n);
    if (seconds > Date.UTC(2016, 0, 1) / 1000 && seconds * 1000 <= Date.now() + 86_400_000) return new Date(seconds * 1000);
  } catch {
    // not a number: the fallback
  }
  return fallback;
}

/** The stored columns of a linked video, from what oEmbed said. */
export function linkedRow(o: TikTokOEmbed, shareUrl: string) {
  return {
    title: o.title,
    shareUrl,
    coverUrl: o.thumbnailUrl,
    coverExpiresAt: o.thumbnailExpiresAt,
    available: true,
  };
}

/**
 * What the picker shows of a linked video: the app's own copy of its thumbnail (a linked video has
 * no Display API cover URL to show; /api/covers answers only for published showcases), or the
 * placeholder.
 */
export function thumbnailSrc(coverHash: string | null): string {
  return coverHash ? paths.image(coverHash, 480) : paths.coverPlaceholder;
}

/** The creator's linked videos as the dashboard's picker shows them, newest first: no TikTok call. */
export async function linkedVideosPage(userId: string): Promise<VideoPageDto> {
  const rows = await db.video.findMany({ where: { userId, source: LINKED, available: true }, orderBy: { createTime: 'desc' }, take: 200 });
  const videos: VideoCard[] = rows.map((v) => ({
    id: v.id,
    title: v.title,
    description: v.description,
    durationSeconds: v.duration,
    createdAt: v.createTime.toISOString(),
    coverUrl: thumbnailSrc(v.coverHash),
    aiGenerated: v.aiGenerated,
  }));
  return { videos, cursor: null, hasMore: false };
}

/**
 * The sync's re-check of linked videos in the showcase, through oEmbed (one call each): a video
 * TikTok no longer shows publicly, or that is no longer the creator's, becomes unavailable and
 * drops out of every public surface; the others get their title and thumbnail copy refreshed.
 * Returns whether anything changed. TikTok's own trouble (429, 5xx, network) is thrown, for the
 * sync to record and retry next time.
 */
export async function recheckLinkedVideos(userId: string, username: string | null): Promise<boolean> {
  const rows = await db.video.findMany({
    where: {
      userId,
      source: LINKED,
      available: true,
      id: { in: (await db.showcaseItem.findMany({ where: { userId }, select: { videoId: true } })).map((i) => i.videoId) },
    },
  });
  let changed = false;
  const released: Array<string | null> = [];
  for (const row of rows) {
    let o: TikTokOEmbed | null;
    try {
      o = await getOEmbed(row.shareUrl);
    } catch (e) {
      if (!isTikTokError(e, 'invalid')) throw e;
      o = null;
    }
    const stillTheirs = o && o.videoId === row.id && (!username || o.authorUsername.toLowerCase() === username.toLowerCase());
    if (!o || !stillTheirs) {
      await db.video.update({ where: { userId_id: { userId, id: row.id } }, data: { available: false, coverHash: null, coverSource: null } });
      released.push(row.coverHash);
      changed = true;
      continue;
    }
    const copy = await copyThumbnail(row.id, o.thumbnailUrl, row);
    if (copy && copy.coverHash !== row.coverHash) released.push(row.coverHash);
    await db.video.update({ where: { userId_id: { userId, id: row.id } }, data: { ...linkedRow(o, row.shareUrl), ...copy } });
    if (o.title !== row.title || (copy && copy.coverHash !== row.coverHash)) changed = true;
  }
  await releaseImages(released);
  return changed;
}
