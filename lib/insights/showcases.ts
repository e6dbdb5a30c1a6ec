import 'server-only';
import { db } from '../platform/db/client';
import { videoLabel } from '../platform/format';

// The one place insights asks what a showcase is and who owns it (the Showcase table of
// lib/showcase; insights sits on lib/platform alone, so it reads the rows itself).

export type ShowcaseRef = { id: string; name: string; handle: string };

/** A showcase anybody may see: published, of a creator who is present (not disconnected). */
const PUBLIC = { published: true, user: { published: true } } as const;

/** The ids of the showcases `userId` owns. */
export async function ownedShowcaseIds(userId: string): Promise<string[]> {
  return (await ownedShowcases(userId)).map((s) => s.id);
}

/** The showcases `userId` owns, in the creator's order, for the Insights view's switcher. */
export async function ownedShowcases(userId: string): Promise<ShowcaseRef[]> {
  const rows = await db.showcase.findMany({
    where: { userId },
    orderBy: [{ position: 'asc' }, { isDefault: 'desc' }, { createdAt: 'asc' }],
    select: { id: true, title: true, user: { select: { handle: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.title, handle: r.user.handle }));
}

/** Whether showcase `id` is `userId`'s (another creator's, or none, is not: the route answers 404). */
export async function isOwnedShowcase(userId: string, id: string): Promise<boolean> {
  return (await db.showcase.count({ where: { id, userId } })) > 0;
}

/** The showcase a /watch page's video belongs to (the first published one that shows it), or null. */
export async function showcaseOfVideo(videoId: string): Promise<string | null> {
  const item = await db.showcaseItem.findFirst({
    where: { videoId, showcase: PUBLIC },
    orderBy: [{ showcase: { isDefault: 'desc' } }, { showcase: { position: 'asc' } }],
    select: { showcaseId: true },
  });
  return item?.showcaseId ?? null;
}

/** The videos a published showcase shows, or null when there is no such published showcase. */
export async function publishedShowcaseVideos(id: string): Promise<Set<string> | null> {
  const showcase = await db.showcase.findFirst({ where: { id, ...PUBLIC }, select: { items: { select: { videoId: true } } } });
  return showcase ? new Set(showcase.items.map((i) => i.videoId)) : null;
}

/** The videos a showcase shows, in its order (the sandbox's demo history favours the first). */
export async function showcaseVideoIds(id: string): Promise<string[]> {
  const items = await db.showcaseItem.findMany({ where: { showcaseId: id }, orderBy: { position: 'asc' }, select: { videoId: true } });
  return items.map((i) => i.videoId);
}

/** The titles of videos of these showcases, for the top-videos list. */
export async function videoTitles(showcaseIds: string[], videoIds: string[]): Promise<Map<string, string>> {
  if (!videoIds.length) return new Map();
  const owners = await db.showcase.findMany({ where: { id: { in: showcaseIds } }, select: { userId: true }, distinct: ['userId'] });
  const rows = await db.video.findMany({
    where: { userId: { in: owners.map((o) => o.userId) }, id: { in: videoIds } },
    select: { id: true, title: true, description: true },
  });
  return new Map(rows.map((r) => [r.id, videoLabel(r)]));
}

/** The showcases of the creator with this TikTok username (the sandbox's traffic action). */
export async function showcaseIdsOfUsername(username: string): Promise<string[]> {
  const user = await db.user.findFirst({ where: { username }, select: { id: true } });
  return user ? ownedShowcaseIds(user.id) : [];
}

/** Which of these showcase ids still exist (a flush after "Delete my data" adds nothing back). */
export async function existingShowcaseIds(ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.showcase.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
