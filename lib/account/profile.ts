import 'server-only';
import { withAccessToken } from '../auth/tokens';
import { releaseImages } from '../images/retention';
import { db } from '../platform/db/client';
import { getUserInfo } from '../tiktok/client';
import { avatarColumns } from './avatar';

/**
 * Re-reads the creator's profile from TikTok and stores it, with a copy of the avatar made from the
 * fresh signed URL (the sync comes through here; a visitor never does). Refreshes the token when due.
 */
export async function refreshProfile(userId: string, scopes: string[]): Promise<void> {
  const profile = await withAccessToken(userId, (token) => getUserInfo(token, scopes));
  const previous = await db.user.findUnique({ where: { id: userId }, select: { avatarHash: true, avatarSource: true } });
  const avatar = await avatarColumns(previous, profile.avatarUrl, userId);
  await db.user.update({
    where: { id: userId },
    data: { displayName: profile.displayName, avatarUrl: profile.avatarUrl, ...avatar, ...(profile.username ? { username: profile.username } : {}) },
  });
  if (avatar.avatarHash !== undefined && avatar.avatarHash !== previous?.avatarHash) await releaseImages([previous?.avatarHash]);
}
