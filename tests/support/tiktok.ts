import { createHash } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import type { SetupServer } from 'msw/node';
import sharp from 'sharp';
import { encryptToken } from '@/lib/auth/token-cipher';
import { db } from '@/lib/platform/db/client';
import { newId } from './db';
import { API } from './msw';

/** The fake TikTok CDN host covers point at. */
export const CDN = 'https://p16-sign.tiktokcdn.com';

const jpegs = new Map<string, Promise<Buffer>>();

/** A 90×160 JPEG of noise around a colour that follows the file name: the same name, the same bytes; another name, other bytes. */
export function coverJpeg(file: string): Promise<Buffer> {
  let bytes = jpegs.get(file);
  if (!bytes) {
    const digest = createHash('sha256').update(file).digest();
    bytes = sharp({ create: { width: 90, height: 160, channels: 3, background: '#000', noise: { type: 'gaussian', mean: digest[0], sigma: 40 } } })
      .jpeg()
      .toBuffer();
    jpegs.set(file, bytes);
  }
  return bytes;
}

export type FakeVideo = { id: string; title: string; createTime: number; views?: number; cover?: string; aigc?: boolean };

type Connection = { scopes?: string; access?: string; refresh?: string; accessExpiresInMs?: number; seal?: (plain: string, userId: string) => string };

/**
 * A creator in the database, connected with a token pair (`act.<id>` / `rft.<id>` unless given),
 * sealed with the app's cipher (or `seal`), the access token living `accessExpiresInMs` (a day).
 */
export async function connectedCreator(opts: Connection | string = {}) {
  const o: Connection = typeof opts === 'string' ? { scopes: opts } : opts;
  const userId = newId();
  const seal = o.seal ?? encryptToken;
  await db.user.create({
    data: {
      id: userId,
      openId: `open-${userId}`,
      displayName: 'Fake Creator',
      handle: `fake-${userId.slice(0, 8)}`,
      connection: {
        create: {
          accessTokenEnc: seal(o.access ?? `act.${userId}`, userId),
          refreshTokenEnc: seal(o.refresh ?? `rft.${userId}`, userId),
          accessExpiresAt: new Date(Date.now() + (o.accessExpiresInMs ?? 86_400_000)),
          refreshExpiresAt: new Date(Date.now() + 30 * 86_400_000),
          scopes: o.scopes ?? 'user.info.basic,video.list',
        },
      },
    },
  });
  return userId;
}

export const fakeVideos = (n: number, prefix = '7'): FakeVideo[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(1000 + i).padStart(18, '0')}`, title: `Video ${i}`, createTime: 1_800_000_000 - i * 3600 }));

const wireVideo = (v: FakeVideo) => ({
  id: v.id,
  title: v.title,
  create_time: v.createTime,
  cover_image_url: `${CDN}/${v.cover ?? `${v.id}.jpeg`}?x-expires=${Math.floor(Date.now() / 1000) + 6 * 3600}&x-signature=sig`,
  duration: 30,
  width: 1080,
  height: 1920,
  video_description: '',
  share_url: `https://www.tiktok.com/@fake/video/${v.id}`,
  embed_link: `https://www.tiktok.com/player/v1/${v.id}`,
  view_count: v.views ?? 100,
  like_count: 10,
  ...(v.aigc === undefined ? {} : { is_aigc: v.aigc }),
});

/**
 * TikTok's Display API for the creators of a test, and its CDN: `owned(token)` says whose videos a
 * bearer token sees. Counts calls per endpoint (the CDN's as `cdn`); `fail(endpoint, n, token)` makes
 * the nth call answer 500 (403 for the CDN).
 */
export function fakeDisplayApi(
  server: SetupServer,
  owned: (token: string) => FakeVideo[],
  fail: (endpoint: string, n: number, token: string) => boolean = () => false,
) {
  const calls: Record<string, number> = {};
  const count = (endpoint: string, token: string) => {
    calls[endpoint] = (calls[endpoint] ?? 0) + 1;
    return fail(endpoint, calls[endpoint], token);
  };
  const token = (request: Request) => (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
  const ok = (data: unknown) => HttpResponse.json({ data, error: { code: 'ok', message: '', log_id: 'test' } });
  const broken = () => HttpResponse.json({ data: {}, error: { code: 'internal_error', message: 'boom', log_id: 'test' } }, { status: 500 });
  server.use(
    // TikTok's CDN: each video's cover, a small JPEG of its own colour (so each cover is its own copy).
    http.get(`${CDN}/:file`, async ({ params }) => {
      if (count('cdn', '')) return new HttpResponse('Access Denied', { status: 403 });
      const bytes = await coverJpeg(String(params.file));
      return new HttpResponse(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(bytes.length) } });
    }),
    http.get(`${API}/v2/user/info/`, ({ request }) =>
      count('user/info', token(request))
        ? broken()
        : ok({
            user: {
              open_id: `open-${token(request).slice(4)}`,
              display_name: 'Fake Creator',
              avatar_url: `${CDN}/avatar-${token(request).slice(4)}.jpeg?x-expires=${Math.floor(Date.now() / 1000) + 6 * 3600}&x-signature=sig`,
            },
          }),
    ),
    http.post(`${API}/v2/video/list/`, ({ request }) =>
      count('video/list', token(request)) ? broken() : ok({ videos: owned(token(request)).slice(0, 20).map(wireVideo), cursor: 0, has_more: false }),
    ),
    http.post(`${API}/v2/video/query/`, async ({ request }) => {
      if (count('video/query', token(request))) return broken();
      const ids = ((await request.json()) as { filters?: { video_ids?: string[] } } | null)?.filters?.video_ids ?? [];
      if (ids.length < 1 || ids.length > 20)
        return HttpResponse.json({ data: {}, error: { code: 'invalid_params', message: '1-20 ids', log_id: 't' } }, { status: 400 });
      return ok({
        videos: owned(token(request))
          .filter((v) => ids.includes(v.id))
          .map(wireVideo),
        cursor: 0,
        has_more: false,
      });
    }),
  );
  return calls;
}
