import 'server-only';
import { db } from './db';

// A named lock in the database, visible to every process on the same SQLite file. Taking it is one
// atomic upsert: it succeeds if the key is free, expired, or already ours.

export async function acquireLease(key: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = Date.now();
  const changed = await db.$executeRaw`
    INSERT INTO "Lease" ("key", "holder", "expiresAt") VALUES (${key}, ${holder}, ${now + ttlMs})
    ON CONFLICT ("key") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
    WHERE "Lease"."expiresAt" < ${now} OR "Lease"."holder" = excluded."holder"`;
  return changed > 0;
}

export async function releaseLease(key: string, holder: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "Lease" WHERE "key" = ${key} AND "holder" = ${holder}`;
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
