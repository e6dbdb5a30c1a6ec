import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { env } from '../platform/config/env';
import { paths } from '../platform/http/paths';
import { playerEmbedUrl } from '../tiktok/player';
import type { PublicShowcase } from './public';
import { publicPageUrl } from './share-metadata';

export const publicApiQuerySchema = z.object({
  /** `stats=1` adds view and like counts (the creator's public numbers on TikTok). */
  stats: z.enum(['0', '1']).default('0'),
});

/**
 * The public JSON shape of a showcase: app URLs that stay valid (covers and avatar redirect to
 * TikTok's current signed URLs), never a token, never an internal id.
 */
export function publicShowcaseJson(showcase: PublicShowcase, opts: { stats: boolean }) {
  const app = env().appUrl;
  const { user } = showcase;
  return {
    creator: {
      displayName: user.displayName,
      handle: user.handle,
      avatarUrl: `${app}${paths.avatar(user.handle)}`,
      profileUrl: publicPageUrl(user.handle),
    },
    videos: showcase.items.map((v) => ({
      id: v.videoId,
      title: v.title,
      durationSeconds: v.durationSeconds,
      createdAt: v.createdAt,
      coverUrl: `${app}${v.coverUrl}`,
      embedUrl: playerEmbedUrl(v.videoId),
      watchUrl: `${app}${paths.watch(v.videoId)}`,
      shareUrl: v.shareUrl,
      ...(opts.stats ? { stats: { views: v.viewCount, likes: v.likeCount } } : {}),
    })),
    updatedAt: showcase.updatedAt,
  };
}

/** A strong ETag of a response body. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
