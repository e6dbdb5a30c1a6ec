import 'server-only';
import { db } from '../platform/db/client';
import { addCounts } from '../platform/db/sql';
import { lastDays } from './day';
import { showcaseVideoIds } from './showcases';

/** Hosts a demo's visitors seem to come from. */
const DEMO_SOURCES = ['tiktok.com', 'instagram.com', 'linktr.ee', 'twitter.com', 'myblog.example'];

/** A deterministic pseudo-random number in [0, 1) from a seed (the same demo each time it is made). */
function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}

/**
 * Plausible history for a demo (the sandbox's `traffic` control action): `days` days up to today,
 * about `viewsPerDay` views a day with a weekly swing, 60-80 % of them visitors, a quarter playing
 * a video (the showcase's first videos most), a tenth of the plays following a link, and a few
 * sources. Added to whatever the rollups already hold.
 */
export async function fillTraffic(showcaseIds: string[], days: number, viewsPerDay: number, now = Date.now()): Promise<{ days: number; views: number }> {
  let total = 0;
  for (const showcaseId of showcaseIds) {
    const videos = await showcaseVideoIds(showcaseId);
    const dates = lastDays(days, now);
    await db.$transaction(async (tx) => {
      for (const [i, day] of dates.entries()) {
        const swing = 1 + 0.3 * Math.sin((i / 7) * 2 * Math.PI) + 0.2 * (noise(i + 1) - 0.5);
        const views = Math.max(0, Math.round(viewsPerDay * swing));
        const visitors = Math.round(views * (0.6 + 0.2 * noise(i + 2)));
        let plays = 0;
        let linkClicks = 0;
        for (const [rank, videoId] of videos.slice(0, 12).entries()) {
          const p = Math.round((views * 0.25 * noise(i * 31 + rank)) / (rank + 1));
          const l = Math.round(p * 0.1 * noise(i * 17 + rank));
          if (!p && !l) continue;
          plays += p;
          linkClicks += l;
          await addCounts(tx, 'InsightsVideo', { showcaseId, day, videoId }, { plays: p, linkClicks: l });
        }
        let left = Math.round(views * 0.7);
        for (const [rank, host] of DEMO_SOURCES.entries()) {
          const n = rank === DEMO_SOURCES.length - 1 ? left : Math.round(left * 0.5);
          left -= n;
          if (n > 0) await addCounts(tx, 'InsightsSource', { showcaseId, day, host }, { views: n });
        }
        await addCounts(tx, 'InsightsDay', { showcaseId, day }, { views, visitors, plays, linkClicks });
        total += views;
      }
    });
  }
  return { days, views: total };
}
