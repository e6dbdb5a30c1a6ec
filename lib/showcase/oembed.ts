import 'server-only';
import { z } from 'zod';
import { env } from '../platform/config/env';
import { escapeHtml } from '../platform/format';
import { paths } from '../platform/http/paths';
import { PLAYER_ALLOW } from '../tiktok/player';
import type { PublicShowcase } from './public';
import { handleSchema } from './schema';
import { publicPageUrl, SHARE_IMAGE, shareImageUrl, showcaseTitle } from './share-metadata';

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

/** The handle of a public page (`/u/{handle}`) or embed (`/embed/{handle}`) URL of this app, or null. */
export function handleOfShowcaseUrl(url: string): string | null {
  const u = new URL(url);
  if (u.origin !== new URL(env().appUrl).origin) return null;
  const m = u.pathname.match(/^\/(?:u|embed)\/([^/]+)\/?$/);
  const segment = m && decodedSegment(m[1]);
  const handle = segment === null ? null : handleSchema.safeParse(segment);
  return handle?.success ? handle.data : null;
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
  const src = `${app}${paths.embed(user.handle)}`;
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
    thumbnail_url: shareImageUrl(user.handle),
    thumbnail_width: SHARE_IMAGE.width,
    thumbnail_height: SHARE_IMAGE.height,
  };
}
