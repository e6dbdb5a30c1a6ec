import { delay, HttpResponse, http } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decryptToken, encryptToken } from '@/lib/auth/token-cipher';
import { NeedsReconnectError, withAccessToken } from '@/lib/auth/tokens';
import { db } from '@/lib/platform/db/client';
import { TikTokError } from '@/lib/tiktok/errors';
import { migrateTestDb } from '../support/db';
import { API, setupMsw } from '../support/msw';
import { connectedCreator } from '../support/tiktok';

/** The token a TikTok call would be made with (what withAccessToken hands the call). */
const getAccessToken = (userId: string) => withAccessToken(userId, async (token) => token);

const server = setupMsw();
beforeAll(() => migrateTestDb());

let userId: string;
let refreshCalls: string[];

async function seed(accessExpiresInMs: number) {
  userId = await connectedCreator({ access: 'act.old', refresh: 'rft.old', accessExpiresInMs });
}

function tokenEndpoint(reply: (refresh: string, n: number) => Response | Promise<Response>) {
  server.use(
    http.post(`${API}/v2/oauth/token/`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const presented = form.get('refresh_token')!;
      refreshCalls.push(presented);
      return reply(presented, refreshCalls.length);
    }),
  );
}

const rotated = (n: number) =>
  HttpResponse.json({
    access_token: `act.new${n}`,
    refresh_token: `rft.new${n}`,
    expires_in: 86400,
    refresh_expires_in: 31536000,
    open_id: 'x',
    scope: 'user.info.basic,video.list',
  });

beforeEach(() => {
  refreshCalls = [];
});

describe('getAccessToken', () => {
  it('returns the stored token while it is outside the safety margin, without calling TikTok', async () => {
    await seed(3600_000);
    tokenEndpoint(() => rotated(1));
    expect(await getAccessToken(userId)).toBe('act.old');
    expect(refreshCalls).toEqual([]);
  });

  it('refreshes once for 30 concurrent callers, stores the rotated pair encrypted, and bumps the version', async () => {
    await seed(60_000);
    tokenEndpoint(async (_r, n) => {
      await delay(50);
      return rotated(n);
    });
    const tokens = await Promise.all(Array.from({ length: 30 }, () => getAccessToken(userId)));
    expect(new Set(tokens)).toEqual(new Set(['act.new1']));
    expect(refreshCalls).toEqual(['rft.old']);
    const c = await db.tikTokConnection.findUniqueOrThrow({ where: { userId } });
    expect(c.version).toBe(1);
    expect(decryptToken(c.refreshTokenEnc, userId)).toBe('rft.new1');
    expect(c.refreshTokenEnc).not.toContain('rft.new1');
  });

  it('waits for a refresh another process holds the lease for, and uses its result', async () => {
    await seed(60_000);
    tokenEndpoint((_r, n) => rotated(n));
    // Another process holds the lease and finishes shortly: it writes version 1.
    await db.lease.create({ data: { key: `refresh:${userId}`, holder: 'other-process', expiresAt: new Date(Date.now() + 60_000) } });
    setTimeout(async () => {
      await db.tikTokConnection.update({
        where: { userId },
        data: { accessTokenEnc: encryptToken('act.fromOther', userId), accessExpiresAt: new Date(Date.now() + 86_400_000), version: 1 },
      });
      await db.lease.delete({ where: { key: `refresh:${userId}` } });
    }, 150);
    expect(await getAccessToken(userId)).toBe('act.fromOther');
    expect(refreshCalls).toEqual([]);
  });

  it('marks the account needs_reconnect on invalid_grant and never tries again', async () => {
    await seed(60_000);
    tokenEndpoint(() => HttpResponse.json({ error: 'invalid_grant', error_description: 'Refresh token is invalid or expired.', log_id: 'x' }));
    await expect(getAccessToken(userId)).rejects.toBeInstanceOf(NeedsReconnectError);
    const c = await db.tikTokConnection.findUniqueOrThrow({ where: { userId } });
    expect(c.status).toBe('needs_reconnect');
    await expect(getAccessToken(userId)).rejects.toBeInstanceOf(NeedsReconnectError);
    expect(refreshCalls).toHaveLength(1);
  });

  it('does not ask TikTok with a refresh token that has run out: the account needs reconnecting', async () => {
    await seed(60_000);
    await db.tikTokConnection.update({ where: { userId }, data: { refreshExpiresAt: new Date(Date.now() - 1000) } });
    tokenEndpoint((_r, n) => rotated(n));
    await expect(getAccessToken(userId)).rejects.toBeInstanceOf(NeedsReconnectError);
    const c = await db.tikTokConnection.findUniqueOrThrow({ where: { userId } });
    expect(c).toMatchObject({ status: 'needs_reconnect', lastError: 'Refresh token expired' });
    expect(refreshCalls).toEqual([]);
  });

  it('retries transient failures with backoff, and marks nothing when they persist', async () => {
    await seed(60_000);
    tokenEndpoint((_r, n) => (n < 3 ? HttpResponse.json({ error: 'server_error', error_description: 'down' }, { status: 500 }) : rotated(n)));
    expect(await getAccessToken(userId)).toBe('act.new3');

    await seed(60_000);
    refreshCalls = [];
    tokenEndpoint(() => new HttpResponse(null, { status: 503 }));
    await expect(getAccessToken(userId)).rejects.toBeInstanceOf(TikTokError);
    expect(refreshCalls).toHaveLength(3);
    expect((await db.tikTokConnection.findUniqueOrThrow({ where: { userId } })).status).toBe('active');
  });
});

