import { beforeAll, describe, expect, it } from 'vitest';
import { deleteUserData } from '@/lib/account/lifecycle';
import { utcDay } from '@/lib/insights/day';
import { flushInsights } from '@/lib/insights/flush';
import { EVENTS_PER_MINUTE, ingest, type Visit } from '@/lib/insights/ingest';
import { insightsOf } from '@/lib/insights/query';
import { eventSchema } from '@/lib/insights/schema';
import { db } from '@/lib/platform/db/client';
import { storedCreator, storedVideo } from '../support/creators';
import { migrateTestDb } from '../support/db';

// Ingestion without Redis (the SQLite default): events counted in memory, added to the rollups by
// a flush; what is counted, what is ignored, what is dropped, and that nothing names a visitor.

beforeAll(() => migrateTestDb());

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const person = (ip: string, userAgent = CHROME, more: Partial<Visit> = {}): Visit => ({ ip, userAgent, optedOut: false, prefetch: false, ...more });

/** A creator whose default showcase (its id the creator's) is published or not, showing the given videos. */
async function creator(videoIds: string[], published = true): Promise<string> {
  const id = await storedCreator({ published });
  for (const [position, videoId] of videoIds.entries()) await storedVideo(id, videoId, { position });
  return id;
}

const ev = (showcase: string, type: 'view' | 'play' | 'link', video?: string, ref?: string) => eventSchema.parse({ type, showcase, video, ref });

