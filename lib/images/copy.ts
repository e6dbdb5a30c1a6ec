import 'server-only';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { errorMessage } from '../platform/errors';
import { CdnFetchError, fetchCdnImage } from '../tiktok/cdn';
import { type ImageKind, type ImageStore, imageStore } from './store';

// The copy pipeline: a cover or avatar fetched once from TikTok's CDN, decoded with sharp, stripped
// of its metadata, and stored as WebP at the widths the layouts use, with its dominant colour.

/** The widths each kind is stored at (covers 9:16, avatars square). */
export const IMAGE_WIDTHS: Record<ImageKind, readonly number[]> = { cover: [240, 480, 720], avatar: [96, 192] };

/** Height over width of each kind. */
const RATIO: Record<ImageKind, number> = { cover: 16 / 9, avatar: 1 };

export const heightOf = (kind: ImageKind, width: number) => Math.round(width * RATIO[kind]);

/** Anything bigger from the CDN is refused unread (a cover is some 100 kB). */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** Raster formats only: an SVG (scripts, external references) or anything else is not a picture we copy. */
const FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif']);

/** Bumped when the encoding changes, so a new pipeline's bytes never share a hash (an immutable URL) with the old one's. */
const PIPELINE = 'webp-1';

/** A source refused by the decoder (not an image, truncated, an unsupported format). */
export class ImageDecodeError extends Error {
  constructor(detail: string) {
    super(`not_decodable: ${detail}`);
    this.name = 'ImageDecodeError';
  }
}

/** The content hash of a source: the URL path segment of its copy. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(PIPELINE).update('\0').update(bytes).digest('hex').slice(0, 32);
}

const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');

async function encode(kind: ImageKind, source: Buffer) {
  const input = () => sharp(source, { failOn: 'truncated', limitInputPixels: 40_000_000, autoOrient: true });
  let format: string | undefined;
  try {
    format = (await input().metadata()).format;
  } catch (e) {
    throw new ImageDecodeError(errorMessage(e));
  }
  if (!format || !FORMATS.has(format)) throw new ImageDecodeError(`format ${format ?? 'unknown'}`);
  try {
    const files = await Promise.all(
      IMAGE_WIDTHS[kind].map(async (width) => {
        const height = heightOf(kind, width);
        const bytes = await input().resize(width, height, { fit: 'cover' }).webp({ quality: 78, effort: 4 }).toBuffer();
        return { width, height, bytes: new Uint8Array(bytes) };
      }),
    );
    const { dominant } = await sharp(files[0].bytes).stats();
    return { files, color: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}` };
  } catch (e) {
    throw new ImageDecodeError(errorMessage(e));
  }
}

/**
 * Copies one picture: fetched from the CDN (allowed hosts only, at most 5 MB, within the TikTok
 * timeout), then stored unless a copy of the same bytes already is. Returns its hash. Throws a
 * CdnFetchError or ImageDecodeError; nothing is stored then.
 */
export async function copyImage(kind: ImageKind, url: string, store: ImageStore = imageStore): Promise<string> {
  const { bytes } = await fetchCdnImage(url, { maxBytes: MAX_SOURCE_BYTES });
  const hash = contentHash(bytes);
  if (await store.has(hash)) return hash;
  const { files, color } = await encode(kind, bytes);
  await store.put({ hash, kind, color, files });
  return hash;
}

/**
 * The same, for callers that carry on without it: null when the copy could not be made, with one
 * warning naming what and why (never the signed URL). The previous copy, if any, stays in use.
 */
export async function tryCopyImage(kind: ImageKind, url: string, what: string): Promise<string | null> {
  try {
    return await copyImage(kind, url);
  } catch (e) {
    const why = e instanceof CdnFetchError || e instanceof ImageDecodeError ? e.message : errorMessage(e);
    console.warn(`[images] no new copy of ${what}: ${why}`);
    return null;
  }
}