/** TikTok acted on the request, answered its status line, and the connection broke off before the body. */
const lostAnswer = () =>
  new HttpResponse(
    new ReadableStream({
      start: (c) => c.error(new Error('connection reset')),
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );

describe('a refresh whose answer is lost', () => {
  it('presents the token once more; TikTok had not rotated it, so that refresh works', async () => {
    await seed(60_000);
    tokenEndpoint((_r, n) => (n === 1 ? lostAnswer() : rotated(n)));
    expect(await getAccessToken(userId)).toBe('act.new2');
    expect(refreshCalls).toEqual(['rft.old', 'rft.old']);
    const c = await db.tikTokConnection.findUniqueOrThrow({ where: { userId } });
    expect(c.status).toBe('active');
    expect(decryptToken(c.refreshTokenEnc, userId)).toBe('rft.new2');
  });

  it('TikTok had rotated it: the one retry is refused, the account needs reconnecting, and nothing is tried again', async () => {
    await seed(60_000);
    let rotatedAway = false;
    tokenEndpoint(() => {
      if (!rotatedAway) {
        rotatedAway = true;
        return lostAnswer();
      }
      return HttpResponse.json({ error: 'invalid_grant', error_description: 'Refresh token was already used.', log_id: 'x' });
    });
    await expect(getAccessToken(userId)).rejects.toBeInstanceOf(NeedsReconnectError);
    expect(refreshCalls).toEqual(['rft.old', 'rft.old']);
    expect((await db.tikTokConnection.findUniqueOrThrow({ where: { userId } })).status).toBe('needs_reconnect');
    await expect(getAccessToken(userId)).rejects.toBeInstanceOf(NeedsReconnectError);
    expect(refreshCalls).toHaveLength(2);
  });

  it('lost again: marked for reconnection after one retry, never a third presentation', async () => {
    await seed(60_000);
    tokenEndpoint(() => lostAnswer());
    await expect(getAccessToken(userId)).rejects.toBeInstanceOf(NeedsReconnectError);
    expect(refreshCalls).toEqual(['rft.old', 'rft.old']);
    const c = await db.tikTokConnection.findUniqueOrThrow({ where: { userId } });
    expect(c).toMatchObject({ status: 'needs_reconnect', lastError: expect.stringMatching(/answer lost/) });
  });

  it('a 5xx after a lost answer is not retried with backoff: one retry in all, the error is the caller’s', async () => {
    await seed(60_000);
    tokenEndpoint((_r, n) => (n === 1 ? lostAnswer() : new HttpResponse(null, { status: 503 })));
    await expect(getAccessToken(userId)).rejects.toBeInstanceOf(TikTokError);
    expect(refreshCalls).toHaveLength(2);
  });
});

describe('withAccessToken', () => {
  it('refreshes once and retries once when TikTok says access_token_invalid', async () => {
    await seed(3600_000);
    tokenEndpoint((_r, n) => rotated(n));
    const seen: string[] = [];
    const result = await withAccessToken(userId, async (token) => {
      seen.push(token);
      if (token === 'act.old') throw new TikTokError('unauthorized', 'access_token_invalid', 'expired early');
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toEqual(['act.old', 'act.new1']);
    expect(refreshCalls).toHaveLength(1);
  });

  it('does not loop: a second rejection is the caller’s error', async () => {
    await seed(3600_000);
    tokenEndpoint((_r, n) => rotated(n));
    let calls = 0;
    await expect(
      withAccessToken(userId, async () => {
        calls++;
        throw new TikTokError('unauthorized', 'access_token_invalid', 'still no');
      }),
    ).rejects.toBeInstanceOf(TikTokError);
    expect(calls).toBe(2);
    expect(refreshCalls).toHaveLength(1);
  });
});
