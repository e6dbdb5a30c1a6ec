import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { db } from '../platform/db/client';
import { HttpError } from '../platform/http/errors';
import { parseScopes, SCOPES } from '../tiktok/scopes';
import { reapplyRule } from './items';
import { pruneVideos } from './prune';
import { readItems } from './read';
import { edgePurgesOf, queueShowcasePurgeIn, revalidateShowcaseOf } from './revalidate';
import { describeRule, parseRule } from './rules';
import { MAX_SHOWCASES, RESERVED_SLUGS, type Rule, type showcaseCreateSchema, type showcasePatchSchema } from './schema';
import { publicPageUrl } from './share-metadata';
import { defaultShowcase, ownedShowcase, type ShowcaseRecord } from './showcase-rows';

// A creator's showcases: listing, creating, changing and deleting them (the dashboard and
// /api/showcases). The videos each shows are written by items.ts.

export type ShowcaseDto = {
  id: string;
  slug: string;
  title: string;
  description: string;
  rule: Rule;
  ruleSummary: string;
  published: boolean;
  isDefault: boolean;
  position: number;
  publicUrl: string;
};

export async function toDto(s: ShowcaseRecord, handle?: string): Promise<ShowcaseDto> {
  const h = handle ?? (await db.user.findUniqueOrThrow({ where: { id: s.userId }, select: { handle: true } })).handle;
  const rule = parseRule(s.rule);
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    description: s.description,
    rule,
    ruleSummary: describeRule(rule),
    published: s.published,
    isDefault: s.isDefault,
    position: s.position,
    publicUrl: publicPageUrl(h, s.isDefault ? null : s.slug),
  };
}

/** The creator's showcases in their order, the default first when positions tie. */
export async function listShowcases(userId: string): Promise<ShowcaseDto[]> {
  await defaultShowcase(userId);
  const [user, rows] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { handle: true } }),
    db.showcase.findMany({ where: { userId }, orderBy: [{ position: 'asc' }, { isDefault: 'desc' }, { createdAt: 'asc' }] }),
  ]);
  return Promise.all(rows.map((s) => toDto(s, user.handle)));
}

/** One showcase and what its public page shows now, in order. */
export async function showcaseDetail(userId: string, id: string) {
  const showcase = await ownedShowcase(userId, id);
  return { showcase: await toDto(showcase), items: await readItems(showcase.id, { availableOnly: true }) };
}

/** A slug from a title: lower case, ASCII letters and digits, hyphens between words. */
export function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return base && !RESERVED_SLUGS.includes(base) ? base : 'showcase';
}

/** The first of `base`, `base-2`, `base-3`, … the creator does not use yet. */
function freeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 40 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Rules pick from the creator's recent videos (video/list): without video.list a rule is refused
 * before anything is written, in words (such a creator builds manual showcases, by link).
 */
async function refuseRuleWithoutVideoList(userId: string, rule: Rule | undefined): Promise<void> {
  if (!rule || rule.kind === 'manual') return;
  const connection = await db.tikTokConnection.findUnique({ where: { userId }, select: { scopes: true } });
  if (!parseScopes(connection?.scopes).includes(SCOPES.videoList))
    throw new HttpError(
      'bad_request',
      'rule: a rule picks from your recent TikTok videos, and Showreel may not read them (video.list). Allow access to your videos when you connect TikTok, or choose your own picks.',
    );
}

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'P2002';
const slugTaken = (slug: string) => new HttpError('conflict', `slug: you already have a showcase at “${slug}”; choose another`);

