import 'server-only';
import { db } from '../platform/db/client';
import { HttpError } from '../platform/http/errors';
import type { TikTokVideo } from '../tiktok/types';
import { addVideoByLink } from '../videos/by-link';
import { linkedVideoIds } from '../videos/linked';
import { candidatesOf, ensureCandidates } from './candidates';
import { copyCovers } from './cover-copies';
import { pruneVideos } from './prune';
import { edgePurgesOf, revalidateShowcase, revalidateShowcaseOf, showcasePurgesOf } from './revalidate';
import { parseRule, pickByRule } from './rules';
import { MAX_PINNED, type ShowcaseLink } from './schema';
import { ownedShowcase, type ShowcaseRecord } from './showcase-rows';
import { fetchOwnVideos, videoRow } from './tiktok-videos';

export type ItemInput = { videoId: string; link?: ShowcaseLink };

/** A save naming videos TikTok does not list as the creator's: answered 400 with the ids. */
export class NotOwnedError extends HttpError {
  constructor(readonly videoIds: string[]) {
    super('bad_request', `These videos are not yours or no longer exist on TikTok: ${videoIds.join(', ')}`, { extra: { videoIds } });
    this.name = 'NotOwnedError';
  }
}

/** The rule's picks after the pinned videos, from the stored candidates (refreshed when old). */
async function rulePicks(showcase: ShowcaseRecord, pinned: string[]): Promise<string[]> {
  const rule = parseRule(showcase.rule);
  if (rule.kind === 'manual') return [];
  await ensureCandidates(showcase.userId);
  return pickByRule(rule, await candidatesOf(showcase.userId), pinned);
}

/** Cover copies for stored videos (the rule's picks), from the signed URLs their rows keep. */
async function copyStoredCovers(userId: string, ids: string[]) {
  if (ids.length === 0) return new Map();
  const rows = await db.video.findMany({ where: { userId, id: { in: ids }, coverExpiresAt: { gt: new Date() } }, select: { id: true, coverUrl: true } });
  return copyCovers(userId, rows);
}

/**
 * Writes what a showcase shows: `items` first (the whole list of a manual showcase, the pinned
 * videos of a rule one), then the rule's picks. Ownership is checked against TikTok first; if any id
 * is refused, nothing is written. Covers are copied before the transaction. A draft default
 * showcase's first non-empty save publishes it.
 */
export async function writeItems(showcase: ShowcaseRecord, items: ItemInput[]): Promise<void> {
  const { userId } = showcase;
  const rule = parseRule(showcase.rule);
  if (rule.kind !== 'manual' && items.length > MAX_PINNED)
    throw new HttpError('bad_request', `items: a showcase with a ${rule.kind} rule pins at most ${MAX_PINNED} videos`);
  const ids = items.map((i) => i.videoId);
  // Videos added by link were proved the creator's through oEmbed when added (lib/videos/by-link.ts)
  // and are re-checked by the sync: they are not asked of the Display API (no video.list needed).
  const linked = await linkedVideoIds(userId, ids);
  const asked = ids.filter((id) => !linked.has(id));
  const own = asked.length ? await fetchOwnVideos(userId, asked) : new Map<string, TikTokVideo>();
  const missing = asked.filter((id) => !own.has(id));
  if (missing.length) throw new NotOwnedError(missing);
  const videos = asked.flatMap((id) => own.get(id) ?? []);
  const copies = await copyCovers(userId, videos);
  const picks = (await rulePicks(showcase, ids)).filter((id) => !ids.includes(id));
  const pickCopies = await copyStoredCovers(userId, picks);
  const pinned = rule.kind !== 'manual';
  // A draft default's first save of a non-empty showcase publishes it; later saves leave the switch alone.
  const publishes = showcase.isDefault && !showcase.publishedAt && items.length + picks.length > 0;
  // The edge's purge is written with the change (lib/showcase/revalidate.ts).
  const purges = publishes ? await edgePurgesOf(userId) : await showcasePurgesOf(showcase.id);
  await db.$transaction([
    db.showcaseItem.deleteMany({ where: { showcaseId: showcase.id } }),
    ...videos.map((v) => {
      const row = { ...videoRow(v), ...copies.get(v.id) };
      return db.video.upsert({ where: { userId_id: { userId, id: v.id } }, create: { userId, id: v.id, ...row }, update: row });
    }),
    ...picks.flatMap((id) => (pickCopies.has(id) ? [db.video.updateMany({ where: { userId, id }, data: pickCopies.get(id) })] : [])),
    db.showcaseItem.createMany({
      data: [
        ...items.map((i, position) => ({
          showcaseId: showcase.id,
          userId,
          videoId: i.videoId,
          position,
          pinned,
          linkUrl: i.link?.url,
          linkLabel: i.link?.label,
        })),
        ...picks.map((videoId, k) => ({ showcaseId: showcase.id, userId, videoId, position: items.length + k })),
      ],
    }),
    ...(publishes ? [db.showcase.updateMany({ where: { id: showcase.id, publishedAt: null }, data: { published: true, publishedAt: new Date() } })] : []),
    ...purges,
  ]);
  await pruneVideos(userId);
  // Being published changes every showcase of the creator (each links the others); a save, this one.
  if (publishes) await revalidateShowcaseOf(userId, { edgeQueued: true });
  else await revalidateShowcase(showcase.id, { edgeQueued: true });
}

