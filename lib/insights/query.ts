import 'server-only';
import { db } from '../platform/db/client';
import { lastDays } from './day';
import { videoTitles } from './showcases';

export type DayRow = { date: string; views: number; visitors: number; plays: number; linkClicks: number };

/** GET /api/showcases/{id}/insights's answer, the Insights view's data. */
export type Insights = {
  totals: { views: number; visitors: number; plays: number; linkClicks: number };
  days: DayRow[];
  videos: Array<{ videoId: string; title: string; plays: number; linkClicks: number }>;
  sources: Array<{ host: string; views: number }>;
};

const TOP_VIDEOS = 20;
const TOP_SOURCES = 10;

/**
 * The last `days` UTC days of these showcases (one, or all of a creator's for the overview), every
 * day present (zeros where nothing was counted). Visitors of several showcases are added up: a
 * person who saw two showcases is a visitor of each.
 */
export async function insightsOf(showcaseIds: string[], days: number, now = Date.now()): Promise<Insights> {
  const dates = lastDays(days, now);
  const where = { showcaseId: { in: showcaseIds }, day: { gte: dates[0], lte: dates[dates.length - 1] } };
  const [dayRows, videoRows, sourceRows] = await Promise.all([
    db.insightsDay.groupBy({ by: ['day'], where, _sum: { views: true, visitors: true, plays: true, linkClicks: true } }),
    db.insightsVideo.groupBy({ by: ['videoId'], where, _sum: { plays: true, linkClicks: true } }),
    db.insightsSource.groupBy({ by: ['host'], where, _sum: { views: true } }),
  ]);
  const byDay = new Map(dayRows.map((r) => [r.day, r._sum]));
  const rows: DayRow[] = dates.map((date) => {
    const s = byDay.get(date);
    return { date, views: s?.views ?? 0, visitors: s?.visitors ?? 0, plays: s?.plays ?? 0, linkClicks: s?.linkClicks ?? 0 };
  });
  const totals = rows.reduce(
    (t, r) => ({ views: t.views + r.views, visitors: t.visitors + r.visitors, plays: t.plays + r.plays, linkClicks: t.linkClicks + r.linkClicks }),
    { views: 0, visitors: 0, plays: 0, linkClicks: 0 },
  );
  const top = videoRows
    .map((r) => ({ videoId: r.videoId, plays: r._sum.plays ?? 0, linkClicks: r._sum.linkClicks ?? 0 }))
    .sort((a, b) => b.plays - a.plays || b.linkClicks - a.linkClicks || a.videoId.localeCompare(b.videoId))
    .slice(0, TOP_VIDEOS);
  const titles = await videoTitles(
    showcaseIds,
    top.map((v) => v.videoId),
  );
  return {
    totals,
    days: rows,
    videos: top.map((v) => ({
      videoId: v.videoId,
      title: titles.get(v.videoId) ?? 'A video no longer in the showcase',
      plays: v.plays,
      linkClicks: v.linkClicks,
    })),
    sources: sourceRows
      .map((r) => ({ host: r.host, views: r._sum.views ?? 0 }))
      .sort((a, b) => b.views - a.views || a.host.localeCompare(b.host))
      .slice(0, TOP_SOURCES),
  };
}

/** The daily rows as CSV (the Insights view's download). */
export function daysCsv(days: DayRow[]): string {
  return `${['date,views,visitors,plays,link_clicks', ...days.map((d) => `${d.date},${d.views},${d.visitors},${d.plays},${d.linkClicks}`)].join('\n')}\n`;
}
