import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as sbx from '@/lib/sandbox';
import { avatarSvg, coverSvg, rasterize } from '@/lib/sandbox/images';

// The sandbox is what every end-to-end test stands on: it must fail the way TikTok fails.
const KEY = 'test_client_key';
const SECRET = 'test_client_secret';
const REDIRECT = 'https://showreel.test/api/auth/tiktok/callback';
const VERIFIER = `${'v'.repeat(43)}erifier-0123456789`;
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

let n = 0;
const username = () => `unit-${Date.now().toString(36)}-${++n}`.slice(0, 24);
const form = (o: Record<string, string>) => new URLSearchParams(o);
type Body = Record<string, unknown> & { error?: unknown; data?: unknown };

async function signIn(user = username(), scopes = ['user.info.basic', 'user.info.profile', 'video.list']) {
  const code = sbx.issueCode({ username: user, scopes, redirectUri: REDIRECT, challenge: CHALLENGE });
  const r = await sbx.token(
    form({ client_key: KEY, client_secret: SECRET, grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER }),
  );
  expect(r.status).toBe(200);
  return { user, ...(r.body as { access_token: string; refresh_token: string; expires_in: number; scope: string; open_id: string }) };
}

beforeEach(() => {
  sbx.clearFaults();
  sbx.resetSettings();
});
afterEach(() => vi.useRealTimers());

describe('authorization codes', () => {
  it('are single-use: a second exchange is invalid_grant, in the body of an HTTP 200', async () => {
    const code = sbx.issueCode({ username: username(), scopes: ['user.info.basic'], redirectUri: REDIRECT, challenge: CHALLENGE });
    const f = form({ client_key: KEY, client_secret: SECRET, grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect((await sbx.token(f)).status).toBe(200);
    const again = await sbx.token(f);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ error: 'invalid_grant', log_id: expect.any(String) });
  });

  it('expire after 10 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const code = sbx.issueCode({ username: username(), scopes: ['user.info.basic'], redirectUri: REDIRECT, challenge: null });
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1000);
    const r = await sbx.token(form({ client_key: KEY, client_secret: SECRET, grant_type: 'authorization_code', code, redirect_uri: REDIRECT }));
    expect((r.body as Body).error).toBe('invalid_grant');
  });

  it('verify PKCE (S256) and the redirect_uri', async () => {
    const exchange = (extra: Record<string, string>) => {
      const code = sbx.issueCode({ username: username(), scopes: ['user.info.basic'], redirectUri: REDIRECT, challenge: CHALLENGE });
      return sbx.token(form({ client_key: KEY, client_secret: SECRET, grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...extra }));
    };
    expect(((await exchange({})).body as Body).error).toBe('invalid_request');
    expect(((await exchange({ code_verifier: 'w'.repeat(64) })).body as Body).error).toBe('invalid_grant');
    expect(((await exchange({ code_verifier: VERIFIER, redirect_uri: 'https://evil.example/cb' })).body as Body).error).toBe('invalid_grant');
    expect(((await exchange({ code_verifier: VERIFIER, client_secret: 'nope' })).body as Body).error).toBe('invalid_client');
  });

  it('the authorize page refuses a redirect_uri that is not exactly the app’s', () => {
    const base = { clientKey: KEY, scopes: ['user.info.basic'], state: 's', responseType: 'code', codeChallenge: CHALLENGE, codeChallengeMethod: 'S256' };
    expect(sbx.validateAuthorize({ ...base, redirectUri: REDIRECT })).toBeNull();
    expect(sbx.validateAuthorize({ ...base, redirectUri: `${REDIRECT}/` })).toMatch(/redirect_uri/);
    expect(sbx.validateAuthorize({ ...base, redirectUri: `${REDIRECT}?x=1` })).toMatch(/redirect_uri/);
    expect(sbx.validateAuthorize({ ...base, redirectUri: REDIRECT, scopes: ['user.info.basic', 'everything'] })).toMatch(/scope/);
  });

  it('sends an authorization for a scope the app is not approved for back with error=invalid_scope, as TikTok does', () => {
    const base = sbx.readAuthorizeRequest((n) => ({ client_key: KEY, response_type: 'code', state: 'the-state' })[n as 'client_key'] ?? '');
    const q = { ...base, redirectUri: REDIRECT, scopes: ['user.info.basic', 'video.list'] };
    expect(sbx.unapprovedScopeRedirect(q)).toBeNull();
    sbx.updateSettings({ approvedScopes: ['user.info.basic', 'user.info.profile'] });
    const back = new URL(sbx.unapprovedScopeRedirect(q) ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('error')).toBe('invalid_scope');
    expect(back.searchParams.get('error_description')).toContain('video.list');
    expect(back.searchParams.get('state')).toBe('the-state');
  });
});

