import 'server-only';
import { db } from './client';
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

/** Leases that expired over an hour ago: nobody holds them any more. */
export function purgeLeases(now = Date.now()) {
  return db.lease.deleteMany({ where: { expiresAt: { lt: new Date(now - 3600_000) } } });
}
