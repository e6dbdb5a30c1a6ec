import 'server-only';
import { db } from './db';
import { upsertLease } from './sql';

// A named lock in the database, visible to every process that uses it (SQLite file or PostgreSQL).
// Taking it is one atomic upsert: it succeeds if the key is free, expired, or already ours.

/** Leases this process holds now, so a graceful shutdown can hand them back (see releaseHeldLeases). */
const held = new Map<string, string>();

export async function acquireLease(key: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = Date.now();
  const taken = await upsertLease(key, holder, new Date(now), new Date(now + ttlMs));
  if (taken) held.set(key, holder);
  return taken;
}

export async function releaseLease(key: string, holder: string): Promise<void> {
  await db.lease.deleteMany({ where: { key, holder } });
  if (held.get(key) === holder) held.delete(key);
}

/** Releases every lease this process still holds (on SIGTERM), so others need not wait for expiry. */
export async function releaseHeldLeases(): Promise<number> {
  const entries = [...held];
  await Promise.all(entries.map(([key, holder]) => releaseLease(key, holder)));
  return entries.length;
}

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
