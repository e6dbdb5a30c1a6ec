import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { imageSources } from '../images/sources';
import { db } from '../platform/db/client';
import { videoLabel } from '../platform/format';
import { paths } from '../platform/http/paths';
import { isTikTokShareUrl } from '../tiktok/cdn';
import { showcaseEntry, showcaseRows } from './read';
import { handleSchema, slugSchema, videoIdSchema } from './schema';
import { creatorTag, showcaseTag } from './tags';
import type { PictureSources, PublicVideo } from './types';

/** A published showcase the page links to: its title and path. */
export type ShowcaseLinkOut = { title: string; path: string; isDefault: boolean };

export type PublicShowcase = {
  user: { id: string; displayName: string; username: string | null; handle: string; avatar: PictureSources | null };
  showcase: { id: string; slug: string; title: string; description: string; isDefault: boolean };
  /** The creator's other published showcases, in the creator's order. */
  others: ShowcaseLinkOut[];
  items: PublicVideo[];
  /** When anything shown last changed: the newest of the profile, the save and the videos' metadata. */
  updatedAt: string;
};

const toNumber = (n: bigint | null) => (n === null ? null : Number(n));

/** A published showcase by handle and slug (null: the default), straight from the database. */
export async function loadPublicShowcase(handle: string, slug: string | null = null): Promise<PublicShowcase | null> {
  const user = await db.user.findUnique({
    where: { handle },
    select: { id: true, displayName: true, username: true, handle: true, published: true, updatedAt: true, avatarHash: true },
  });
  if (!user?.published) return null;
  const all = await db.showcase.findMany({
    where: { userId: user.id, published: true },
    orderBy: [{ position: 'asc' }, { isDefault: 'desc' }, { createdAt: 'asc' }],
  });
  const showcase = all.find((s) => (slug ? s.slug === slug : s.isDefault));
  if (!showcase) return null;
  const rows = await showcaseRows(showcase.id, { availableOnly: true });
  const [covers, avatars] = await Promise.all([
    imageSources(
      'cover',
      rows.map((r) => r.video.coverHash),
    ),
    imageSources('avatar', [user.avatarHash]),
  ]);
  const times = [user.updatedAt, showcase.updatedAt, ...rows.flatMap(({ item, video }) => [item.addedAt, video.updatedAt])].map((d) => d.getTime());
  return {
    user: {
      id: user.id,
      displayName: user.displayName,
      username: user.username,
      handle: user.handle,
      avatar: (user.avatarHash && avatars.get(user.avatarHash)) || null,
    },
    showcase: { id: showcase.id, slug: showcase.slug, title: showcase.title, description: showcase.description, isDefault: showcase.isDefault },
    others: all
      .filter((s) => s.id !== showcase.id)
      .map((s) => ({ title: s.title, path: paths.publicPage(user.handle, s.isDefault ? null : s.slug), isDefault: s.isDefault })),
    items: rows.map((row) => ({
      ...showcaseEntry(row),
      createdAt: row.video.createTime.toISOString(),
      // Rows saved before share links were checked at the adapter are checked again on the way out.
      shareUrl: row.video.shareUrl && isTikTokShareUrl(row.video.shareUrl) ? row.video.shareUrl : '',
      viewCount: toNumber(row.video.viewCount),
      likeCount: toNumber(row.video.likeCount),
      cover: (row.video.coverHash && covers.get(row.video.coverHash)) || null,
    })),
    updatedAt: new Date(Math.max(...times)).toISOString(),
  };
}

/** Thrown inside the cached loader so that unstable_cache keeps nothing for a handle with no showcase. */
class NoShowcase extends Error {}

/**
 * The same, cached across requests (and instances, with Redis) until the creator changes it, under
 * the showcase's tag and the creator's (lib/showcase/tags.ts). Only a published showcase is kept: a
 * handle or slug anybody can make up costs one query and leaves nothing behind.
 */
export const getPublicShowcase = cache(async (handle: string, slug: string | null = null): Promise<PublicShowcase | null> => {
  // Nothing to look up, nothing to cache.
  if (!handleSchema.safeParse(handle).success || (slug !== null && !slugSchema.safeParse(slug).success)) return null;
  const cached = unstable_cache(
    async () => {
      const showcase = await loadPublicShowcase(handle, slug);
      if (!showcase) throw new NoShowcase();
      return showcase;
    },
    ['public-showcase', handle, slug ?? ''],
    { tags: [showcaseTag(handle, slug), creatorTag(handle)], revalidate: 300 },
  );
  try {
    return await cached();
  } catch (e) {
    if (e instanceof NoShowcase) return null;
    throw e;
  }
});

/** A video a published showcase shows (available, in its creator's showcase): its title and TikTok link, or null. */
export async function publicVideo(videoId: string): Promise<{ title: string; shareUrl: string } | null> {
  const id = videoIdSchema.safeParse(videoId);
  if (!id.success) return null;
  const v = await db.video.findFirst({
    where: { id: id.data, available: true, user: { published: true, showcaseItems: { some: { videoId: id.data, showcase: { published: true } } } } },
    select: { title: true, description: true, shareUrl: true },
  });
  return v ? { title: videoLabel(v), shareUrl: v.shareUrl } : null;
}
