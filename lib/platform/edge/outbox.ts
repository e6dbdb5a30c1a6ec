import 'server-only';
import { backoff, sleep } from '../async';
import { env } from '../config/env';
import { db } from '../db/client';
import { errorMessage } from '../errors';
import { purgeAt } from './adapters';

/** A transaction's view of the database (Prisma's interactive transaction client). */
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Each change is purged twice: at once, and again a few seconds later. The second pass catches a
 * copy the edge fetched again in between from an origin whose own cache had not dropped the page
 * yet (without Redis Next drops it only after the change's response has left; a render that began
 * before the change can finish after it). Without Redis a change made outside a Next server (the
 * worker) reaches the origin's pages only when their 5-minute window ends, so a last pass follows it.
 */
export const SETTLE_MS = 3_000;
export const LATE_MS = 330_000;
/** While one process delivers a row, the others leave it alone this long. */
const CLAIM_MS = 30_000;
/** A failing edge is tried again after 1 s, 2 s, 4 s … at most every 5 minutes, until it confirms. */
const MAX_RETRY_MS = 5 * 60_000;

const edges = () => env().edge;

/** True when an edge cache is configured (purges are owed to it). */
export const hasEdge = () => edges().length > 0;

function rowsFor(tags: string[], now = Date.now()) {
  if (!hasEdge() || tags.length === 0) return [];
  const passes = [0, SETTLE_MS, ...(env().redisUrl ? [] : [LATE_MS])];
  return passes.map((delay) => ({ tags: [...new Set(tags)].join(' '), nextAttemptAt: new Date(now + delay) }));
}

/** The outbox writes for `tags`, to put in the change's own array transaction (none without an edge). */
export function edgePurgeWrites(tags: string[]) {
  return rowsFor(tags).map((data) => db.edgePurge.create({ data, select: { id: true } }));
}

/** Writes the purges of `tags` inside the caller's interactive transaction. */
export async function queueEdgePurgeIn(tx: Tx, tags: string[]): Promise<void> {
  const rows = rowsFor(tags);
  if (rows.length) await tx.edgePurge.createMany({ data: rows });
}

/** Writes the purges of `tags` now, for a change that had no transaction of its own. */
export async function queueEdgePurge(tags: string[]): Promise<void> {
  const rows = rowsFor(tags);
  if (rows.length) await db.edgePurge.createMany({ data: rows });
}

export type DeliveryResult = { delivered: number; failed: number };

/**
 * Delivers the purges that are due to every configured edge: a row is deleted once every edge
 * confirmed, otherwise tried again later with backoff. Any process may run this at any time; a row
 * one process is delivering is claimed (its next try moved on) so the others skip it, and a purge
 * delivered twice does no harm.
 */
export async function deliverEdgePurges({ now = Date.now(), limit = 50 }: { now?: number; limit?: number } = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { delivered: 0, failed: 0 };
  const targets = edges();
  if (targets.length === 0) return result;
  const due = await db.edgePurge.findMany({ where: { nextAttemptAt: { lte: new Date(now) } }, orderBy: { id: 'asc' }, take: limit });
  for (const row of due) {
    const claimed = await db.edgePurge.updateMany({
      where: { id: row.id, nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: new Date(now + CLAIM_MS) },
    });
    if (claimed.count !== 1) continue;
    try {
      const tags = row.tags.split(' ').filter(Boolean);
      for (const edge of targets) await purgeAt(edge, tags);
      await db.edgePurge.deleteMany({ where: { id: row.id } });
      result.delivered++;
    } catch (e) {
      result.failed++;
      const message = errorMessage(e);
      await db.edgePurge.updateMany({
        where: { id: row.id },
        data: {
          attempts: { increment: 1 },
          lastError: message.slice(0, 200),
          nextAttemptAt: new Date(Date.now() + Math.min(backoff(row.attempts, 1_000), MAX_RETRY_MS)),
        },
      });
      if (row.attempts === 0) console.warn(`[edge] ${message}; will try again`);
    }
  }
  return result;
}

let running: Promise<DeliveryResult> | null = null;
let again: Promise<DeliveryResult> | null = null;

/**
 * Delivers what is due now, one run per process at a time. A caller arriving during a run gets the
 * run that follows it (the run in progress may have read the outbox before the caller's rows).
 */
export function deliverDueEdgePurges(): Promise<DeliveryResult> {
  if (!running) {
    running = deliverEdgePurges().finally(() => {
      running = null;
    });
    return running;
  }
  again ??= running
    .catch(() => undefined)
    .then(() => {
      again = null;
      return deliverDueEdgePurges();
    });
  return again;
}

/** How long a change's answer waits for its purge; past it the outbox delivers it in the background. */
const INLINE_WAIT_MS = 1_500;

/** Delivers the due purges now, waiting at most a moment: a failure is the outbox's to retry, never the caller's. */
export async function deliverEdgePurgesNow(): Promise<void> {
  if (!hasEdge()) return;
  const run = deliverDueEdgePurges().catch((e) => console.warn(`[edge] could not read the purge outbox: ${errorMessage(e)}`));
  await Promise.race([run, sleep(INLINE_WAIT_MS)]);
}

/**
 * Delivers the due purges every `intervalMs` in this process until the returned function is called.
 * Every app instance and the worker run it, so a purge written by a process that died is delivered
 * by another.
 */
export function startEdgePurgeLoop(intervalMs = 1_000): () => void {
  if (!hasEdge()) return () => undefined;
  const timer = setInterval(() => {
    deliverDueEdgePurges().catch((e) => console.warn(`[edge] could not read the purge outbox: ${errorMessage(e)}`));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
