import 'server-only';
import { z } from 'zod';
import { env } from '../platform/config/env';
import { paths } from '../platform/http/paths';
import { playerEmbedUrl } from '../tiktok/player';
import type { PublicShowcase } from './public';
import { publicPageUrl } from './share-metadata';
import type { PictureSources } from './types';

export const publicApiQuerySchema = z.object({
  /** `stats=1` adds view and like counts (the creator's public numbers on TikTok). */
  stats: z.enum(['0', '1']).default('0'),
});

/** A copy's widths as absolute URLs on the app's origin, with its colour; null when there is no copy yet. */
function images(app: string, sources: PictureSources | null) {
  if (!sources) return null;
  return {
    color: sources.color,
    sources: sources.files.map((f) => ({ url: `${app}${f.path}`, width: f.width, height: f.height })),
  };
}

/**
 * The public JSON shape of a showcase: app URLs that stay valid (`coverUrl` and `avatarUrl` are
 * stable URLs that redirect to the app's current copy; `cover` and `avatar` name the copies
 * themselves, immutable), never a TikTok CDN URL, never a token, never an internal id.
 */
export function publicShowcaseJson(showcase: PublicShowcase, opts: { stats: boolean }) {
  const app = env().appUrl;
  const { user } = showcase;
  return {
    showcase: {
      slug: showcase.showcase.slug,
      title: showcase.showcase.title,
      description: showcase.showcase.description,
      isDefault: showcase.showcase.isDefault,
      url: publicPageUrl(user.handle, showcase.showcase.isDefault ? null : showcase.showcase.slug),
    },
    creator: {
      displayName: user.displayName,
      handle: user.handle,
      avatarUrl: `${app}${paths.avatar(user.handle)}`,
      avatar: images(app, user.avatar),
      profileUrl: publicPageUrl(user.handle),
    },
    videos: showcase.items.map((v) => ({
      id: v.videoId,
      title: v.title,
      durationSeconds: v.durationSeconds,
      createdAt: v.createdAt,
      coverUrl: `${app}${v.coverUrl}`,
      cover: images(app, v.cover),
      embedUrl: playerEmbedUrl(v.videoId),
      watchUrl: `${app}${paths.watch(v.videoId)}`,
      shareUrl: v.shareUrl,
      aiGenerated: v.aiGenerated,
      link: v.link,
      ...(opts.stats ? { stats: { views: v.viewCount, likes: v.likeCount } } : {}),
    })),
    updatedAt: showcase.updatedAt,
  };
}
