import 'server-only';
import { db } from '../platform/db/client';
import { paths } from '../platform/http/paths';
import { heightOf, IMAGE_WIDTHS } from './copy';
import type { ImageKind } from './store';

/** What an <img> of a copy needs: a default src, the srcset of every stored width, the colour to paint while it loads. */
export type ImageSources = { hash: string; src: string; srcSet: string; color: string; files: Array<{ path: string; width: number; height: number }> };

/** The default width of each kind in `src` (the srcset lets the browser pick another). */
const DEFAULT_WIDTH: Record<ImageKind, number> = { cover: 480, avatar: 192 };

export function sourcesOf(kind: ImageKind, hash: string, color: string): ImageSources {
  const files = IMAGE_WIDTHS[kind].map((width) => ({ path: paths.image(hash, width), width, height: heightOf(kind, width) }));
  return {
    hash,
    src: paths.image(hash, DEFAULT_WIDTH[kind]),
    srcSet: files.map((f) => `${f.path} ${f.width}w`).join(', '),
    color,
    files,
  };
}

/** The sources of the copies among `hashes` that are stored (a hash without a copy gets none: the placeholder shows). */
export async function imageSources(kind: ImageKind, hashes: Array<string | null>): Promise<Map<string, ImageSources>> {
  const wanted = [...new Set(hashes.filter((h): h is string => Boolean(h)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.image.findMany({ where: { hash: { in: wanted }, width: IMAGE_WIDTHS[kind][0] }, select: { hash: true, color: true } });
  return new Map(rows.map((r) => [r.hash, sourcesOf(kind, r.hash, r.color)]));
}
