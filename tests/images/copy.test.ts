import { delay, HttpResponse, http } from 'msw';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { copyImage, IMAGE_WIDTHS, MAX_SOURCE_BYTES, tryCopyImage } from '@/lib/images/copy';
import { imageStore } from '@/lib/images/store';
import { db } from '@/lib/platform/db/client';
import { migrateTestDb } from '../support/db';
import { setupMsw } from '../support/msw';

// The copy pipeline against TikTok's CDN, faked with MSW at the CDN fetch (lib/tiktok/cdn.ts, the
// TikTok client's boundary for pictures). A short timeout stands in for TikTok's 10 s, and an extra
// CDN host shows TIKTOK_CDN_HOSTS at work (set before any import reads the configuration).
vi.hoisted(() => {
  process.env.TIKTOK_TIMEOUT_MS = '400';
  process.env.TIKTOK_CDN_HOSTS = 'pics.cdn-test.example';
});

const server = setupMsw();
beforeAll(() => migrateTestDb());

const CDN = 'https://p16-sign-va.tiktokcdn.com';
const signed = (path: string) => `${CDN}${path}?x-expires=1900000000&x-signature=SECRETSIG`;

async function jpeg(color = '#c04020', width = 540, height = 960): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .withExif({ IFD0: { Copyright: 'private camera data', Artist: 'someone' } })
    .jpeg()
    .toBuffer();
}

const image = (bytes: Buffer, type = 'image/jpeg') =>
  new HttpResponse(new Uint8Array(bytes), { headers: { 'Content-Type': type, 'Content-Length': String(bytes.length) } });

async function rows(hash: string) {
  return db.image.findMany({ where: { hash }, orderBy: { width: 'asc' } });
}