/**
 * PUT /api/showcases/{id}/items. An item given by `url` is added by link first (lib/videos/by-link.ts:
 * the creator's own video, checked through TikTok's oEmbed); a link refused says why, naming the
 * item, and nothing of the showcase is written.
 */
export async function setItems(userId: string, showcaseId: string, items: Array<{ videoId?: string; url?: string; link?: ShowcaseLink }>): Promise<void> {
  const showcase = await ownedShowcase(userId, showcaseId);
  const resolved: ItemInput[] = [];
  for (const [k, item] of items.entries()) {
    let videoId = item.videoId;
    if (item.url !== undefined) {
      try {
        videoId = (await addVideoByLink(userId, item.url)).id;
      } catch (e) {
        if (e instanceof HttpError && e.code === 'bad_request') throw new HttpError('bad_request', `items.${k}.url: ${e.message}`);
        throw e;
      }
    }
    if (!videoId) throw new HttpError('bad_request', `items.${k}: give either videoId or url`);
    if (resolved.some((r) => r.videoId === videoId)) throw new HttpError('bad_request', `items.${k}: a video can appear only once`);
    resolved.push({ videoId, link: item.link });
  }
  await writeItems(showcase, resolved);
}

/**
 * A rule showcase's picks evaluated again over the stored candidates (a sync, a rule change): the
 * pinned videos stay first; written and revalidated only when what it shows changed. Returns
 * whether it changed.
 */
export async function reapplyRule(showcase: ShowcaseRecord): Promise<boolean> {
  if (parseRule(showcase.rule).kind === 'manual') return false;
  const current = await db.showcaseItem.findMany({ where: { showcaseId: showcase.id }, orderBy: { position: 'asc' } });
  // Pins stay even while TikTok does not show them (reading leaves unavailable videos out): a video
  // made private and public again is pinned again without the creator's help.
  const keptPins = current.filter((i) => i.pinned);
  const picks = await rulePicks(
    showcase,
    keptPins.map((i) => i.videoId),
  );
  const next = [...keptPins.map((i) => i.videoId), ...picks];
  if (next.length === current.length && next.every((id, k) => current[k].videoId === id)) return false;
  const pickCopies = await copyStoredCovers(showcase.userId, picks);
  const purges = await showcasePurgesOf(showcase.id);
  await db.$transaction([
    db.showcaseItem.deleteMany({ where: { showcaseId: showcase.id } }),
    ...picks.flatMap((id) => (pickCopies.has(id) ? [db.video.updateMany({ where: { userId: showcase.userId, id }, data: pickCopies.get(id) })] : [])),
    db.showcaseItem.createMany({
      data: [
        ...keptPins.map((i, position) => ({
          showcaseId: showcase.id,
          userId: showcase.userId,
          videoId: i.videoId,
          position,
          pinned: true,
          linkUrl: i.linkUrl,
          linkLabel: i.linkLabel,
          addedAt: i.addedAt,
        })),
        ...picks.map((videoId, k) => ({ showcaseId: showcase.id, userId: showcase.userId, videoId, position: keptPins.length + k })),
      ],
    }),
    ...purges,
  ]);
  await pruneVideos(showcase.userId);
  await revalidateShowcase(showcase.id, { edgeQueued: true });
  return true;
}
