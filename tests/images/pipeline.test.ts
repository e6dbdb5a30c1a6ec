import { delay, HttpResponse, http } from 'msw';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { publicAvatar } from '@/lib/account/avatar';
import { deleteUserData, disconnect } from '@/lib/account/lifecycle';
import { refreshProfile } from '@/lib/account/profile';
import { imageResponse, stableImageResponse } from '@/lib/images/serve';
import { db } from '@/lib/platform/db/client';
import { publicCover } from '@/lib/showcase/covers';
import { saveShowcase } from '@/lib/showcase/save';
import { runSync } from '@/lib/sync/run';
import { cdnCounter } from '@/lib/tiktok/cdn';
import { callCounter } from '@/lib/tiktok/transport';
import { migrateTestDb } from '../support/db';
import { API, setupMsw } from '../support/msw';
import { CDN, connectedCreator, coverJpeg, type FakeVideo, fakeDisplayApi, fakeVideos } from '../support/tiktok';

// Copies made at save, sync and profile read, against MSW's TikTok (API and CDN, see
// tests/support/tiktok.ts); what visitors get from them; and when they are deleted. A short
// timeout stands in for TikTok's 10 s (set before any import reads the configuration).
vi.hoisted(() => {
  process.env.TIKTOK_TIMEOUT_MS = '2000';
});

const server = setupMsw();
beforeAll(() => migrateTestDb());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const hashesOf = async (userId: string) =>
  new Map((await db.video.findMany({ where: { userId }, select: { id: true, coverHash: true } })).map((v) => [v.id, v.coverHash]));

const imageRows = (hashes: Array<string | null | undefined>) => db.image.count({ where: { hash: { in: hashes.filter((h): h is string => Boolean(h)) } } });

const jpegResponse = async (file: string) => {
  const bytes = await coverJpeg(file);
  return new HttpResponse(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(bytes.length) } });
};

describe('copies at save', () => {
  it('a save of 45 videos makes ceil(45/20) video/query calls and fetches each cover once; saving again fetches none', async () => {
    const videos = fakeVideos(45, '81');
    const userId = await connectedCreator();
    const calls = fakeDisplayApi(server, () => videos);
    await saveShowcase(
      userId,
      videos.map((v) => v.id),
    );
    expect(calls['video/query']).toBe(Math.ceil(45 / 20));
    expect(calls.cdn).toBe(45);
    const hashes = await hashesOf(userId);
    expect([...hashes.values()].every(Boolean)).toBe(true);
    expect(new Set(hashes.values()).size).toBe(45);
    expect(await imageRows([...hashes.values()])).toBe(45 * 3);
    await saveShowcase(
      userId,
      videos.map((v) => v.id),
    );
    expect(calls['video/query']).toBe(2 * Math.ceil(45 / 20));
    expect(calls.cdn).toBe(45);
    expect(await hashesOf(userId)).toEqual(hashes);
    // 45 covers encoded at three widths on a small machine: more than the default 5 s, never timed.
  }, 120_000);

  it('bad pictures (HTML, 10 MB, truncated JPEG, redirect elsewhere, a stall) keep the previous copy or the placeholder, one warning each, and the save succeeds', async () => {
    const videos: FakeVideo[] = fakeVideos(6, '82');
    const userId = await connectedCreator();
    fakeDisplayApi(server, () => videos.slice(0, 5));
    await saveShowcase(
      userId,
      videos.slice(0, 5).map((v) => v.id),
    );
    const before = await hashesOf(userId);
    expect([...before.values()].every(Boolean)).toBe(true);
    // TikTok now gives new covers, and its CDN answers each one badly.
    for (const v of videos) v.cover = `${v.id}-new.jpeg`;
    const whole = await coverJpeg('whole');
    const bad: Array<() => Promise<Response> | Response> = [
      () => HttpResponse.html('<html><body>Access Denied</body></html>'),
      () => new HttpResponse(new Uint8Array(10 * 1024 * 1024), { headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(10 * 1024 * 1024) } }),
      () => new HttpResponse(new Uint8Array(whole.subarray(0, whole.length >> 1)), { headers: { 'Content-Type': 'image/jpeg' } }),
      () => new HttpResponse(null, { status: 302, headers: { Location: 'https://images.evil.example/cover.jpeg' } }),
      async () => {
        await delay(30_000);
        return jpegResponse('late');
      },
      () => HttpResponse.html('<html></html>'),
    ];
    fakeDisplayApi(server, () => videos);
    server.use(...videos.map((v, i) => http.get(`${CDN}/${v.id}-new.jpeg`, bad[i])));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const saved = await saveShowcase(
      userId,
      videos.map((v) => v.id),
    );
    expect(saved).toHaveLength(6);
    const after = await hashesOf(userId);
    for (const v of videos.slice(0, 5)) expect(after.get(v.id)).toBe(before.get(v.id));
    expect(after.get(videos[5].id)).toBeNull();
    expect(await publicCover(videos[5].id)).toBeNull();
    const warnings = warn.mock.calls.map(([m]) => String(m));
    expect(warnings).toHaveLength(6);
    videos.forEach((v, i) => {
      expect(warnings.filter((w) => w.includes(v.id))).toHaveLength(1);
      expect(warnings.find((w) => w.includes(v.id))).toMatch(
        [/not_an_image/, /too_large/, /not_decodable/, /redirect_elsewhere: images\.evil\.example/, /timeout/, /not_an_image/][i],
      );
    });
    expect(warnings.join('\n')).not.toContain('x-signature');
  });
});

