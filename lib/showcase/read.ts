import 'server-only';
import { db } from '../platform/db/client';
import { paths } from '../platform/http/paths';
import { defaultShowcase } from './showcase-rows';
import type { ShowcaseEntry } from './types';

// Reading a saved showcase (the creator's editor and every public surface start here).

/** A showcase's items and their stored videos, in order. */
export async function showcaseRows(showcaseId: string, opts: { availableOnly?: boolean } = {}) {
  const items = await db.showcaseItem.findMany({ where: { showcaseId }, orderBy: { position: 'asc' } });
  if (items.length === 0) return [];
  const videos = await db.video.findMany({ where: { userId: items[0].userId, id: { in: items.map((i) => i.videoId) } } });
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
    pinned: item.pinned,
    aiGenerated: v.aiGenerated,
    link: item.linkUrl ? { url: item.linkUrl, label: item.linkLabel ?? 'Learn more' } : null,
  };
}

/** A showcase in order, with what is needed to show it without TikTok. */
export async function readItems(showcaseId: string, opts: { availableOnly?: boolean } = {}): Promise<ShowcaseEntry[]> {
  return (await showcaseRows(showcaseId, opts)).map(showcaseEntry);
}

/** The creator's default showcase in order (today's single-showcase API and editor). */
export async function readShowcase(userId: string, opts: { availableOnly?: boolean } = {}): Promise<ShowcaseEntry[]> {
  return readItems((await defaultShowcase(userId)).id, opts);
}

/** Whether the default showcase is public, and since when it first was (null: a draft never published). */
export async function publicationOf(userId: string): Promise<{ published: boolean; publishedAt: string | null }> {
  const showcase = await defaultShowcase(userId);
  return { published: showcase.published, publishedAt: showcase.publishedAt?.toISOString() ?? null };
}

/** What the dashboard's editor of the default showcase shows: its items and whether it is public. */
export async function editorState(userId: string) {
  const showcase = await defaultShowcase(userId);
  return {
    items: await readItems(showcase.id),
    published: showcase.published,
    publishedAt: showcase.publishedAt?.toISOString() ?? null,
  };
}
