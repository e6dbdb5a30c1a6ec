import 'server-only';
import { decryptToken } from '../auth/token-cipher';
import { db } from '../platform/db/client';
import { errorMessage } from '../platform/errors';
import { revalidateHandle } from '../showcase/revalidate';
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
 * handle whose public surfaces must be dropped once it commits, or null when there was no such user.
 */
export async function forgetConnectionIn(tx: Tx, userId: string): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (!user) return null;
  await tx.tikTokConnection.deleteMany({ where: { userId } });
  await tx.user.update({ where: { id: userId }, data: { published: false } });
  return user.handle;
}

/** Forgets the tokens and unpublishes the showcase. Idempotent. */
async function forgetConnection(userId: string): Promise<boolean> {
  const handle = await db.$transaction((tx) => forgetConnectionIn(tx, userId));
  if (handle) await revalidateHandle(handle);
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
  await db.user.deleteMany({ where: { id: userId } });
  if (user) await revalidateHandle(user.handle);
}