export async function createShowcase(userId: string, input: z.infer<typeof showcaseCreateSchema>): Promise<ShowcaseDto> {
  await defaultShowcase(userId);
  await refuseRuleWithoutVideoList(userId, input.rule);
  const existing = await db.showcase.findMany({ where: { userId }, select: { slug: true, position: true } });
  if (existing.length >= MAX_SHOWCASES)
    throw new HttpError('conflict', `You have ${MAX_SHOWCASES} showcases, the most there can be: delete one to make another.`);
  const taken = new Set(existing.map((s) => s.slug));
  if (input.slug && taken.has(input.slug)) throw slugTaken(input.slug);
  const slug = input.slug ?? freeSlug(slugify(input.title), taken);
  let showcase: ShowcaseRecord;
  try {
    // A published one shows on the creator's other pages (each links the others): purged with it.
    const purges = input.published ? await edgePurgesOf(userId) : [];
    [showcase] = await db.$transaction([
      db.showcase.create({
        data: {
          id: randomUUID(),
          userId,
          slug,
          title: input.title,
          description: input.description,
          rule: JSON.stringify(input.rule),
          published: input.published,
          publishedAt: input.published ? new Date() : null,
          position: Math.max(0, ...existing.map((s) => s.position + 1)),
        },
      }),
      ...purges,
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken(slug);
    throw e;
  }
  await reapplyRule(showcase);
  if (showcase.published) await revalidateShowcaseOf(userId, { edgeQueued: true });
  return toDto(showcase);
}

export async function updateShowcase(userId: string, id: string, patch: z.infer<typeof showcasePatchSchema>): Promise<ShowcaseDto> {
  const before = await ownedShowcase(userId, id);
  await refuseRuleWithoutVideoList(userId, patch.rule);
  const data: Record<string, unknown> = {};
  if (patch.title !== undefined) data.title = patch.title;
  if (patch.description !== undefined) data.description = patch.description;
  if (patch.slug !== undefined) data.slug = patch.slug;
  if (patch.rule !== undefined) data.rule = JSON.stringify(patch.rule);
  if (patch.published !== undefined) {
    data.published = patch.published;
    if (patch.published && !before.publishedAt) data.publishedAt = new Date();
  }
  try {
    await db.$transaction(async (tx) => {
      if (patch.isDefault && !before.isDefault) {
        await tx.showcase.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
        data.isDefault = true;
      }
      if (patch.position !== undefined && patch.position !== before.position) {
        // Moves it to `position` in the creator's list; the others close up around it.
        const order = (
          await tx.showcase.findMany({ where: { userId }, orderBy: [{ position: 'asc' }, { isDefault: 'desc' }, { createdAt: 'asc' }], select: { id: true } })
        )
          .map((s) => s.id)
          .filter((sid) => sid !== id);
        order.splice(Math.min(patch.position, order.length), 0, id);
        for (const [position, sid] of order.entries()) if (sid !== id) await tx.showcase.update({ where: { id: sid }, data: { position } });
        data.position = order.indexOf(id);
      }
      await tx.showcase.update({ where: { id }, data });
      // Titles, slugs, the switch and the default show on every showcase of the creator.
      await queueShowcasePurgeIn(tx, (await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { handle: true } })).handle);
    });
  } catch (e) {
    if (isUniqueViolation(e) && patch.slug) throw slugTaken(patch.slug);
    throw e;
  }
  const after = await ownedShowcase(userId, id);
  if (patch.rule !== undefined) {
    // From a rule to manual, the list stays as it is (now the creator's own); to a rule, re-picked.
    if (parseRule(after.rule).kind === 'manual') await db.showcaseItem.updateMany({ where: { showcaseId: id }, data: { pinned: false } });
    else await reapplyRule(after);
    await pruneVideos(userId);
  }
  // Titles, slugs, the switch and the default show on every showcase of the creator (each links the others).
  await revalidateShowcaseOf(userId, { edgeQueued: true });
  return toDto(after);
}

export async function deleteShowcase(userId: string, id: string): Promise<void> {
  const showcase = await ownedShowcase(userId, id);
  if (showcase.isDefault) throw new HttpError('conflict', 'This is your default showcase: make another one the default first, then delete this one.');
  await db.$transaction([db.showcase.delete({ where: { id } }), ...(await edgePurgesOf(userId))]);
  await pruneVideos(userId);
  await revalidateShowcaseOf(userId, { edgeQueued: true });
}
