import 'server-only';
import { db } from '../platform/db/client';
import { paths } from '../platform/http/paths';
import type { ShowcaseEntry } from './types';

// Reading a saved showcase (the creator's editor and every public surface start here).

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

/** Whether the creator's page is public, and since when it first was (null: a draft never published). */
export async function publicationOf(userId: string): Promise<{ published: boolean; publishedAt: string | null }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { published: true, publishedAt: true } });
  return { published: user.published, publishedAt: user.publishedAt?.toISOString() ?? null };
}

/** What the dashboard's editor shows: the saved showcase and whether it is public. */
export async function editorState(userId: string) {
  const [items, publication] = await Promise.all([readShowcase(userId), publicationOf(userId)]);
  return { items, ...publication };
}
