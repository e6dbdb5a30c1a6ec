import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db/client';
import { saveShowcase } from '@/lib/showcase/save';
import { runSync } from '@/lib/sync/run';
import { migrateTestDb } from '../support/db';
import { setupMsw } from '../support/msw';
import { connectedCreator, type FakeVideo, fakeDisplayApi, fakeVideos } from '../support/tiktok';

const server = setupMsw();
beforeAll(() => migrateTestDb());
// Each test works on the accounts it makes: earlier ones are set aside as synced just now.
beforeEach(() => db.tikTokConnection.updateMany({ data: { lastSyncedAt: new Date() } }));

const quiet = () => undefined;

describe('runSync', () => {
  it('takes only accounts that are due (or all with `all`), in batches, and records the time', async () => {
    const videos = fakeVideos(5, '73');
    const due = await connectedCreator();
    const recent = await connectedCreator();
    await db.tikTokConnection.update({ where: { userId: due }, data: { lastSyncedAt: new Date(Date.now() - 13 * 3600_000) } });
    await db.tikTokConnection.update({ where: { userId: recent }, data: { lastSyncedAt: new Date(Date.now() - 3600_000) } });
    fakeDisplayApi(server, () => videos);
    const lines: string[] = [];
    const first = await runSync({ log: (l) => lines.push(l), batchSize: 1 });
    expect(first).toMatchObject({ accounts: 1, done: 1, failed: 0, skipped: 0 });
    expect((await db.tikTokConnection.findUniqueOrThrow({ where: { userId: due } })).lastSyncedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(lines).toContain('progress: 1/1');
    const all = await runSync({ all: true, log: quiet, batchSize: 2 });
    expect(all.accounts).toBeGreaterThanOrEqual(2);
    expect(all.done).toBe(all.accounts);
  });

  it('updates saved videos from TikTok (counts included) and marks those TikTok no longer returns', async () => {
    const videos: FakeVideo[] = fakeVideos(30, '74');
    const userId = await connectedCreator();
    fakeDisplayApi(server, () => videos);
    await saveShowcase(userId, [videos[0].id, videos[25].id, videos[26].id]);
    await db.tikTokConnection.update({ where: { userId }, data: { lastSyncedAt: null } });
    // On TikTok since: more views on one, another made private (no longer returned).
    videos[0].views = 5000;
    videos[25].aigc = true;
    const gone = videos.splice(26, 1)[0];
    const calls = fakeDisplayApi(server, () => videos);
    const summary = await runSync({ log: quiet });
    expect(summary.done).toBe(1);
    // The recent page covers video 0; one video/query batch asks for the rest (25 and the gone one).
    expect(calls['video/list']).toBe(1);
    expect(calls['video/query']).toBe(1);
    const rows = await db.video.findMany({ where: { userId }, orderBy: { id: 'asc' } });
    expect(Number(rows.find((r) => r.id === videos[0].id)?.viewCount)).toBe(5000);
    expect(rows.find((r) => r.id === gone.id)?.available).toBe(false);
    expect(rows.find((r) => r.id === videos[25].id)?.available).toBe(true);
    // TikTok's AI-generated mark, read at the sync, is stored with the video.
    expect(rows.find((r) => r.id === videos[25].id)?.aiGenerated).toBe(true);
    expect(rows.find((r) => r.id === videos[0].id)?.aiGenerated).toBe(false);
  });

  it('records a failure on the account and goes on with the others', async () => {
    const videos = fakeVideos(3, '75');
    const broken = await connectedCreator();
    const fine = await connectedCreator();
    await db.tikTokConnection.updateMany({ where: { userId: { in: [broken, fine] } }, data: { lastSyncedAt: null } });
    fakeDisplayApi(
      server,
      () => videos,
      (endpoint, _n, token) => endpoint === 'user/info' && token === `act.${broken}`,
    );
    const summary = await runSync({ log: quiet });
    expect(summary).toMatchObject({ accounts: 2, done: 1, failed: 1 });
    expect((await db.tikTokConnection.findUniqueOrThrow({ where: { userId: broken } })).lastError).toMatch(/.+/);
    expect((await db.tikTokConnection.findUniqueOrThrow({ where: { userId: fine } })).lastError).toBeNull();
  });

  it('skips an account another worker holds, and takes no account twice at once', async () => {
    const videos = fakeVideos(2, '76');
    const userId = await connectedCreator();
    await db.tikTokConnection.update({ where: { userId }, data: { lastSyncedAt: null } });
    await db.lease.create({ data: { key: `sync:${userId}`, holder: 'other-worker', expiresAt: new Date(Date.now() + 60_000) } });
    fakeDisplayApi(server, () => videos);
    expect(await runSync({ log: quiet })).toMatchObject({ accounts: 1, skipped: 1, done: 0 });
  });

  it('leaves alone a connection whose refresh token has run out: no TikTok call, the stored showcase stays', async () => {
    const videos = fakeVideos(3, '77');
    const expired = await connectedCreator();
    const expiring = await connectedCreator();
    fakeDisplayApi(server, () => videos);
    await saveShowcase(expired, [videos[0].id, videos[1].id]);
    // Its access token is dead too, and its refresh token ran out a minute ago; the other one's runs out in 10 days.
    await db.tikTokConnection.update({
      where: { userId: expired },
      data: { lastSyncedAt: null, accessExpiresAt: new Date(Date.now() - 3600_000), refreshExpiresAt: new Date(Date.now() - 60_000) },
    });
    await db.tikTokConnection.update({ where: { userId: expiring }, data: { lastSyncedAt: null, refreshExpiresAt: new Date(Date.now() + 10 * 86_400_000) } });
    // Any call to the token endpoint would fail the test (MSW refuses unhandled requests); the Display API counts per token.
    const seen: string[] = [];
    const calls = fakeDisplayApi(
      server,
      () => videos,
      (_endpoint, _n, token) => {
        seen.push(token);
        return false;
      },
    );
    const lines: string[] = [];
    const first = await runSync({ log: (l) => lines.push(l) });
    expect(first).toMatchObject({ accounts: 1, done: 1, failed: 0, expired: 1 });
    expect(seen.filter((t) => t === `act.${expired}`)).toEqual([]);
    expect(seen).toContain(`act.${expiring}`);
    expect(lines).toContain('1 account(s) left alone: their refresh token has expired, the creator has to reconnect');
    // Every later sync leaves it alone again (no retry storm), and what visitors see is untouched.
    const before = calls['video/list'];
    expect(await runSync({ all: true, log: quiet })).toMatchObject({ expired: 1 });
    expect(seen.filter((t) => t === `act.${expired}`)).toEqual([]);
    expect(calls['video/list']).toBeGreaterThan(before);
    const rows = await db.video.findMany({ where: { userId: expired }, select: { id: true, available: true }, orderBy: { id: 'asc' } });
    expect(rows).toEqual([
      { id: videos[0].id, available: true },
      { id: videos[1].id, available: true },
    ]);
    const c = await db.tikTokConnection.findUniqueOrThrow({ where: { userId: expired } });
    expect(c).toMatchObject({ status: 'active', lastSyncedAt: null });
  });
});
