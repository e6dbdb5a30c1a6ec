import { HttpResponse, http } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { disconnect } from '@/lib/account/lifecycle';
import { signInWithTokens } from '@/lib/account/sign-in';
import { db } from '@/lib/platform/db/client';
import { HttpError } from '@/lib/platform/http/errors';
import { readShowcase } from '@/lib/showcase/read';
import { saveShowcase } from '@/lib/showcase/save';
import { runSync } from '@/lib/sync/run';
import { addVideoByLink } from '@/lib/videos/by-link';
import { recentVideos } from '@/lib/videos/recent';
import { migrateTestDb } from '../support/db';
import { API, setupMsw } from '../support/msw';
import { CDN, connectedCreator, coverJpeg } from '../support/tiktok';

// A creator without video.list builds a showcase from links, checked through TikTok's public oEmbed
// (https://www.tiktok.com/oembed here: the unit tests talk to "real TikTok", which MSW plays).
const server = setupMsw();
beforeAll(() => migrateTestDb());

const MINE = '7301234567890123456';
const MINE_TOO = '7301234567890123457';
const THEIRS = '7309999999999999999';
let public_: Record<string, string>;
let calls: Record<string, number>;

function fakeTikTokWeb() {
  const count = (k: string) => {
    calls[k] = (calls[k] ?? 0) + 1;
  };
  server.use(
    http.get('https://www.tiktok.com/oembed', ({ request }) => {
      count('oembed');
      const asked = new URL(request.url).searchParams.get('url') ?? '';
      const id = asked.match(/\/video\/(\d+)$/)?.[1] ?? '';
      const author = public_[id];
      if (!author) return HttpResponse.json({ code: 400, message: 'Something went wrong', data: {} }, { status: 400 });
      return HttpResponse.json({
        version: '1.0',
        type: 'video',
        title: `Video ${id.slice(-3)}`,
        author_name: author,
        author_url: `https://www.tiktok.com/@${author}`,
        author_unique_id: author,
        embed_product_id: id,
        thumbnail_url: `${CDN}/thumb-${id}.jpeg?x-expires=${Math.floor(Date.now() / 1000) + 172_800}&x-signature=s`,
        thumbnail_width: 576,
        thumbnail_height: 1024,
        provider_name: 'TikTok',
      });
    }),
    http.get(`${CDN}/:file`, async ({ params }) => {
      count('cdn');
      const bytes = await coverJpeg(String(params.file));
      return new HttpResponse(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/jpeg' } });
    }),
    // Short links: TikTok answers each with a redirect.
    http.get('https://vm.tiktok.com/:code/', ({ params }) => {
      count('short');
      const to: Record<string, string> = {
        ZSmine: `https://www.tiktok.com/@me.creator/video/${MINE}?_r=1&share_app_id=1233`,
        ZSchain: 'https://www.tiktok.com/t/ZTmine2/',
        ZSevil: 'https://evil.example/@me.creator/video/1',
        ZShome: 'https://www.tiktok.com/foryou',
      };
      const target = to[String(params.code)];
      return target ? new HttpResponse(null, { status: 301, headers: { Location: target } }) : new HttpResponse('Not found', { status: 404 });
    }),
    http.get('https://www.tiktok.com/t/:code/', () => {
      count('short');
      return new HttpResponse(null, { status: 302, headers: { Location: `https://www.tiktok.com/@me.creator/video/${MINE_TOO}` } });
    }),
  );
}

async function creator(scopes = 'user.info.basic,user.info.profile') {
  const userId = await connectedCreator({ scopes });
  await db.user.update({ where: { id: userId }, data: { username: scopes.includes('user.info.profile') ? 'me.creator' : null } });
  return userId;
}

beforeEach(() => {
  public_ = { [MINE]: 'me.creator', [MINE_TOO]: 'me.creator', [THEIRS]: 'someone.else' };
  calls = {};
  fakeTikTokWeb();
});

/** The refusal an add gives: an HttpError 400 and its message; and nothing stored. */
async function refusal(userId: string, url: string): Promise<string> {
  const error = await addVideoByLink(userId, url).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).code).toBe('bad_request');
  expect(await db.video.count({ where: { userId } })).toBe(0);
  return (error as HttpError).message;
}