describe('tokens', () => {
  it("live as long as TikTok's today: access 2 hours, refresh 180 days (settings keep them adjustable)", async () => {
    const s = await signIn();
    expect(s.expires_in).toBe(7200);
    expect((s as unknown as { refresh_expires_in: number }).refresh_expires_in).toBe(180 * 86_400);
  });

  it('refresh tokens rotate: the old one dies when a new one is issued, and the new one works', async () => {
    const s = await signIn();
    const refresh = (t: string) => sbx.token(form({ client_key: KEY, client_secret: SECRET, grant_type: 'refresh_token', refresh_token: t }));
    const first = await refresh(s.refresh_token);
    expect((first.body as Body).refresh_token).toMatch(/^rft\./);
    const second = await refresh((first.body as { refresh_token: string }).refresh_token);
    expect(second.status).toBe(200);
    expect((second.body as Body).refresh_token).toMatch(/^rft\./);
  });

  it('a reused (already rotated) refresh token is theft: invalid_grant, and every token of that grant dies', async () => {
    const s = await signIn();
    const other = await signIn(s.user); // a second, separate authorization of the same account
    const refresh = (t: string) => sbx.token(form({ client_key: KEY, client_secret: SECRET, grant_type: 'refresh_token', refresh_token: t }));
    const rotated = (await refresh(s.refresh_token)).body as { access_token: string; refresh_token: string };
    sbx.resetCounters();
    const reuse = await refresh(s.refresh_token);
    expect((reuse.body as Body).error).toBe('invalid_grant');
    expect(sbx.counters()[`oauth/token:reuse@${s.user}`]).toBe(1);
    // The whole family is revoked: the pair issued by the rotation, access token included …
    expect(((await refresh(rotated.refresh_token)).body as Body).error).toBe('invalid_grant');
    expect((await sbx.userInfo(`Bearer ${rotated.access_token}`, 'open_id')).status).toBe(401);
    // … but not another authorization of the same account.
    expect((await sbx.userInfo(`Bearer ${other.access_token}`, 'open_id')).status).toBe(200);
    expect((await refresh(other.refresh_token)).status).toBe(200);
    // A token the sandbox never issued is invalid_grant too, and is not reuse of anything.
    expect(((await refresh('rft.never-issued')).body as Body).error).toBe('invalid_grant');
    expect(sbx.counters()[`oauth/token:reuse@${s.user}`]).toBe(1);
  });

  it('access tokens expire per expires_in', async () => {
    sbx.updateSettings({ accessTtlSeconds: 120 });
    const s = await signIn();
    expect(s.expires_in).toBe(120);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 121_000);
    const r = await sbx.userInfo(`Bearer ${s.access_token}`, 'open_id');
    expect(r.status).toBe(401);
    expect((r.body as Body).error).toMatchObject({ code: 'access_token_invalid' });
  });

  it('revoke kills the access and refresh tokens', async () => {
    const s = await signIn();
    expect((await sbx.revoke(form({ client_key: KEY, client_secret: SECRET, token: s.access_token }))).body).toEqual({});
    expect((await sbx.userInfo(`Bearer ${s.access_token}`, 'open_id')).status).toBe(401);
    const r = await sbx.token(form({ client_key: KEY, client_secret: SECRET, grant_type: 'refresh_token', refresh_token: s.refresh_token }));
    expect((r.body as Body).error).toBe('invalid_grant');
  });
});

