import 'server-only';
import { db } from '../platform/db/client';
import { daysAgo, utcDay } from './day';

/** Rollups are kept this long, then deleted by the clean-up. */
export const ROLLUP_DAYS = 400;
/** A Redis batch's recorded name outlives any chance of that batch being picked up again. */
const FLUSH_RECORD_MS = 2 * 86_400_000;

const g = globalThis as unknown as { showreelInsightsPurged?: string };

/**
 * The day's visitor hashes and salt are deleted once the day is over (the first flush of a new day
 * does it, and the clean-up again), so yesterday's hashes cannot be linked to anyone.
 */
export async function purgePastDays(now = Date.now(), force = false): Promise<number> {
  const today = utcDay(now);
  if (!force && g.showreelInsightsPurged === today) return 0;
  const [visitors, salts] = await db.$transaction([
    db.insightsVisitor.deleteMany({ where: { day: { lt: today } } }),
    db.insightsSalt.deleteMany({ where: { day: { lt: today } } }),
  ]);
  g.showreelInsightsPurged = today;
  return visitors.count + salts.count;
}

/** What the clean-up (lib/sync/cleanup.ts) asks of insights: rollups past 400 days, past days' hashes and salts, old batch records. */
export async function purgeInsights(now = Date.now()): Promise<{ count: number }> {
  const before = daysAgo(ROLLUP_DAYS, now);
  const [days, videos, sources, flushes] = await db.$transaction([
    db.insightsDay.deleteMany({ where: { day: { lt: before } } }),
    db.insightsVideo.deleteMany({ where: { day: { lt: before } } }),
    db.insightsSource.deleteMany({ where: { day: { lt: before } } }),
    db.insightsFlush.deleteMany({ where: { at: { lt: new Date(now - FLUSH_RECORD_MS) } } }),
  ]);
  const past = await purgePastDays(now, true);
  return { count: days.count + videos.count + sources.count + flushes.count + past };
}

/** "Delete my data": every rollup and today's hashes of these showcases. */
export async function deleteInsightsOf(showcaseIds: string[]): Promise<void> {
  if (!showcaseIds.length) return;
  const where = { showcaseId: { in: showcaseIds } };
  await db.$transaction([
    db.insightsDay.deleteMany({ where }),
    db.insightsVideo.deleteMany({ where }),
    db.insightsSource.deleteMany({ where }),
    db.insightsVisitor.deleteMany({ where }),
  ]);
}
