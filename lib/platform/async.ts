// Waiting and coalescing, shared by the token refresh, the cover refresh, the budget and the worker.

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
