import 'server-only';
import { errorMessage } from '../platform/errors';
import { Batch, type Counted } from './batch';
import { addBatch } from './rollup';

// Without Redis: counts wait in this process's memory and are added to the rollups every few
// seconds (and on a graceful stop); the day's visitor hashes go to the database's table, which
// decides who is new. The per-client limit is counted here too, per process.

type State = { batch: Batch; limits: Map<string, number>; minute: number; flushing: Promise<void> | null };
const g = globalThis as unknown as { showreelInsightsMemory?: State };
const state = (): State => (g.showreelInsightsMemory ??= { batch: new Batch(), limits: new Map(), minute: 0, flushing: null });

/** Counts an event unless its client already sent `limit` this minute; false when it is dropped. */
export function recordInMemory(c: Counted, client: string, limit: number, now = Date.now()): boolean {
  const s = state();
  const minute = Math.floor(now / 60_000);
  if (minute !== s.minute) {
    s.limits.clear();
    s.minute = minute;
  }
  const n = (s.limits.get(client) ?? 0) + 1;
  if (n > limit) return false;
  s.limits.set(client, n);
  s.batch.add(c);
  return true;
}

/** Adds what is waiting to the rollups; on failure it waits for the next flush. Returns the events added. */
export async function flushMemory(): Promise<number> {
  const s = state();
  // One flush at a time: a second caller (the stop, while the timer's flush runs) waits for it and then flushes the rest.
  while (s.flushing) await s.flushing;
  if (!s.batch.size) return 0;
  const batch = s.batch;
  s.batch = new Batch();
  let added = 0;
  const run = async () => {
    try {
      await addBatch(batch);
      added = batch.events;
    } catch (e) {
      console.warn(`[insights] could not add ${batch.events} event(s) to the rollups (${errorMessage(e)}); trying again`);
      s.batch.merge(batch);
    } finally {
      s.flushing = null;
    }
  };
  s.flushing = run();
  await s.flushing;
  return added;
}

/** Events waiting in this process. */
export function pendingInMemory(): number {
  return state().batch.events;
}
