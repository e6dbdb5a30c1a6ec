import 'server-only';
import { z } from 'zod';
import { env } from '../platform/config/env';
import { escapeHtml } from '../platform/format';
import { paths } from '../platform/http/paths';
import { PLAYER_ALLOW } from '../tiktok/player';
import type { PublicShowcase } from './public';
import { handleSchema, slugSchema } from './schema';
import { publicPageUrl, SHARE_IMAGE, showcaseTitle } from './share-metadata';

// oEmbed 1.0 (https://oembed.com): a site given a showcase link asks here how to embed it.

export const oembedQuerySchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  format: z.string().optional(),
  maxwidth: z.coerce.number().int().positive().optional(),
  maxheight: z.coerce.number().int().positive().optional(),
});

type OembedQuery = z.infer<typeof oembedQuerySchema>;

const WIDTH = 480;
const HEIGHT = 640;

/**
 * The showcase a URL of this app names, or null: a public page (`/u/{handle}` for the default,
 * `/u/{handle}/{slug}`) or an embed (`/embed/{handle}`, `?showcase={slug}` for another one).
 */
export function showcaseOfUrl(url: string): { handle: string; slug: string | null } | null {
  const u = new URL(url);
  if (u.origin !== new URL(env().appUrl).origin) return null;
  const m = u.pathname.match(/^\/(u|embed)\/([^/]+)(?:\/([^/]+))?\/?$/);
  if (!m || (m[1] === 'embed' && m[3])) return null;
  const segment = decodedSegment(m[2]);
  const handle = segment === null ? null : handleSchema.safeParse(segment);
  if (!handle?.success) return null;
  const rawSlug = m[1] === 'u' ? (m[3] ?? null) : u.searchParams.get('showcase') || null;
  if (rawSlug === null) return { handle: handle.data, slug: null };
  const slug = slugSchema.safeParse(decodedSegment(rawSlug));
  return slug.success ? { handle: handle.data, slug: slug.data } : null;
}

/** A path segment decoded, or null when it is not valid percent-encoding (`%zz`, `%ff`). */
function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function oembedResponse(showcase: PublicShowcase, q: OembedQuery) {
  const app = env().appUrl;
  const { user } = showcase;
  const width = Math.min(WIDTH, q.maxwidth ?? WIDTH);
  const height = Math.min(HEIGHT, q.maxheight ?? HEIGHT);
  const title = showcaseTitle(showcase);
  const slug = showcase.showcase.isDefault ? null : showcase.showcase.slug;
  const src = `${app}${paths.embed(user.handle)}${slug ? `?showcase=${encodeURIComponent(slug)}` : ''}`;
  return {
    version: '1.0',
    type: 'rich',
    html: `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(title)}" style="border:0;max-width:100%" loading="lazy" allow="${PLAYER_ALLOW}" allowfullscreen></iframe>`,
    width,
    height,
    title,
    author_name: user.displayName,
    author_url: publicPageUrl(user.handle),
    provider_name: 'Showreel',
    provider_url: app,
    cache_age: 3600,
    // The share image is 1200×630; consumers asking for less scale it (oEmbed allows a larger thumbnail only without maxwidth).
    thumbnail_url: `${app}${paths.shareImage(user.handle, slug)}`,
    thumbnail_width: SHARE_IMAGE.width,
    thumbnail_height: SHARE_IMAGE.height,
  };
}
