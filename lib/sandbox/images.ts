import 'server-only';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { escapeHtml } from '../platform/format';

// Generated images for the sandbox CDN: no downloads, deterministic per id. Drawn as SVG, served
// as JPEG (TikTok's CDN sends raster pictures, and the app's copy refuses SVG).

function hue(seed: string, offset = 0): number {
  return (
    ((parseInt(
      createHash('sha256')
        .update(seed)
        .digest('hex')
        .slice(offset, offset + 4),
      16,
    ) %
      360) +
      360) %
    360
  );
}

export function coverSvg(videoId: string, title: string): string {
  const a = hue(videoId);
  const b = (a + 60) % 360;
  const words = title.split(' ');
  const lines: string[] = [];
  for (const w of words) {
    const last = lines.at(-1);
    if (last && `${last} ${w}`.length <= 12) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  const text = lines
    .slice(0, 4)
    // A word longer than a line (e.g. "Three-ingredient") is squeezed to fit, with room for a card that crops the sides.
    .map(
      (l, i) =>
        `<text x="270" y="${430 + i * 60}" text-anchor="middle" font-size="44" font-family="system-ui, sans-serif" font-weight="700" fill="#fff"${l.length > 12 ? ' textLength="430" lengthAdjust="spacingAndGlyphs"' : ''}>${escapeHtml(l)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="540" height="960" viewBox="0 0 540 960">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${a} 80% 55%)"/><stop offset="1" stop-color="hsl(${b} 75% 35%)"/></linearGradient></defs>
<rect width="540" height="960" fill="url(#g)"/><circle cx="270" cy="250" r="70" fill="rgba(255,255,255,.25)"/><path d="M250 215 L305 250 L250 285 Z" fill="#fff"/>${text}</svg>`;
}

export function avatarSvg(openId: string, initials: string): string {
  const a = hue(openId, 8);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200"><rect width="200" height="200" rx="100" fill="hsl(${a} 70% 45%)"/><text x="100" y="124" text-anchor="middle" font-size="72" font-family="system-ui, sans-serif" font-weight="700" fill="#fff">${escapeHtml(initials)}</text></svg>`;
}

const rendered = new Map<string, Promise<Buffer>>();

/** An SVG drawn as a JPEG once per key (the pictures never change for an id); at most 500 kept. */
export function rasterize(key: string, svg: string): Promise<Buffer> {
  let jpeg = rendered.get(key);
  if (!jpeg) {
    if (rendered.size >= 500) rendered.clear();
    jpeg = sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    jpeg.catch(() => rendered.delete(key));
    rendered.set(key, jpeg);
  }
  return jpeg;
}
