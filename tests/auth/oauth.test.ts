import { HttpResponse, http } from 'msw';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { completeAuthorization, startAuthorization } from '@/lib/auth/oauth';
import { migrateTestDb } from '../support/db';
import { API, setupMsw } from '../support/msw';

// The browser's cookie jar, as next/headers hands it to iron-session: the OAuth flow cookie lives here.
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (!value || options?.maxAge === 0) jar.delete(name);
      else jar.set(name, value);
    },
  }),
}));

const server = setupMsw();
beforeAll(() => migrateTestDb());
afterEach(() => {
  jar.clear();
  vi.useRealTimers();
});

let exchanges = 0;
function tiktokAccepts() {
  server.use(
    http.post(`${API}/v2/oauth/token/`, () => {
      exchanges++;
      return HttpResponse.json({
        access_token: `act.oauth-${exchanges}`,
        expires_in: 86400,
        open_id: 'open-oauth-test',
        refresh_expires_in: 31536000,
        refresh_token: `rft.oauth-${exchanges}`,
        scope: 'user.info.basic',
        token_type: 'Bearer',
      });
    }),
    http.get(`${API}/v2/user/info/`, () =>
      HttpResponse.json({ data: { user: { open_id: 'open-oauth-test', display_name: 'Oauth Person' } }, error: { code: 'ok', message: '', log_id: '1' } }),
    ),
  );
}

/** Starts a sign-in in this "browser" and returns the state TikTok would send back. */
async function start(platform: 'web' | 'native' = 'web') {
  const url = new URL(await startAuthorization(platform === 'native' ? { platform, scheme: 'myapp', handoffChallenge: 'c'.repeat(43) } : { platform }));
  return url.searchParams.get('state') ?? '';
}

const answer = (state: string, extra: Record<string, string> = { code: 'the-code' }) => new URLSearchParams({ state, ...extra });

describe('the OAuth state', () => {
  it('lets through a fresh, unforged state once, and exchanges the code', async () => {
    tiktokAccepts();
    const state = await start();
    const before = exchanges;
    const done = await completeAuthorization('web', answer(state));
    expect(done.ok).toBe(true);
    expect(exchanges - before).toBe(1);
  });

  it('refuses a replayed callback: the flow is used up by the first', async () => {
    tiktokAccepts();
    const state = await start();
    expect((await completeAuthorization('web', answer(state))).ok).toBe(true);
    const before = exchanges;
    expect(await completeAuthorization('web', answer(state))).toEqual({ ok: false, reason: 'invalid_state', scheme: undefined });
    expect(exchanges).toBe(before);
  });

  it('refuses a forged state, and a state from another browser', async () => {
    tiktokAccepts();
    await start();
    expect((await completeAuthorization('web', answer('forged-state'))).ok).toBe(false);
    const theirs = await start();
    jar.clear(); // another browser: no flow cookie of its own
    expect(await completeAuthorization('web', answer(theirs))).toMatchObject({ ok: false, reason: 'invalid_state' });
  });

  it('refuses a state older than 10 minutes', async () => {
    tiktokAccepts();
    vi.useFakeTimers({ toFake: ['Date'] });
    const state = await start();
    vi.setSystemTime(Date.now() + 11 * 60_000);
    expect(await completeAuthorization('web', answer(state))).toMatchObject({ ok: false, reason: 'invalid_state' });
  });

  it('refuses a state started for another platform (web vs native)', async () => {
    tiktokAccepts();
    const nativeState = await start('native');
    expect(await completeAuthorization('web', answer(nativeState))).toMatchObject({ ok: false, reason: 'invalid_state' });
    const webState = await start('web');
    expect(await completeAuthorization('native', answer(webState))).toMatchObject({ ok: false, reason: 'invalid_state' });
  });

  it('carries the native app\u2019s scheme and handoff challenge through, sealed', async () => {
    tiktokAccepts();
    const state = await start('native');
    expect(state).not.toContain('myapp');
    expect(await completeAuthorization('native', answer(state))).toMatchObject({ ok: true, scheme: 'myapp', handoffChallenge: 'c'.repeat(43) });
  });

  it('reports invalid_scope as the app\u2019s misconfiguration, logging the scopes asked for and the setting to change', async () => {
    const state = await start();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const result = await completeAuthorization(
        'web',
        answer(state, { error: 'invalid_scope', error_description: 'The app is not approved for: video.list.' }),
      );
      expect(result).toMatchObject({ ok: false, reason: 'invalid_scope' });
      expect(errors).toHaveBeenCalledTimes(1);
      const line = String(errors.mock.calls[0][0]);
      // The defaults (TIKTOK_SCOPES unset in the tests), TikTok's words, and the setting.
      expect(line).toContain('user.info.basic,user.info.profile,video.list');
      expect(line).toContain('The app is not approved for: video.list.');
      expect(line).toContain('TIKTOK_SCOPES');
    } finally {
      errors.mockRestore();
    }
  });

  it('reports a cancel at TikTok as access_denied', async () => {
    const state = await start();
    expect(await completeAuthorization('web', answer(state, { error: 'access_denied' }))).toMatchObject({ ok: false, reason: 'access_denied' });
  });
});