describe('copyImage', () => {
  it('stores a JPEG cover as WebP at 240, 480 and 720 px, 9:16, without its metadata, with a dominant colour', async () => {
    const source = await jpeg('#c04020');
    let accept = '';
    server.use(
      http.get(`${CDN}/cover-a.jpeg`, ({ request }) => {
        accept = request.headers.get('accept') ?? '';
        return image(source);
      }),
    );
    const hash = await copyImage('cover', signed('/cover-a.jpeg'));
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(accept).toBe('image/webp,image/jpeg');
    const stored = await rows(hash);
    expect(stored.map((r) => [r.width, r.height])).toEqual([
      [240, 427],
      [480, 853],
      [720, 1280],
    ]);
    for (const r of stored) {
      const meta = await sharp(r.bytes).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.width, meta.height]).toEqual([r.width, r.height]);
      expect(meta.exif).toBeUndefined();
      expect(Buffer.from(r.bytes).includes('private camera data')).toBe(false);
    }
    // A flat #c04020 picture: its dominant colour is close to that (sharp's histogram bins are 8 wide).
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(stored[0].color.slice(i, i + 2), 16));
    expect(Math.abs(r - 0xc0) + Math.abs(g - 0x40) + Math.abs(b - 0x20)).toBeLessThan(40);
  });

  it('stores an avatar at 96 and 192 px, square', async () => {
    const source = await jpeg('#2050a0', 300, 300);
    server.use(http.get(`${CDN}/avatar.jpeg`, () => image(source)));
    const hash = await copyImage('avatar', signed('/avatar.jpeg'));
    expect((await rows(hash)).map((r) => [r.width, r.height])).toEqual(IMAGE_WIDTHS.avatar.map((w) => [w, w]));
  });

  it('keeps one copy of the same bytes, whatever URL they came from', async () => {
    const source = await jpeg('#10a040');
    server.use(http.get(`${CDN}/same-:n.jpeg`, () => image(source)));
    const put = vi.spyOn(imageStore, 'put');
    const first = await copyImage('cover', signed('/same-1.jpeg'));
    const second = await copyImage('cover', signed('/same-2.jpeg'));
    expect(second).toBe(first);
    expect(put).toHaveBeenCalledTimes(1);
    expect(await rows(first)).toHaveLength(3);
    put.mockRestore();
  });

  it('follows a redirect to another TikTok CDN host, and fetches TIKTOK_CDN_HOSTS hosts', async () => {
    const source = await jpeg('#303030');
    server.use(
      http.get(`${CDN}/moved.jpeg`, () => new HttpResponse(null, { status: 302, headers: { Location: 'https://pics.cdn-test.example/moved.webp' } })),
      http.get('https://pics.cdn-test.example/moved.webp', () => image(source)),
    );
    expect(await copyImage('cover', signed('/moved.jpeg'))).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('copyImage refuses what is not a picture from TikTok, and stores nothing', () => {
  const refused = async (path: string, reason: string | RegExp) => {
    const before = await db.image.count();
    await expect(copyImage('cover', signed(path))).rejects.toThrow(reason);
    expect(await db.image.count()).toBe(before);
  };

  it('an HTML page instead of an image, whatever its content type says', async () => {
    const html = '<!doctype html><html><body>Access Denied</body></html>';
    server.use(
      http.get(`${CDN}/html.jpeg`, () => HttpResponse.html(html)),
      http.get(`${CDN}/html-as-jpeg.jpeg`, () => new HttpResponse(html, { headers: { 'Content-Type': 'image/jpeg' } })),
    );
    await refused('/html.jpeg', /^not_an_image/);
    await refused('/html-as-jpeg.jpeg', /^not_decodable/);
  });

  it('a body over 5 MB, declared or streamed', async () => {
    const big = new Uint8Array(10 * 1024 * 1024);
    server.use(
      http.get(`${CDN}/big-declared.jpeg`, () => new HttpResponse(big, { headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(big.length) } })),
      http.get(`${CDN}/big-streamed.jpeg`, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(1024 * 1024));
            controller.close();
          },
        });
        return new HttpResponse(stream, { headers: { 'Content-Type': 'image/jpeg' } });
      }),
    );
    expect(big.length).toBeGreaterThan(MAX_SOURCE_BYTES);
    await refused('/big-declared.jpeg', /^too_large/);
    await refused('/big-streamed.jpeg', /^too_large/);
  });

  it('a truncated JPEG', async () => {
    const whole = await jpeg('#804080');
    server.use(http.get(`${CDN}/truncated.jpeg`, () => image(whole.subarray(0, Math.floor(whole.length / 2)))));
    await refused('/truncated.jpeg', /^not_decodable/);
  });

  it('an SVG (not a raster picture)', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="160"><rect width="90" height="160" fill="red"/></svg>';
    server.use(http.get(`${CDN}/cover.svg`, () => new HttpResponse(svg, { headers: { 'Content-Type': 'image/svg+xml' } })));
    await refused('/cover.svg', /^not_decodable/);
  });

  it('a redirect to a host that is not TikTok’s CDN (never followed)', async () => {
    server.use(http.get(`${CDN}/elsewhere.jpeg`, () => new HttpResponse(null, { status: 302, headers: { Location: 'https://evil.example/x.jpeg' } })));
    // MSW answers any request it has no handler for with an error: evil.example is never asked.
    await refused('/elsewhere.jpeg', /^redirect_elsewhere: evil\.example/);
  });

  it('a URL that is not TikTok’s CDN, or not https (never fetched)', async () => {
    await expect(copyImage('cover', 'https://evil.example/x.jpeg')).rejects.toThrow(/^not_cdn/);
    await expect(copyImage('cover', 'http://p16-sign-va.tiktokcdn.com/x.jpeg')).rejects.toThrow(/^not_cdn/);
    await expect(copyImage('cover', 'https://user:pw@p16-sign-va.tiktokcdn.com/x.jpeg')).rejects.toThrow(/^not_cdn/);
  });

  it('an error status (403 after x-expires)', async () => {
    server.use(http.get(`${CDN}/expired.jpeg`, () => new HttpResponse('Access Denied', { status: 403 })));
    await refused('/expired.jpeg', /^http_status: 403/);
  });

  it('a CDN that stalls past the TikTok timeout', async () => {
    server.use(
      http.get(`${CDN}/stall.jpeg`, async () => {
        await delay(30_000);
        return image(await jpeg());
      }),
    );
    const started = Date.now();
    await refused('/stall.jpeg', /^timeout/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('tryCopyImage', () => {
  it('answers null and logs one warning that names the reason and never the signature', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    server.use(http.get(`${CDN}/broken.jpeg`, () => HttpResponse.html('<html></html>')));
    expect(await tryCopyImage('cover', signed('/broken.jpeg'), 'the cover of video 1')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/the cover of video 1: not_an_image/);
    expect(String(warn.mock.calls[0][0])).not.toContain('SECRETSIG');
    warn.mockRestore();
  });
});
