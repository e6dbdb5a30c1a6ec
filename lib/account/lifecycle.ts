import 'server-only';
import { decryptToken } from '../auth/token-cipher';
import { db } from '../db';
import { errorMessage } from '../errors';
import { revalidateHandle } from '../showcase/revalidate';
import { revokeToken } from '../tiktok/client';

/** Tells TikTok to drop our access, best effort: a dead token is already what we want. */
async function revokeAtTikTok(userId: string): Promise<void> {
  const c = await db.tikTokConnection.findUnique({ where: { userId }, select: { accessTokenEnc: true } });
  if (!c) return;
  try {
    await revokeToken(decryptToken(c.accessTokenEnc));
  } catch (e) {
    console.warn(`[account] revoke failed for user ${userId}: ${errorMessage(e)}`);
  }
}

/** Forgets the tokens and unpublishes the showcase. Idempotent. */
export async function forgetConnection(where: { userId: string } | { openId: string }): Promise<boolean> {
  const user = await db.user.findUnique({ where: 'userId' in where ? { id: where.userId } : { openId: where.openId }, select: { id: true, handle: true } });
  if (!user) return false;
  await db.$transaction([
    db.tikTokConnection.deleteMany({ where: { userId: user.id } }),
    db.user.update({ where: { id: user.id }, data: { published: false } }),
  ]);
  await revalidateHandle(user.handle);
  return true;
}

/** "Disconnect TikTok": revoke at TikTok, delete the tokens, unpublish. Idempotent. */
export async function disconnect(userId: string): Promise<void> {
  await revokeAtTikTok(userId);
  await forgetConnection({ userId });
}

/** "Delete my data": revoke, then remove the user and everything stored about them. Idempotent. */
export async function deleteUserData(userId: string): Promise<void> {
  await revokeAtTikTok(userId);
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  await db.user.deleteMany({ where: { id: userId } });
  if (user) await revalidateHandle(user.handle);
}
