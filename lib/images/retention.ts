import 'server-only';
import { db } from '../platform/db/client';
import { queueEdgePurge } from '../platform/edge/outbox';
import { imageStore } from './store';
import { imageTag } from './tags';

// Copies live as long as something shows them: a video's cover (Video.coverHash) or a creator's
// avatar (User.avatarHash). lib/images owns the Image table, so its retention is here.

/** Hashes among `hashes` that no video or profile names any more. */
async function unused(hashes: Array<string | null | undefined>): Promise<string[]> {
  const candidates = [...new Set(hashes.filter((h): h is string => Boolean(h)))];
  if (candidates.length === 0) return [];
  const [videos, users] = await Promise.all([
    db.video.findMany({ where: { coverHash: { in: candidates } }, select: { coverHash: true } }),
    db.user.findMany({ where: { avatarHash: { in: candidates } }, select: { avatarHash: true } }),
  ]);
  const used = new Set([...videos.map((v) => v.coverHash), ...users.map((u) => u.avatarHash)]);
  return candidates.filter((h) => !used.has(h));
}

/**
 * Deletes at once the copies among `hashes` that nothing uses any more (a video left the showcase or
 * TikTok, an avatar changed, an account was disconnected or deleted). Returns how many files went.
 */
export async function releaseImages(hashes: Array<string | null | undefined>): Promise<number> {
  return removeCopies(await unused(hashes));
}

/** Deletes the copies, and has the edge cache forget them too. */
async function removeCopies(hashes: string[]): Promise<number> {
  const n = await imageStore.remove(hashes);
  await queueEdgePurge(hashes.map(imageTag));
  return n;
}

/** How long a fresh copy may wait for the row that will name it (a save stores copies before its transaction). */
const GRACE_MS = 3600_000;

/**
 * The sync's clean-up: copies older than an hour that nothing names (left behind by a save that
 * failed after copying, or by a crash). Returns { count } like the other purges.
 */
export async function purgeUnusedImages(now = Date.now()): Promise<{ count: number }> {
  const old = await db.image.findMany({ where: { createdAt: { lt: new Date(now - GRACE_MS) } }, select: { hash: true }, distinct: ['hash'] });
  return { count: await removeCopies(await unused(old.map((r) => r.hash))) };
}