describe('addVideoByLink', () => {
  it('keeps the creator’s own video from its link: oEmbed’s title, a copy of the thumbnail, source link', async () => {
    const userId = await creator();
    const card = await addVideoByLink(userId, `https://www.tiktok.com/@me.creator/video/${MINE}?is_from_webapp=1&sender_device=pc`);
    expect(card).toMatchObject({ id: MINE, title: 'Video 456', coverUrl: expect.stringMatching(/^\/img\/[0-9a-f]{32}\/480\.webp$/) });
    const row = await db.video.findUniqueOrThrow({ where: { userId_id: { userId, id: MINE } } });
    expect(row).toMatchObject({ source: 'link', available: true, shareUrl: `https://www.tiktok.com/@me.creator/video/${MINE}` });
    expect(row.coverHash).toMatch(/^[0-9a-f]{32}$/);
    expect(await db.image.count({ where: { hash: row.coverHash! } })).toBe(3);
    // Adding it again fetches no thumbnail twice (same CDN address).
    await addVideoByLink(userId, `www.tiktok.com/@me.creator/video/${MINE}`);
    expect(calls).toMatchObject({ oembed: 2, cdn: 1 });
  });

  it('resolves short links on TikTok’s own hosts, through more than one redirect', async () => {
    const userId = await creator();
    expect((await addVideoByLink(userId, 'https://vm.tiktok.com/ZSmine/')).id).toBe(MINE);
    expect((await addVideoByLink(userId, 'https://vm.tiktok.com/ZSchain')).id).toBe(MINE_TOO);
    expect(calls.short).toBe(3);
  });

  it('refuses, naming the reason, and stores nothing', async () => {
    const userId = await creator();
    expect(await refusal(userId, 'https://example.com/@me.creator/video/1')).toMatch(/isn't a link to a TikTok video/);
    expect(await refusal(userId, 'just some words')).toMatch(/isn't a link to a TikTok video/);
    expect(await refusal(userId, 'javascript:alert(1)')).toMatch(/isn't a link to a TikTok video/);
    expect(await refusal(userId, `https://www.tiktok.com/@someone.else/video/${THEIRS}`)).toMatch(/@someone\.else's, not yours/);
    // The @name in the address proves nothing: oEmbed's author does.
    expect(await refusal(userId, `https://www.tiktok.com/@me.creator/video/${THEIRS}`)).toMatch(/@someone\.else's, not yours/);
    delete public_[MINE];
    expect(await refusal(userId, `https://www.tiktok.com/@me.creator/video/${MINE}`)).toMatch(/private, deleted/);
    expect(await refusal(userId, 'https://vm.tiktok.com/ZSevil/')).toMatch(/doesn't lead to TikTok/);
    expect(await refusal(userId, 'https://vm.tiktok.com/ZShome/')).toMatch(/doesn't lead to a TikTok video/);
    expect(await refusal(userId, 'https://vm.tiktok.com/ZSnever/')).toMatch(/private, deleted/);
    expect(calls.cdn ?? 0).toBe(0);
  });

  it('without user.info.profile it cannot tell whose video it is, and says so', async () => {
    const userId = await creator('user.info.basic');
    expect(await refusal(userId, `https://www.tiktok.com/@me.creator/video/${MINE}`)).toMatch(/user\.info\.profile/);
    expect(calls.oembed ?? 0).toBe(0);
  });
});

describe('a showcase of linked videos', () => {
  it('lists them in the picker and saves them as the creator’s own, with no Display API call; the sync drops a removed one', async () => {
    // Any call to the Display API would fail the test (MSW refuses unhandled requests).
    const userId = await creator();
    await addVideoByLink(userId, `https://www.tiktok.com/@me.creator/video/${MINE}`);
    await addVideoByLink(userId, `https://www.tiktok.com/@me.creator/video/${MINE_TOO}`);
    expect((await recentVideos(userId)).videos.map((v) => v.id).sort()).toEqual([MINE, MINE_TOO]);

    const saved = await saveShowcase(userId, [MINE_TOO, MINE]);
    expect(saved.map((e) => e.videoId)).toEqual([MINE_TOO, MINE]);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).published).toBe(true);
    // Out of the showcase, a linked video stays in the picker.
    await saveShowcase(userId, [MINE]);
    expect((await recentVideos(userId)).videos).toHaveLength(2);
    await saveShowcase(userId, [MINE_TOO, MINE]);

    // Removed on TikTok: the sync's oEmbed re-check marks it unavailable and it drops out.
    delete public_[MINE];
    await db.tikTokConnection.update({ where: { userId }, data: { lastSyncedAt: null } });
    server.use(
      http.get('https://open.tiktokapis.com/v2/user/info/', () =>
        HttpResponse.json({
          data: { user: { open_id: `open-${userId}`, display_name: 'Fake Creator', username: 'me.creator' } },
          error: { code: 'ok', message: '', log_id: 't' },
        }),
      ),
    );
    await db.tikTokConnection.updateMany({ where: { userId: { not: userId } }, data: { lastSyncedAt: new Date() } });
    const summary = await runSync({ log: () => undefined });
    expect(summary).toMatchObject({ done: 1, failed: 0 });
    const rows = await db.video.findMany({ where: { userId }, select: { id: true, available: true }, orderBy: { id: 'asc' } });
    expect(rows).toEqual([
      { id: MINE, available: false },
      { id: MINE_TOO, available: true },
    ]);
    // Public surfaces show only available videos (getPublicShowcase; its cache needs Next).
    expect((await readShowcase(userId)).map((e) => [e.videoId, e.available])).toEqual([
      [MINE_TOO, true],
      [MINE, false],
    ]);
  });

  it('a reconnect after a disconnect copies the linked videos’ thumbnails again through oEmbed, with no Display API call', async () => {
    const userId = await creator();
    await addVideoByLink(userId, `https://www.tiktok.com/@me.creator/video/${MINE}`);
    await saveShowcase(userId, [MINE]);
    server.use(
      http.post(`${API}/v2/oauth/revoke/`, () => HttpResponse.json({})),
      http.get(`${API}/v2/user/info/`, () =>
        HttpResponse.json({
          data: { user: { open_id: `open-${userId}`, display_name: 'Fake Creator', username: 'me.creator' } },
          error: { code: 'ok', message: '', log_id: 't' },
        }),
      ),
    );
    await disconnect(userId);
    expect((await db.video.findUniqueOrThrow({ where: { userId_id: { userId, id: MINE } } })).coverHash).toBeNull();
    calls = {};
    await signInWithTokens({
      accessToken: 'act.again',
      refreshToken: 'rft.again',
      openId: `open-${userId}`,
      scopes: ['user.info.basic', 'user.info.profile'],
      accessExpiresAt: new Date(Date.now() + 7200_000),
      refreshExpiresAt: new Date(Date.now() + 180 * 86_400_000),
    });
    const row = await db.video.findUniqueOrThrow({ where: { userId_id: { userId, id: MINE } } });
    expect(row).toMatchObject({ available: true, coverHash: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(calls).toMatchObject({ oembed: 1, cdn: 1 });
  });
});