describe('what visitors get', () => {
  it('seven days past x-expires, TikTok’s CDN 403 and its API 500: every cover and the avatar still served, and no TikTok call by 20 visitors', async () => {
    const videos = fakeVideos(3, '83');
    const userId = await connectedCreator();
    fakeDisplayApi(server, () => videos);
    await saveShowcase(
      userId,
      videos.map((v) => v.id),
    );
    await refreshProfile(userId, ['user.info.basic']);
    const { handle } = await db.user.findUniqueOrThrow({ where: { id: userId } });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 7 * 86_400_000 + 6 * 3600_000);
    const calls = fakeDisplayApi(
      server,
      () => videos,
      () => true,
    );
    const apiBefore = [...callCounter.values()].reduce((a, b) => a + b, 0);
    const cdnBefore = cdnCounter.fetches;
    for (let visitor = 0; visitor < 20; visitor++) {
      for (const v of videos) {
        const hash = await publicCover(v.id);
        expect(hash).toMatch(/^[0-9a-f]{32}$/);
        const redirect = stableImageResponse('cover', hash, 'none');
        expect(redirect.headers.get('location')).toBe(`/img/${hash}/720.webp`);
        const image = await imageResponse(new Request(`https://showreel.test/img/${hash}/480.webp`), hash!, 480);
        expect(image.status).toBe(200);
      }
      const avatar = await publicAvatar(handle);
      expect(stableImageResponse('avatar', avatar, 'none').headers.get('location')).toBe(`/img/${avatar}/192.webp`);
    }
    expect(calls).toEqual({});
    expect([...callCounter.values()].reduce((a, b) => a + b, 0)).toBe(apiBefore);
    expect(cdnCounter.fetches).toBe(cdnBefore);
  });

  it('image responses: WebP, immutable, a Content-Length, an ETag and 304; 404 for an unknown copy', async () => {
    const videos = fakeVideos(1, '84');
    const userId = await connectedCreator();
    fakeDisplayApi(server, () => videos);
    await saveShowcase(userId, [videos[0].id]);
    const hash = (await hashesOf(userId)).get(videos[0].id)!;
    const res = await imageResponse(new Request('https://showreel.test/'), hash, 240);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(body.byteLength));
    expect(Buffer.from(body.subarray(8, 12)).toString('latin1')).toBe('WEBP');
    const etag = res.headers.get('etag')!;
    expect(etag).toBe(`"${hash}-240"`);
    const again = await imageResponse(new Request('https://showreel.test/', { headers: { 'If-None-Match': etag } }), hash, 240);
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await imageResponse(new Request('https://showreel.test/'), '0'.repeat(32), 240)).status).toBe(404);
    expect(
      (await imageResponse(new Request('https://showreel.test/', { headers: { 'If-None-Match': `"${'0'.repeat(32)}-240"` } }), '0'.repeat(32), 240)).status,
    ).toBe(404);
    expect(stableImageResponse('cover', null, 'none').headers.get('location')).toBe('/cover-placeholder.svg');
    expect(stableImageResponse('cover', undefined, 'none').status).toBe(404);
  });
});