describe('ingestion without Redis', () => {
  it('counts views, distinct visitors, plays and link clicks per video, and referring hosts only', async () => {
    const s = await creator(['7001', '7002']);
    expect(await ingest(ev(s, 'view', undefined, 'www.Instagram.com'), person('203.0.113.1'))).toBe('counted');
    expect(await ingest(ev(s, 'view'), person('203.0.113.1'))).toBe('counted'); // the same visitor again
    expect(await ingest(ev(s, 'view', undefined, 'https://blog.example:8443/a/post?q=1'), person('203.0.113.2', FIREFOX))).toBe('counted');
    expect(await ingest(ev(s, 'view', undefined, 'showreel.test'), person('203.0.113.3'))).toBe('counted'); // the app itself: no source
    expect(await ingest(ev(s, 'play', '7001'), person('203.0.113.2', FIREFOX))).toBe('counted');
    expect(await ingest(ev(s, 'play', '7002'), person('203.0.113.2', FIREFOX))).toBe('counted');
    expect(await ingest(ev(s, 'link', '7002'), person('203.0.113.2', FIREFOX))).toBe('counted');
    // Opted out: a view, never a visitor.
    expect(await ingest(ev(s, 'view'), person('203.0.113.4', CHROME, { optedOut: true }))).toBe('counted');
    // Not counted at all.
    expect(await ingest(ev(s, 'view'), person('203.0.113.5', GOOGLEBOT))).toBe('ignored');
    expect(await ingest(ev(s, 'view'), person('203.0.113.6', CHROME, { prefetch: true }))).toBe('ignored');
    expect(await ingest(ev(s, 'view'), person('203.0.113.7', ''))).toBe('ignored');
    expect(await ingest(ev(s, 'play', '9999'), person('203.0.113.2'))).toBe('ignored'); // not a video of this showcase

    expect(await flushInsights()).toBe(8);
    const got = await insightsOf([s], 7);
    expect(got.totals).toEqual({ views: 5, visitors: 3, plays: 2, linkClicks: 1 });
    expect(got.days).toHaveLength(7);
    expect(got.days[6]).toEqual({ date: utcDay(), views: 5, visitors: 3, plays: 2, linkClicks: 1 });
    expect(got.days.slice(0, 6).every((d) => d.views === 0 && d.visitors === 0)).toBe(true);
    expect(got.videos).toEqual([
      { videoId: '7002', title: 'Video 7002', plays: 1, linkClicks: 1 },
      { videoId: '7001', title: 'Video 7001', plays: 1, linkClicks: 0 },
    ]);
    expect(got.sources).toEqual([
      { host: 'blog.example', views: 1 },
      { host: 'instagram.com', views: 1 },
    ]);

    // A later flush adds to the same rows; the same visitor on the same day is still one.
    await ingest(ev(s, 'view'), person('203.0.113.1'));
    await ingest(ev(s, 'view'), person('203.0.113.9'));
    expect(await flushInsights()).toBe(2);
    expect((await insightsOf([s], 7)).totals).toEqual({ views: 7, visitors: 4, plays: 2, linkClicks: 1 });
  });

  it('ignores unknown and unpublished showcases', async () => {
    const draft = await creator(['7101'], false);
    expect(await ingest(ev(draft, 'view'), person('203.0.113.20'))).toBe('ignored');
    expect(await ingest(ev('no-such-showcase', 'view'), person('203.0.113.20'))).toBe('ignored');
    await flushInsights();
    expect(await db.insightsDay.count({ where: { showcaseId: { in: [draft, 'no-such-showcase'] } } })).toBe(0);
  });

  it(`counts at most ${EVENTS_PER_MINUTE} events a minute per client and showcase, and drops the rest`, async () => {
    const s = await creator(['7201']);
    const other = await creator(['7202']);
    const now = Date.UTC(2026, 11, 1, 10, 0, 5);
    const outcomes: string[] = [];
    for (let i = 0; i < EVENTS_PER_MINUTE + 15; i++) outcomes.push(await ingest(ev(s, 'play', '7201'), person('203.0.113.30'), now));
    expect(outcomes.filter((o) => o === 'counted')).toHaveLength(EVENTS_PER_MINUTE);
    expect(outcomes.filter((o) => o === 'dropped')).toHaveLength(15);
    // Another User-Agent from the same address is the same client; another showcase has its own count.
    expect(await ingest(ev(s, 'view'), person('203.0.113.30', FIREFOX), now)).toBe('dropped');
    expect(await ingest(ev(other, 'view'), person('203.0.113.30'), now)).toBe('counted');
    expect(await ingest(ev(s, 'view'), person('203.0.113.31'), now)).toBe('counted');
    await flushInsights(now);
    const row = await db.insightsDay.findUnique({ where: { showcaseId_day: { showcaseId: s, day: '2026-12-01' } } });
    expect(row).toMatchObject({ plays: EVENTS_PER_MINUTE, views: 1 });
  });

  it('keeps no IP and no User-Agent: only a salted hash per visitor, and none for an opted-out one', async () => {
    const s = await creator([]);
    expect(await ingest(ev(s, 'view'), person('198.18.7.42', `${CHROME} Zqxv/9.9`))).toBe('counted');
    expect(await ingest(ev(s, 'view'), person('198.18.7.43', CHROME, { optedOut: true }))).toBe('counted');
    expect(await flushInsights()).toBe(2);
    const hashes = await db.insightsVisitor.findMany({ where: { showcaseId: s } });
    expect(hashes).toHaveLength(1);
    expect(hashes[0].hash).toMatch(/^[0-9a-f]{32}$/);
    const everything = JSON.stringify(
      await Promise.all([
        db.insightsDay.findMany(),
        db.insightsVideo.findMany(),
        db.insightsSource.findMany(),
        db.insightsVisitor.findMany(),
        db.insightsSalt.findMany(),
      ]),
    );
    for (const secret of ['198.18.7.42', '198.18.7.43', 'Zqxv']) expect(everything).not.toContain(secret);
  });

  it('refuses what is not an event', () => {
    expect(eventSchema.safeParse({ type: 'view' }).success).toBe(false);
    expect(eventSchema.safeParse({ type: 'click', showcase: 'x' }).success).toBe(false);
    expect(eventSchema.safeParse({ type: 'play', showcase: 'x' }).success).toBe(false); // a play names its video
    expect(eventSchema.safeParse({ type: 'view', showcase: 'x/../y' }).success).toBe(false);
    expect(eventSchema.safeParse({ type: 'link', showcase: 'x', video: '12' }).success).toBe(true);
  });

  it('"Delete my data" deletes the showcase\'s rollups and hashes, and a later flush adds nothing back', async () => {
    const s = await creator(['7301']);
    await ingest(ev(s, 'view', undefined, 'tiktok.com'), person('203.0.113.40'));
    await ingest(ev(s, 'play', '7301'), person('203.0.113.40'));
    await flushInsights();
    await ingest(ev(s, 'view'), person('203.0.113.41')); // counted, not yet flushed
    await deleteUserData(s);
    await flushInsights();
    const where = { showcaseId: s };
    const left = await Promise.all([
      db.insightsDay.count({ where }),
      db.insightsVideo.count({ where }),
      db.insightsSource.count({ where }),
      db.insightsVisitor.count({ where }),
    ]);
    expect(left).toEqual([0, 0, 0, 0]);
  });
});
