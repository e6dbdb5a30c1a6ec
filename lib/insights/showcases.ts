import 'server-only';
import { db } from '../platform/db/client';
import { videoLabel } from '../platform/format';

// The one place insights asks what a showcase is and who owns it. Until the Showcase table exists
// (the "several showcases" issue) every creator has one showcase, the default one, whose id is the
// creator's User.id; these functions switch to that table when it lands, and nothing else changes.

export type ShowcaseRef = { id: string; name: string; handle: string };

/** The ids of the showcases `userId` owns (today: the default one). */
export async function ownedShowcaseIds(userId: string): Promise<string[]> {
  return (await ownedShowcases(userId)).map((s) => s.id);
}

/** The showcases `userId` owns, for the Insights view's switcher. */
export async function ownedShowcases(userId: string): Promise<ShowcaseRef[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, handle: true } });
  return user ? [{ id: user.id, name: 'Showcase', handle: user.handle }] : [];
}

/** Whether showcase `id` is `userId`'s (another creator's, or none, is not: the route answers 404). */
export async function isOwnedShowcase(userId: string, id: string): Promise<boolean> {
  return (await ownedShowcaseIds(userId)).includes(id);
}

/** The showcase a /watch page's video belongs to (a published one that shows it), or null. */
export async function showcaseOfVideo(videoId: string): Promise<string | null> {
  const item = await db.showcaseItem.findFirst({ where: { videoId, user: { published: true } }, select: { userId: true } });
  return item?.userId ?? null;
}

/** The videos a published showcase shows, or null when there is no such published showcase. */
export async function publishedShowcaseVideos(id: string): Promise<Set<string> | null> {
  const user = await db.user.findUnique({ where: { id }, select: { published: true, showcaseItems: { select: { videoId: true } } } });
  return user?.published ? new Set(user.showcaseItems.map((i) => i.videoId)) : null;
}

/** The videos a showcase shows, in its order (the sandbox's demo history favours the first). */
export async function showcaseVideoIds(id: string): Promise<string[]> {
  const items = await db.showcaseItem.findMany({ where: { userId: id }, orderBy: { position: 'asc' }, select: { videoId: true } });
  return items.map((i) => i.videoId);
}

/** The titles of videos of these showcases, for the top-videos list. */
export async function videoTitles(showcaseIds: string[], videoIds: string[]): Promise<Map<string, string>> {
  if (!videoIds.length) return new Map();
  const rows = await db.video.findMany({
    where: { userId: { in: showcaseIds }, id: { in: videoIds } },
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
  const rows = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
