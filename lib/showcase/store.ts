import 'server-only';
import { withAccessToken } from '../auth/tokens';
import { db } from '../platform/db/client';
import { HttpError } from '../platform/http/errors';
import { paths } from '../platform/http/paths';
import { MAX_PAGE_SIZE, queryVideos } from '../tiktok/client';
import type { TikTokVideo } from '../tiktok/types';
import { revalidateShowcaseOf } from './revalidate';
import type { ShowcaseEntry } from './types';

/** A save naming videos TikTok does not list as the creator's: answered 400 with the ids. */
export class NotOwnedError extends HttpError {
  constructor(readonly videoIds: string[]) {
    super('bad_request', `These videos are not yours or no longer exist on TikTok: ${videoIds.join(', ')}`, { extra: { videoIds } });
    this.name = 'NotOwnedError';
  }
}

export function chunk<T>(items: T[], size = MAX_PAGE_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The creator's videos among `ids`, asked of TikTok in batches of 20 (video/query only returns their own). */
export async function fetchOwnVideos(userId: string, ids: string[]): Promise<Map<string, TikTokVideo>> {
  const found = new Map<string, TikTokVideo>();
  for (const batch of chunk(ids)) {
    const videos = await withAccessToken(userId, (token) => queryVideos(token, batch));
    for (const v of videos) found.set(v.id, v);
  }
  return found;
}

function videoRow(v: TikTokVideo) {
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

/**
 * Replaces the creator's showcase. Ownership is checked against TikTok first; if any id is refused,
 * nothing is written, so the saved showcase stays as it was.
 */
export async function saveShowcase(userId: string, videoIds: string[]): Promise<ShowcaseEntry[]> {
  const own = videoIds.length ? await fetchOwnVideos(userId, videoIds) : new Map<string, TikTokVideo>();
  const missing = videoIds.filter((id) => !own.has(id));
  if (missing.length) throw new NotOwnedError(missing);
  const videos = videoIds.flatMap((id) => own.get(id) ?? []);
  await db.$transaction([
    db.showcaseItem.deleteMany({ where: { userId } }),
    db.video.deleteMany({ where: { userId, id: { notIn: videoIds } } }),
    ...videos.map((v) => {
      const row = videoRow(v);
      return db.video.upsert({ where: { userId_id: { userId, id: v.id } }, create: { userId, id: v.id, ...row }, update: row });
    }),
    db.showcaseItem.createMany({ data: videoIds.map((videoId, position) => ({ userId, videoId, position })) }),
  ]);
  await revalidateShowcaseOf(userId);
  return readShowcase(userId);
}

/** The saved showcase's items and their stored videos, in showcase order. */
export async function showcaseRows(userId: string, opts: { availableOnly?: boolean } = {}) {
  const items = await db.showcaseItem.findMany({ where: { userId }, orderBy: { position: 'asc' } });
  const videos = await db.video.findMany({ where: { userId, id: { in: items.map((i) => i.videoId) } } });
  const byId = new Map(videos.map((v) => [v.id, v]));
  return items.flatMap((item) => {
    const video = byId.get(item.videoId);
    return video && (!opts.availableOnly || video.available) ? [{ item, video }] : [];
  });
}

type ShowcaseRow = Awaited<ReturnType<typeof showcaseRows>>[number];

/** A showcase row as the app shows it, without TikTok. */
export function showcaseEntry({ item, video: v }: ShowcaseRow): ShowcaseEntry {
  return {
    videoId: v.id,
    position: item.position,
    title: v.title,
    description: v.description,
    durationSeconds: v.duration,
    coverUrl: paths.cover(v.id),
    available: v.available,
  };
}

/** The saved showcase in order, with what is needed to show it without TikTok. */
export async function readShowcase(userId: string, opts: { availableOnly?: boolean } = {}): Promise<ShowcaseEntry[]> {
  return (await showcaseRows(userId, opts)).map(showcaseEntry);
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
