import { HttpResponse, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { exchangeCode, getUserInfo, listVideos, queryVideos, refreshToken, revokeToken, signedUrlExpiry, userFieldsFor } from '@/lib/tiktok/client';
import { TikTokError } from '@/lib/tiktok/errors';
import { migrateTestDb } from '../support/db';
import { API, setupMsw } from '../support/msw';

const server = setupMsw();
beforeAll(() => migrateTestDb());

// Shapes copied from TikTok for Developers' reference pages (Display API, OAuth user access token management).
const TOKEN_OK = {
  access_token: 'act.example12345Example12345Example',
  expires_in: 86400,
  open_id: 'afd97af1-b87b-48b9-ac98-410aghda5344',
  refresh_expires_in: 31536000,
  refresh_token: 'rft.example12345Example12345Example',
  scope: 'user.info.basic,video.list',
  token_type: 'Bearer',
};

async function expectTikTokError(p: Promise<unknown>): Promise<TikTokError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TikTokError);
  return e as TikTokError;
}

describe('token endpoint', () => {
  it('exchanges a code form-encoded, with PKCE, and reshapes the flat success body', async () => {
    let form: URLSearchParams | null = null;
    server.use(
      http.post(`${API}/v2/oauth/token/`, async ({ request }) => {
        expect(request.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
        form = new URLSearchParams(await request.text());
        return HttpResponse.json(TOKEN_OK);
      }),
    );
    const before = Date.now();
    const tokens = await exchangeCode({ code: 'abc*0!6410', redirectUri: 'https://showreel.test/api/auth/tiktok/callback', codeVerifier: 'v'.repeat(64) });
    expect(form!.get('grant_type')).toBe('authorization_code');
    expect(form!.get('code')).toBe('abc*0!6410');
    expect(form!.get('client_key')).toBe('test_client_key');
    expect(form!.get('client_secret')).toBe('test_client_secret');
    expect(form!.get('code_verifier')).toBe('v'.repeat(64));
    expect(tokens.openId).toBe(TOKEN_OK.open_id);
    expect(tokens.scopes).toEqual(['user.info.basic', 'video.list']);
    expect(tokens.accessExpiresAt.getTime()).toBeGreaterThanOrEqual(before + 86400_000);
    expect(tokens.refreshExpiresAt.getTime()).toBeGreaterThanOrEqual(before + 31536000_000);
  });

  it('judges a token error by the body even when the status is 200', async () => {
    server.use(
      http.post(`${API}/v2/oauth/token/`, () =>
        HttpResponse.json({ error: 'invalid_grant', error_description: 'Authorization code is expired.', log_id: '202208' }, { status: 200 }),
      ),
    );
    const e = await expectTikTokError(exchangeCode({ code: 'x', redirectUri: 'https://showreel.test/cb' }));
    expect(e.kind).toBe('unauthorized');
    expect(e.code).toBe('invalid_grant');
    expect(e.logId).toBe('202208');
  });

  it('refreshes with the refresh grant', async () => {
    server.use(
      http.post(`${API}/v2/oauth/token/`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        expect(form.get('grant_type')).toBe('refresh_token');
        expect(form.get('refresh_token')).toBe('rft.old');
        return HttpResponse.json({ ...TOKEN_OK, refresh_token: 'rft.new' });
      }),
    );
    expect((await refreshToken('rft.old')).refreshToken).toBe('rft.new');
  });

  it('revokes and accepts the empty success body', async () => {
    server.use(http.post(`${API}/v2/oauth/revoke/`, () => HttpResponse.json({})));
    await expect(revokeToken('act.x')).resolves.toBeUndefined();
  });

  it('never puts a token or the secret in an error message', async () => {
    server.use(http.post(`${API}/v2/oauth/token/`, () => HttpResponse.json({ error: 'invalid_request', error_description: 'bad' }, { status: 400 })));
    const e = await expectTikTokError(refreshToken('rft.very-secret-refresh'));
    expect(e.message).not.toContain('rft.very-secret-refresh');
    expect(e.message).not.toContain('test_client_secret');
  });
});

