import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Batch } from '@/lib/insights/batch';
import { beaconScript } from '@/lib/insights/beacon';
import { daysAgo, utcDay } from '@/lib/insights/day';
import { daysCsv, insightsOf } from '@/lib/insights/query';
import { referrerHost } from '@/lib/insights/referrer';
import { purgeInsights, ROLLUP_DAYS } from '@/lib/insights/retention';
import { addBatch } from '@/lib/insights/rollup';
import { fillTraffic } from '@/lib/insights/traffic';
import { db } from '@/lib/platform/db/client';
import { storedCreator, storedVideo } from '../support/creators';
import { migrateTestDb } from '../support/db';

beforeAll(() => migrateTestDb());

const showcase = () => storedCreator();

function batchOf(showcaseId: string, day: string, views: number, plays: Record<string, number> = {}): Batch {
  const b = new Batch();
  for (let i = 0; i < views; i++) b.add({ showcaseId, day, type: 'view', host: 'tiktok.com', visitor: `h${i}` });
  for (const [videoId, n] of Object.entries(plays)) for (let i = 0; i < n; i++) b.add({ showcaseId, day, type: 'play', videoId });
  return b;
}

describe('the rollups', () => {
  it('add up batches, and a batch recorded under a name is added once however often it is offered', async () => {
    const s = await showcase();
    const day = utcDay();
    expect(await addBatch(batchOf(s, day, 3, { '1': 2 }))).toBe(true);
    expect(await addBatch(batchOf(s, day, 2, { '1': 1, '2': 4 }))).toBe(true);
    const named = batchOf(s, day, 10);
    const results = await Promise.all([addBatch(named, `flush-${s}`), addBatch(named, `flush-${s}`)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await addBatch(named, `flush-${s}`)).toBe(false);
    const row = await db.insightsDay.findUnique({ where: { showcaseId_day: { showcaseId: s, day } } });
    // Hashes h0..h9 are the same visitors in every batch: 10 distinct.
    expect(row).toMatchObject({ views: 15, visitors: 10, plays: 7 });
    expect(await db.insightsSource.findUnique({ where: { showcaseId_day_host: { showcaseId: s, day, host: 'tiktok.com' } } })).toMatchObject({ views: 15 });
    const videos = await db.insightsVideo.findMany({ where: { showcaseId: s }, orderBy: { videoId: 'asc' } });
    expect(videos.map((v) => [v.videoId, v.plays])).toEqual([
      ['1', 3],
      ['2', 4],
    ]);
  });

  it('answers the last 7, 30 or 90 days, every day present, with the daily rows as CSV', async () => {
    const s = await showcase();
    await addBatch(batchOf(s, daysAgo(0), 2));
    await addBatch(batchOf(s, daysAgo(6), 1));
    await addBatch(batchOf(s, daysAgo(7), 5)); // outside the last 7 days
    const week = await insightsOf([s], 7);
    expect(week.days.map((d) => d.date)).toEqual([6, 5, 4, 3, 2, 1, 0].map((n) => daysAgo(n)));
    expect(week.totals.views).toBe(3);
    expect((await insightsOf([s], 30)).totals.views).toBe(8);
    const csv = daysCsv(week.days).trim().split('\n');
    expect(csv[0]).toBe('date,views,visitors,plays,link_clicks');
    expect(csv).toHaveLength(8);
    expect(csv[7]).toBe(`${daysAgo(0)},2,2,0,0`);
  });

  it(`are kept ${ROLLUP_DAYS} days; past days' visitor hashes and salts go when the day ends`, async () => {
    const s = await showcase();
    const now = Date.now();
    await addBatch(batchOf(s, daysAgo(ROLLUP_DAYS + 1, now), 1, { '9': 1 }));
    await addBatch(batchOf(s, daysAgo(ROLLUP_DAYS - 1, now), 1));
    await addBatch(batchOf(s, daysAgo(1, now), 2));
    await addBatch(batchOf(s, daysAgo(0, now), 1));
    await db.insightsSalt.createMany({ data: [{ day: daysAgo(1, now), salt: 'old' }] });
    await purgeInsights(now);
    const days = (await db.insightsDay.findMany({ where: { showcaseId: s }, orderBy: { day: 'asc' } })).map((r) => r.day);
    expect(days).toEqual([daysAgo(ROLLUP_DAYS - 1, now), daysAgo(1, now), daysAgo(0, now)]);
    expect(await db.insightsVideo.count({ where: { showcaseId: s } })).toBe(0);
    expect((await db.insightsVisitor.findMany({ where: { showcaseId: s } })).map((v) => v.day)).toEqual([daysAgo(0, now)]);
    expect(await db.insightsSalt.count({ where: { day: { lt: utcDay(now) } } })).toBe(0);
  });

  it("the sandbox's traffic fills plausible history", async () => {
    const s = await showcase();
    await storedVideo(s, '55', { position: 0 });
    await fillTraffic([s], 30, 200);
    const got = await insightsOf([s], 30);
    expect(got.days.every((d) => d.views > 100 && d.visitors > 0 && d.visitors <= d.views)).toBe(true);
    expect(got.totals.plays).toBeGreaterThan(0);
    expect(got.videos[0]).toMatchObject({ videoId: '55', title: 'Video 55' });
    expect(got.sources.length).toBeGreaterThan(2);
  });
});

describe('the referring host', () => {
  it('is the host alone, never a path, query or port, and never the app itself', () => {
    expect(referrerHost('https://www.TikTok.com/@me/video/1?x=1', 'showreel.test')).toBe('tiktok.com');
    expect(referrerHost('blog.example:8080', 'showreel.test')).toBe('blog.example');
    expect(referrerHost('127.0.0.1:5000', '127.0.0.1:3000')).toBe('127.0.0.1');
    expect(referrerHost('127.0.0.1:3000', '127.0.0.1:3000')).toBeNull();
    expect(referrerHost('showreel.test', 'showreel.test')).toBeNull();
    expect(referrerHost('', 'showreel.test')).toBeNull();
    expect(referrerHost('<script>', 'showreel.test')).toBeNull();
  });
});

describe('the counting script', () => {
  it('is under 1 kB gzipped, sends beacons to the app itself, and uses no cookie or storage', () => {
    expect(gzipSync(beaconScript.source).length).toBeLessThanOrEqual(1024);
    expect(beaconScript.source).toContain("sendBeacon('/api/events'");
    expect(beaconScript.source).not.toMatch(/document\.cookie|localStorage|sessionStorage|indexedDB|https?:\/\//);
  });
});
