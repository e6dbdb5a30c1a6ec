import 'server-only';
import { withAccessToken } from '../auth/tokens';
import { db } from '../platform/db/client';
import { getUserInfo } from '../tiktok/client';

/**
 * Re-reads the creator's profile from TikTok and stores it. TikTok's avatar URLs are signed and
 * expire, so the sync and the public avatar route both come through here. Refreshes the token when due.
 */
export async function refreshProfile(userId: string, scopes: string[]): Promise<void> {
  const profile = await withAccessToken(userId, (token) => getUserInfo(token, scopes));
  await db.user.update({
    where: { id: userId },
    data: { displayName: profile.displayName, avatarUrl: profile.avatarUrl, ...(profile.username ? { username: profile.username } : {}) },
  });
}
