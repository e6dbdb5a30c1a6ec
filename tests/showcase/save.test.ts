import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db/client';
import { setPublished } from '@/lib/showcase/publish';
import { readShowcase } from '@/lib/showcase/read';
import { NotOwnedError, saveShowcase } from '@/lib/showcase/save';
import { migrateTestDb } from '../support/db';
import { setupMsw } from '../support/msw';
import { connectedCreator, fakeDisplayApi, fakeVideos } from '../support/tiktok';

const server = setupMsw();
beforeAll(() => migrateTestDb());

const mine = fakeVideos(45, '71');
const theirs = fakeVideos(3, '72');

describe('saveShowcase', () => {
  it('keeps the order given, asks TikTok in batches of 20, and stores the videos with their counts', async () => {
    const userId = await connectedCreator();
    const calls = fakeDisplayApi(server, () => mine);
    const ids = [mine[30].id, mine[2].id, ...mine.slice(3, 25).map((v) => v.id)];
    const saved = await saveShowcase(userId, ids);
    expect(saved.map((e) => e.videoId)).toEqual(ids);
    expect(calls['video/query']).toBe(Math.ceil(ids.length / 20));
    const row = await db.video.findUniqueOrThrow({ where: { userId_id: { userId, id: mine[30].id } } });
    expect(row.title).toBe('Video 30');
    expect(Number(row.viewCount)).toBe(100);
    expect(row.aiGenerated).toBe(false);
  });

  it('stores TikTok\u2019s AI-generated mark (is_aigc) with each video', async () => {
    const userId = await connectedCreator();
    const videos = fakeVideos(2, '79').map((v, i) => ({ ...v, aigc: i === 0 }));
    fakeDisplayApi(server, () => videos);
    await saveShowcase(
      userId,
      videos.map((v) => v.id),
    );
    const rows = await db.video.findMany({ where: { userId }, orderBy: { id: 'asc' }, select: { id: true, aiGenerated: true } });
    expect(rows).toEqual([
      { id: videos[0].id, aiGenerated: true },
      { id: videos[1].id, aiGenerated: false },
    ]);
  });

  it('refuses ids that are not the creator\u2019s own, and then changes nothing', async () => {
    const userId = await connectedCreator();
    fakeDisplayApi(server, () => mine);
    await saveShowcase(userId, [mine[0].id, mine[1].id]);
    const attempt = saveShowcase(userId, [mine[2].id, theirs[0].id]);
    await expect(attempt).rejects.toBeInstanceOf(NotOwnedError);
    await expect(attempt).rejects.toMatchObject({ videoIds: [theirs[0].id] });
    expect((await readShowcase(userId)).map((e) => e.videoId)).toEqual([mine[0].id, mine[1].id]);
  });

  it('leaves the saved showcase as it was when TikTok fails mid-way (the second batch)', async () => {
    const userId = await connectedCreator();
    fakeDisplayApi(server, () => mine);
    await saveShowcase(userId, [mine[0].id]);
    fakeDisplayApi(
      server,
      () => mine,
      (endpoint, n) => endpoint === 'video/query' && n >= 2,
    );
    await expect(
      saveShowcase(
        userId,
        mine.slice(0, 25).map((v) => v.id),
      ),
    ).rejects.toBeDefined();
    expect((await readShowcase(userId)).map((e) => e.videoId)).toEqual([mine[0].id]);
    expect(await db.video.count({ where: { userId } })).toBe(1);
  });

  it('an empty showcase asks TikTok nothing and clears the stored videos', async () => {
    const userId = await connectedCreator();
    const calls = fakeDisplayApi(server, () => mine);
    await saveShowcase(userId, [mine[0].id]);
    await saveShowcase(userId, []);
    expect(calls['video/query']).toBe(1);
    expect(await readShowcase(userId)).toEqual([]);
    expect(await db.video.count({ where: { userId } })).toBe(0);
  });

  it('publishes a draft on its first non-empty save, and leaves the switch alone after that', async () => {
    const userId = await connectedCreator();
    await db.user.update({ where: { id: userId }, data: { published: false, publishedAt: null } });
    fakeDisplayApi(server, () => mine);
    const state = () => db.user.findUniqueOrThrow({ where: { id: userId }, select: { published: true, publishedAt: true } });
    await saveShowcase(userId, []);
    expect(await state()).toEqual({ published: false, publishedAt: null });
    await saveShowcase(userId, [mine[0].id]);
    const first = await state();
    expect(first.published).toBe(true);
    expect(first.publishedAt).toBeInstanceOf(Date);
    // The creator unpublishes: later saves keep it unpublished, and publishing again keeps the first date.
    await setPublished(userId, false);
    await saveShowcase(userId, [mine[1].id]);
    expect(await state()).toEqual({ published: false, publishedAt: first.publishedAt });
    await setPublished(userId, true);
    expect(await state()).toEqual({ published: true, publishedAt: first.publishedAt });
  });
});
