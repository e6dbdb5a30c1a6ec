import 'server-only';
import { chunk } from '../platform/chunk';
import { db } from '../platform/db/client';
import { addCounts, insertNew } from '../platform/db/sql';
import type { Batch } from './batch';
import { existingShowcaseIds } from './showcases';

/**
 * Adds a batch to the rollups in one transaction: per showcase and day, per video, per source; a
 * batch's visitor hashes are inserted into the day's table and only the new ones are counted. With
 * `flushId` (a Redis batch, which two instances may both pick up) the batch is added once: the id is
 * recorded in the same transaction, and a batch whose id is already there is skipped. Returns false
 * when it was skipped. Counts of a showcase deleted meanwhile are dropped. The number of statements grows with the showcases, videos and sources in the
 * batch, not with its events.
 */
export async function addBatch(batch: Batch, flushId?: string, now = new Date()): Promise<boolean> {
  if (!batch.size) return true;
  const live = await existingShowcaseIds([...new Set([...batch.entries.values()].map((e) => e.showcaseId))]);
  return db.$transaction(async (tx) => {
    if (flushId && (await insertNew(tx, 'InsightsFlush', ['id', 'at'], [[flushId, now]])) === 0) return false;
    for (const e of batch.entries.values()) {
      if (!live.has(e.showcaseId)) continue; // deleted since it was counted
      let visitors = e.visitors;
      for (const rows of chunk([...e.hashes], 200)) {
        visitors += await insertNew(
          tx,
          'InsightsVisitor',
          ['day', 'showcaseId', 'hash'],
          rows.map((h) => [e.day, e.showcaseId, h]),
        );
      }
      const key = { showcaseId: e.showcaseId, day: e.day };
      if (e.views || visitors || e.plays || e.linkClicks) {
        await addCounts(tx, 'InsightsDay', key, { views: e.views, visitors, plays: e.plays, linkClicks: e.linkClicks });
      }
      for (const [videoId, v] of e.videos) await addCounts(tx, 'InsightsVideo', { ...key, videoId }, v);
      for (const [host, views] of e.sources) await addCounts(tx, 'InsightsSource', { ...key, host }, { views });
    }
    return true;
  });
}
