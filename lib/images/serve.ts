import 'server-only';
import sharp from 'sharp';
import { z } from 'zod';
import { matchesEtag } from '../platform/http/etag';
import { jsonError } from '../platform/http/index';
import { paths } from '../platform/http/paths';
import { IMAGE_WIDTHS } from './copy';
import { type ImageKind, imageStore } from './store';

// Answering the app's own picture URLs: the copies themselves, and the stable URLs that lead to them.

const WIDTHS = new Set([...IMAGE_WIDTHS.cover, ...IMAGE_WIDTHS.avatar]);

export const imageParamsSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{32}$/),
  file: z
    .string()
    .regex(/^\d{2,4}\.webp$/)
    .transform((f) => Number.parseInt(f, 10))
    .refine((w) => WIDTHS.has(w)),
});

/** A year, immutable: the URL names the content, so what it answers never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `/img/{hash}/{width}.webp`: the WebP bytes with an ETag (304 when the browser has them), or 404. */
export async function imageResponse(request: Request, hash: string, width: number): Promise<Response> {
  const etag = `"${hash}-${width}"`;
  const headers = { 'Cache-Control': IMMUTABLE, ETag: etag };
  if (matchesEtag(request.headers.get('if-none-match'), etag)) {
    // Only for a copy that still exists: a deleted creator's picture is not confirmed either.
    if (await imageStore.has(hash)) return new Response(null, { status: 304, headers });
  }
  const file = await imageStore.file(hash, width);
  if (!file) return jsonError('not_found', 'No such image.');
  return new Response(file.bytes, {
    headers: {
      ...headers,
      'Content-Type': 'image/webp',
      'Content-Length': String(file.bytes.byteLength),
      // Next drops Content-Length from route handlers; `npm start` (scripts/server.mjs) puts it back from this.
      'X-Showreel-Length': String(file.bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The width a stable URL leads to: the largest of its kind. */
const LARGEST: Record<ImageKind, number> = { cover: Math.max(...IMAGE_WIDTHS.cover), avatar: Math.max(...IMAGE_WIDTHS.avatar) };

const PLACEHOLDER: Record<ImageKind, string> = { cover: paths.coverPlaceholder, avatar: paths.avatarPlaceholder };

/**
 * The answer of a stable picture URL (`/api/covers/{id}`, `/api/avatars/{handle}`): 404 when there is
 * no such public picture, else a redirect to the app's own copy, or to the placeholder when there is
 * none yet. Never to TikTok. Cacheable for 5 minutes (a sync may bring a new copy; a minute for the
 * placeholder).
 */
export function stableImageResponse(kind: ImageKind, hash: string | null | undefined, notFound: string): Response {
  if (hash === undefined) return jsonError('not_found', notFound);
  const location = hash ? paths.image(hash, LARGEST[kind]) : PLACEHOLDER[kind];
  return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': `public, max-age=${hash ? 300 : 60}` } });
}

/** One width of a copy as a JPEG data URL, for renderers that take no WebP (the share image), or null. */
export async function copyAsJpegDataUrl(hash: string, width: number): Promise<string | null> {
  const file = await imageStore.file(hash, width);
  if (!file) return null;
  const jpeg = await sharp(file.bytes).jpeg({ quality: 85 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