describe('Display API', () => {
  it('user/info honours fields and fails for a field of an ungranted scope', async () => {
    const s = await signIn(username(), ['user.info.basic', 'video.list']);
    const ok = await sbx.userInfo(`Bearer ${s.access_token}`, 'open_id,display_name');
    expect(ok.status).toBe(200);
    expect(Object.keys((ok.body as { data: { user: object } }).data.user).sort()).toEqual(['display_name', 'open_id']);
    const denied = await sbx.userInfo(`Bearer ${s.access_token}`, 'open_id,username');
    expect(denied.status).toBe(401);
    expect((denied.body as Body).error).toMatchObject({ code: 'scope_not_authorized' });
    expect((await sbx.userInfo(`Bearer ${s.access_token}`, 'shoe_size')).status).toBe(400);
  });

  it('video/list pages newest first with a millisecond cursor, at most 20 a page, over 30 distinct videos', async () => {
    const s = await signIn();
    const seen: Array<{ id: string; title: string; create_time: number; duration: number }> = [];
    let cursor: number | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await sbx.videoList(`Bearer ${s.access_token}`, 'id,title,create_time,duration,cover_image_url', { max_count: 20, cursor });
      const data = (r.body as { data: { videos: typeof seen; cursor: number; has_more: boolean } }).data;
      expect(data.videos.length).toBeLessThanOrEqual(20);
      seen.push(...data.videos);
      if (!data.has_more) break;
      cursor = data.cursor;
      expect(cursor).toBe(data.videos.at(-1)!.create_time * 1000);
    }
    expect(seen.length).toBeGreaterThanOrEqual(30);
    expect(new Set(seen.map((v) => v.id)).size).toBe(seen.length);
    expect(new Set(seen.map((v) => v.title)).size).toBe(seen.length);
    expect(new Set(seen.map((v) => v.duration)).size).toBeGreaterThan(10);
    expect(seen.map((v) => v.create_time)).toEqual([...seen.map((v) => v.create_time)].sort((a, b) => b - a));
    expect((await sbx.videoList(`Bearer ${s.access_token}`, 'id', { max_count: 21 })).status).toBe(400);
  });

  it('video/list needs the video.list scope', async () => {
    const s = await signIn(username(), ['user.info.basic']);
    const r = await sbx.videoList(`Bearer ${s.access_token}`, 'id', {});
    expect(r.status).toBe(401);
    expect((r.body as Body).error).toMatchObject({ code: 'scope_not_authorized' });
  });

  it('video/query takes 1 to 20 ids and returns only the user’s own, visible videos', async () => {
    const s = await signIn();
    const mine = sbx.allVideos(s.user).map((v) => v.id);
    const other = sbx.allVideos(username())[0].id;
    const q = (ids: string[]) => sbx.videoQuery(`Bearer ${s.access_token}`, 'id,cover_image_url', { filters: { video_ids: ids } });
    expect((await q([])).status).toBe(400);
    expect((await q(mine.slice(0, 21))).status).toBe(400);
    sbx.setVideoState(s.user, mine[1], 'private');
    const r = await q([mine[0], mine[1], other]);
    expect((r.body as { data: { videos: Array<{ id: string }> } }).data.videos.map((v) => v.id)).toEqual([mine[0]]);
  });

  it('cover URLs carry x-expires and stop working after the configured TTL', async () => {
    sbx.updateSettings({ coverTtlSeconds: 60 });
    const s = await signIn();
    const r = await sbx.videoList(`Bearer ${s.access_token}`, 'id,cover_image_url', { max_count: 1 });
    const url = new URL((r.body as { data: { videos: Array<{ id: string; cover_image_url: string }> } }).data.videos[0].cover_image_url);
    const id = url.pathname
      .split('/')
      .pop()!
      .replace(/\.jpeg$/, '');
    expect(url.pathname).toMatch(/\/sandbox\/cdn\/cover\/\d+\.jpeg$/);
    const expires = Number(url.searchParams.get('x-expires'));
    expect(expires * 1000 - Date.now()).toBeLessThanOrEqual(60_000);
    expect(sbx.checkSignedUrl('cover', id, url.searchParams.get('x-expires'), url.searchParams.get('x-signature'))).toBe('ok');
    expect(sbx.checkSignedUrl('cover', id, String(expires + 3600), url.searchParams.get('x-signature'))).toBe('invalid');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(expires * 1000 + 1000);
    expect(sbx.checkSignedUrl('cover', id, url.searchParams.get('x-expires'), url.searchParams.get('x-signature'))).toBe('expired');
  });
});

