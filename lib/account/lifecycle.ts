import 'server-only';
import { decryptToken } from '../auth/token-cipher';
import { releaseImages } from '../images/retention';
import { deleteInsightsOf } from '../insights/retention';
import { ownedShowcaseIds } from '../insights/showcases';
import { db } from '../platform/db/client';
import { edgePurgeWrites } from '../platform/edge/outbox';
import { errorMessage } from '../platform/errors';
import { showcaseEdgeTags } from '../showcase/edge-tags';
import { queueShowcasePurgeIn, revalidateHandle } from '../showcase/revalidate';
import { revokeToken } from '../tiktok/client';

/** Tells TikTok to drop our access, best effort: a dead token is already what we want. */
async function revokeAtTikTok(userId: string): Promise<void> {
  const c = await db.tikTokConnection.findUnique({ where: { userId }, select: { accessTokenEnc: true } });
  if (!c) return;
  try {
    await revokeToken(decryptToken(c.accessTokenEnc, userId));
  } catch (e) {
    console.warn(`[account] revoke failed for user ${userId}: ${errorMessage(e)}`);
  }
}

/** A transaction's view of the database (Prisma's interactive transaction client). */
export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Forgets the tokens and unpublishes the showcase, inside the caller's transaction; returns the
 * handle whose public surfaces must be dropped once it commits (their edge purge is already in the
 * outbox), or null when there was no such user.
 */
export async function forgetConnectionIn(tx: Tx, userId: string): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (!user) return null;
  await tx.tikTokConnection.deleteMany({ where: { userId } });
  await tx.user.update({ where: { id: userId }, data: { published: false } });
  await queueShowcasePurgeIn(tx, user.handle);
  return user.handle;
}

/** The hashes of every copy a creator's profile and videos name. */
async function imagesOf(userId: string): Promise<Array<string | null>> {
  const [user, videos] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { avatarHash: true } }),
    db.video.findMany({ where: { userId }, select: { coverHash: true } }),
  ]);
  return [user?.avatarHash ?? null, ...videos.map((v) => v.coverHash)];
}

/**
 * Deletes the copies of a disconnected creator's avatar and covers (and the rows' pointers to them):
 * nothing of theirs stays served. A reconnect copies them again (lib/account/sign-in.ts). Run after
 * the transaction that forgot the connection.
 */
export async function dropImagesOf(userId: string): Promise<void> {
  const hashes = await imagesOf(userId);
  await db.$transaction([
    db.video.updateMany({ where: { userId }, data: { coverHash: null, coverSource: null } }),
    db.user.updateMany({ where: { id: userId }, data: { avatarHash: null, avatarSource: null } }),
  ]);
  await releaseImages(hashes);
}

/** Forgets the tokens, unpublishes the showcase and deletes its copies. Idempotent. */
async function forgetConnection(userId: string): Promise<boolean> {
  const handle = await db.$transaction((tx) => forgetConnectionIn(tx, userId));
  if (handle) {
    await dropImagesOf(userId);
    await revalidateHandle(handle, { edgeQueued: true });
  }
  return handle !== null;
}

/** "Disconnect TikTok": revoke at TikTok, delete the tokens, unpublish. Idempotent. */
export async function disconnect(userId: string): Promise<void> {
  await revokeAtTikTok(userId);
  await forgetConnection(userId);
}

/** "Delete my data": revoke, then remove the user and everything stored about them. Idempotent. */
export async function deleteUserData(userId: string): Promise<void> {
  await revokeAtTikTok(userId);
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  const hashes = await imagesOf(userId);
  // The showcases' insights have no foreign key to the user: asked for before the user row goes.
  const showcases = await ownedShowcaseIds(userId);
  await db.$transaction([db.user.deleteMany({ where: { id: userId } }), ...(user ? edgePurgeWrites(showcaseEdgeTags(user.handle)) : [])]);
  await deleteInsightsOf(showcases);
  // The copies of the avatar and covers go too (unless another creator's rows name the same bytes).
  await releaseImages(hashes);
  if (user) await revalidateHandle(user.handle, { edgeQueued: true });
}
