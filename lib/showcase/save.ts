import 'server-only';
import { db } from '../platform/db/client';
import { NotOwnedError, writeItems } from './items';
import { readItems } from './read';
import { defaultShowcase } from './showcase-rows';
import type { ShowcaseEntry } from './types';

export { NotOwnedError };

/**
 * Replaces the default showcase's videos (PUT /api/showcase, today's editor): ids in order; a video
 * that stays keeps its call-to-action link. See writeItems for what is checked and copied.
 */
export async function saveShowcase(userId: string, videoIds: string[]): Promise<ShowcaseEntry[]> {
  const showcase = await defaultShowcase(userId);
  const links = new Map(
    (
      await db.showcaseItem.findMany({ where: { showcaseId: showcase.id, linkUrl: { not: null } }, select: { videoId: true, linkUrl: true, linkLabel: true } })
    ).map((i) => [i.videoId, { url: i.linkUrl as string, label: i.linkLabel ?? 'Learn more' }]),
  );
  await writeItems(
    showcase,
    videoIds.map((videoId) => ({ videoId, link: links.get(videoId) })),
  );
  return readItems(showcase.id);
}