describe('CDN pictures', () => {
  it('are JPEG, like TikTok’s: a 540×960 cover and a 200×200 avatar, the same bytes for the same id', async () => {
    const cover = await rasterize('cover:1', coverSvg('1', 'Three-ingredient pasta'));
    expect(await sharp(cover).metadata()).toMatchObject({ format: 'jpeg', width: 540, height: 960 });
    expect(await rasterize('cover:1', coverSvg('1', 'Three-ingredient pasta'))).toBe(cover);
    const avatar = await rasterize('avatar:a', avatarSvg('a', 'AB'));
    expect(await sharp(avatar).metadata()).toMatchObject({ format: 'jpeg', width: 200, height: 200 });
  });
});

describe('test controls', () => {
  it('inject TikTok-shaped 429 and 500 answers a chosen number of times, and count every call', async () => {
    const s = await signIn();
    sbx.resetCounters();
    sbx.setFault('video/list', { status: 429, remaining: 1 });
    const limited = await sbx.videoList(`Bearer ${s.access_token}`, 'id', {});
    expect(limited.status).toBe(429);
    expect((limited.body as Body).error).toMatchObject({ code: 'rate_limit_exceeded', log_id: expect.any(String) });
    expect((await sbx.videoList(`Bearer ${s.access_token}`, 'id', {})).status).toBe(200);
    sbx.setFault('oauth/token:refresh', { status: 500 });
    const failed = await sbx.token(form({ client_key: KEY, client_secret: SECRET, grant_type: 'refresh_token', refresh_token: s.refresh_token }));
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ error: 'server_error' });
    expect(sbx.counters()).toMatchObject({ 'video/list': 2, 'oauth/token:refresh': 1 });
  });

  it('rotate then drop the answer: the refresh is carried out, the answer is marked lost, the old token is then reuse', async () => {
    const s = await signIn();
    const refresh = (t: string) => sbx.token(form({ client_key: KEY, client_secret: SECRET, grant_type: 'refresh_token', refresh_token: t }));
    sbx.resetCounters();
    sbx.setFault('oauth/token:refresh', { dropAnswer: true, remaining: 1 });
    const dropped = await refresh(s.refresh_token);
    expect(dropped.dropAnswer).toBe(true);
    // The fault is spent; the token the client still holds was rotated away.
    const again = await refresh(s.refresh_token);
    expect(again.dropAnswer).toBeUndefined();
    expect((again.body as Body).error).toBe('invalid_grant');
    expect(sbx.counters()[`oauth/token:reuse@${s.user}`]).toBe(1);
    // The reply layer turns a dropped answer into a connection that breaks before the body.
    const res = (await import('@/lib/sandbox/http')).reply(dropped);
    await expect(res.text()).rejects.toThrow();
  });

  it('can be slow on a chosen endpoint', async () => {
    const s = await signIn();
    sbx.setFault('user/info', { delayMs: 120 });
    const t = Date.now();
    await sbx.userInfo(`Bearer ${s.access_token}`, 'open_id');
    expect(Date.now() - t).toBeGreaterThanOrEqual(110);
  });
});

describe('videos', () => {
  it('carry is_aigc, false unless a video is marked AI-generated', async () => {
    const s = await signIn();
    const list = async () =>
      ((await sbx.videoList(`Bearer ${s.access_token}`, 'id,is_aigc', { max_count: 20 })).body as { data: { videos: Array<{ id: string; is_aigc: boolean }> } })
        .data.videos;
    const [first, second] = await list();
    expect([first.is_aigc, second.is_aigc]).toEqual([false, false]);
    expect(sbx.setVideoAigc(s.user, second.id, true)).toBe(true);
    const marked = await list();
    expect(marked.find((v) => v.id === second.id)?.is_aigc).toBe(true);
    expect(marked.find((v) => v.id === first.id)?.is_aigc).toBe(false);
  });
});