describe('deleting copies', () => {
  const revokeOk = () => server.use(http.post(`${API}/v2/oauth/revoke/`, () => HttpResponse.json({})));

  it('"Delete my data" removes every image row of that creator, and leaves another creator’s', async () => {
    const mine = fakeVideos(3, '85');
    const theirs = fakeVideos(2, '86');
    const me = await connectedCreator();
    const other = await connectedCreator();
    fakeDisplayApi(server, (token) => (token === `act.${me}` ? mine : theirs));
    revokeOk();
    await saveShowcase(
      me,
      mine.map((v) => v.id),
    );
    await saveShowcase(
      other,
      theirs.map((v) => v.id),
    );
    await refreshProfile(me, ['user.info.basic']);
    const { avatarHash } = await db.user.findUniqueOrThrow({ where: { id: me } });
    expect(avatarHash).toMatch(/^[0-9a-f]{32}$/);
    const myHashes = [avatarHash, ...(await hashesOf(me)).values()];
    const theirHashes = [...(await hashesOf(other)).values()];
    expect(await imageRows(myHashes)).toBe(2 + 3 * 3);
    await deleteUserData(me);
    expect(await imageRows(myHashes)).toBe(0);
    expect(await imageRows(theirHashes)).toBe(2 * 3);
  });

  it('"Disconnect" removes the creator’s copies too', async () => {
    const videos = fakeVideos(2, '87');
    const userId = await connectedCreator();
    fakeDisplayApi(server, () => videos);
    revokeOk();
    await saveShowcase(
      userId,
      videos.map((v) => v.id),
    );
    const hashes = [...(await hashesOf(userId)).values()];
    expect(await imageRows(hashes)).toBe(2 * 3);
    await disconnect(userId);
    expect(await imageRows(hashes)).toBe(0);
    expect([...(await hashesOf(userId)).values()]).toEqual([null, null]);
  });

  it('a video removed from the showcase loses its copy at once; one made private loses it at the next sync', async () => {
    const videos: FakeVideo[] = fakeVideos(3, '88');
    const userId = await connectedCreator();
    fakeDisplayApi(server, () => videos);
    await saveShowcase(
      userId,
      videos.map((v) => v.id),
    );
    const hashes = await hashesOf(userId);
    await saveShowcase(userId, [videos[1].id, videos[2].id]);
    expect(await imageRows([hashes.get(videos[0].id)])).toBe(0);
    expect(await imageRows([hashes.get(videos[1].id)])).toBe(3);
    // Made private on TikTok: no longer returned.
    const visible = [videos[1]];
    fakeDisplayApi(server, () => visible);
    await db.tikTokConnection.updateMany({ data: { lastSyncedAt: new Date() } });
    await db.tikTokConnection.update({ where: { userId }, data: { lastSyncedAt: null } });
    await runSync({ log: () => undefined });
    expect(await imageRows([hashes.get(videos[2].id)])).toBe(0);
    expect(await imageRows([hashes.get(videos[1].id)])).toBe(3);
    expect(await publicCover(videos[2].id)).toBeUndefined();
  });
});