describe('Display API', () => {
  it('reads user/info with only the fields the granted scopes allow', async () => {
    let fields = '';
    server.use(
      http.get(`${API}/v2/user/info/`, ({ request }) => {
        expect(request.headers.get('authorization')).toBe('Bearer act.1');
        fields = new URL(request.url).searchParams.get('fields') ?? '';
        return HttpResponse.json({
          data: {
            user: {
              avatar_url: 'https://p19-sign.tiktokcdn-us.com/a.jpeg',
              open_id: '723f24d7-e717-40f8-a2b6-cb8464cd23b4',
              union_id: 'c9c60f44-a68e-4f5d-84dd-ce22faeb0ba1',
              display_name: 'Tik Toker',
            },
          },
          error: { code: 'ok', message: '', log_id: '20220829194722CBE87ED59D524E727021' },
        });
      }),
    );
    const profile = await getUserInfo('act.1', ['user.info.basic', 'video.list']);
    expect(fields.split(',').sort()).toEqual(['avatar_url', 'display_name', 'open_id', 'union_id']);
    expect(profile).toMatchObject({ openId: '723f24d7-e717-40f8-a2b6-cb8464cd23b4', displayName: 'Tik Toker', username: null });
    expect(userFieldsFor(['user.info.basic', 'user.info.profile'])).toContain('username');
  });

  it('maps access_token_invalid 401 to unauthorized', async () => {
    server.use(
      http.get(`${API}/v2/user/info/`, () =>
        HttpResponse.json(
          { data: {}, error: { code: 'access_token_invalid', message: 'The access token is invalid or not found in the request.', log_id: 'L1' } },
          { status: 401 },
        ),
      ),
    );
    const e = await expectTikTokError(getUserInfo('act.dead', ['user.info.basic']));
    expect(e.kind).toBe('unauthorized');
    expect(e.code).toBe('access_token_invalid');
    expect(e.logId).toBe('L1');
  });

  it('maps scope_permission_missed to scope', async () => {
    server.use(
      http.post(`${API}/v2/video/list/`, () =>
        HttpResponse.json({ data: {}, error: { code: 'scope_permission_missed', message: 'missing scope', log_id: 'L2' } }, { status: 400 }),
      ),
    );
    const e = await expectTikTokError(listVideos('act.1'));
    expect(e.kind).toBe('scope');
    expect(e.code).toBe('scope_permission_missed');
  });

  it('maps rate_limit_exceeded 429 to rate_limited, a transient error', async () => {
    server.use(
      http.post(`${API}/v2/video/list/`, () =>
        HttpResponse.json({ data: {}, error: { code: 'rate_limit_exceeded', message: 'slow down', log_id: 'L3' } }, { status: 429 }),
      ),
    );
    const e = await expectTikTokError(listVideos('act.1'));
    expect(e.kind).toBe('rate_limited');
    expect(e.transient).toBe(true);
  });

  it('maps a 5xx without TikTok body to server', async () => {
    server.use(http.post(`${API}/v2/video/list/`, () => new HttpResponse('upstream down', { status: 502 })));
    expect((await expectTikTokError(listVideos('act.1'))).kind).toBe('server');
  });

  it('lists videos: JSON body with max_count and cursor, the documented shape back', async () => {
    let body: unknown;
    server.use(
      http.post(`${API}/v2/video/list/`, async ({ request }) => {
        body = await request.json();
        expect(new URL(request.url).searchParams.get('fields')?.split(',')).toEqual(expect.arrayContaining(['cover_image_url', 'is_aigc']));
        return HttpResponse.json({
          data: {
            videos: [
              {
                id: '7080213458555737986',
                title: 'video 1',
                video_description: 'Test video 1',
                duration: 2,
                cover_image_url: 'https://p16-sign-sg.tiktokcdn.com/x~tplv-noop.image?x-expires=1657851434&x-signature=Fj',
                share_url: 'https://www.tiktok.com/@user_id/video/7080213458555737986',
                embed_link: 'https://www.tiktok.com/static/profile-video?id=7080213458555737986&hide_author=1',
                is_aigc: true,
              },
              { id: '7080213458555737987', title: 'video 2' },
            ],
            cursor: 1646883959000,
            has_more: true,
          },
          error: { code: 'ok', message: '', log_id: 'L4' },
        });
      }),
    );
    const page = await listVideos('act.1', { cursor: 1700000000000, maxCount: 50 });
    expect(body).toEqual({ max_count: 20, cursor: 1700000000000 });
    expect(page.hasMore).toBe(true);
    expect(page.cursor).toBe(1646883959000);
    expect(page.videos[0]).toMatchObject({ id: '7080213458555737986', title: 'video 1', durationSeconds: 2, aiGenerated: true });
    // A video object without is_aigc (an older answer) reads as not AI-generated.
    expect(page.videos[1].aiGenerated).toBe(false);
    expect(page.videos[0].coverExpiresAt.getTime()).toBe(1657851434_000);
  });

  it("passes on only TikTok's own share links: a javascript: or foreign share_url becomes empty", async () => {
    const links = [
      'javascript:alert(document.domain)',
      'https://evil.example/@user/video/1',
      'http://www.tiktok.com/@user/video/2',
      'https://www.tiktok.com.evil.example/@user/video/3',
      'https://user:pw@www.tiktok.com/@user/video/4',
      'https://www.tiktok.com/@user/video/5?utm_source=x',
    ];
    server.use(
      http.post(`${API}/v2/video/list/`, () =>
        HttpResponse.json({
          data: { videos: links.map((share_url, i) => ({ id: String(i), share_url })), cursor: 0, has_more: false },
          error: { code: 'ok', message: '', log_id: 'L9' },
        }),
      ),
    );
    const page = await listVideos('act.1');
    expect(page.videos.map((v) => v.shareUrl)).toEqual(['', '', '', '', '', 'https://www.tiktok.com/@user/video/5?utm_source=x']);
  });

  it('queries 1 to 20 ids through filters.video_ids', async () => {
    let body: unknown;
    server.use(
      http.post(`${API}/v2/video/query/`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({
          data: { videos: [{ id: '1', cover_image_url: 'https://c/x?x-expires=2000000000' }], cursor: 0, has_more: false },
          error: { code: 'ok', message: '', log_id: 'L5' },
        });
      }),
    );
    const videos = await queryVideos('act.1', ['1', '2']);
    expect(body).toEqual({ filters: { video_ids: ['1', '2'] } });
    expect(videos.map((v) => v.id)).toEqual(['1']);
    await expect(queryVideos('act.1', [])).rejects.toThrow(RangeError);
    await expect(
      queryVideos(
        'act.1',
        Array.from({ length: 21 }, (_, i) => String(i)),
      ),
    ).rejects.toThrow(RangeError);
  });

  it('reads x-expires from cover URLs', () => {
    expect(signedUrlExpiry('https://cdn/x.image?x-expires=1657852284&x-signature=a').getTime()).toBe(1657852284_000);
  });
});

describe('network', () => {
  it('turns an unreachable TikTok into a transient network error', async () => {
    server.use(http.post(`${API}/v2/video/list/`, () => HttpResponse.error()));
    const e = await expectTikTokError(listVideos('act.1'));
    expect(e.kind).toBe('network');
    expect(e.transient).toBe(true);
  });
});
