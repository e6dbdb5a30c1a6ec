// Waiting and coalescing, shared by the token refresh, the cover refresh, the budget and the worker.
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Single-flight within this process: callers for the same key while a run is in progress share its
 * promise; the next caller after it settles starts a new run. (Across processes: use a lease.)
 */
export function singleFlight<T>(inflight: Map<string, Promise<T>>, key: string, run: () => Promise<T>): Promise<T> {
  let p = inflight.get(key);
  if (!p) {
    p = run().finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter: attempt 0 → up to base, 1 → up to 2×base, … */
export function backoff(attempt: number, baseMs = 250): number {
  return Math.round(Math.random() * baseMs * 2 ** attempt) + 50;
}

const deadlines = new AsyncLocalStorage<number>();

/**
 * Runs `fn` with a deadline `ms` from now for everything it waits on outside (TikTok calls and their
 * retries read it through remainingMs), so one request never waits longer than that in total.
 */
export function withDeadline<T>(ms: number, fn: () => T): T {
  const at = Date.now() + ms;
  const outer = deadlines.getStore();
  return deadlines.run(outer === undefined ? at : Math.min(outer, at), fn);
}

/** Milliseconds left before the current deadline, or Infinity outside of one (the worker, the sync). */
export function remainingMs(): number {
  const at = deadlines.getStore();
  return at === undefined ? Number.POSITIVE_INFINITY : at - Date.now();
}
