import 'server-only';
import { tryCopyImage } from '../images/copy';
import { imageStore } from '../images/store';
import { db } from '../platform/db/client';
import { cdnSource } from '../tiktok/cdn';

/**
 * The copy of a published creator's avatar. `undefined`: no such published creator; `null`: no copy
 * (none granted, or none could be made yet), so the caller shows a placeholder. Read from the
 * database only: copies are made when the profile is read (sign-in, sync), never for a visitor.
 */
export async function publicAvatar(handle: string): Promise<string | null | undefined> {
  const user = await db.user.findUnique({ where: { handle }, select: { published: true, avatarHash: true } });
  if (!user?.published) return undefined;
  return user.avatarHash;
}

type AvatarColumns = { avatarHash: string | null; avatarSource: string | null };

/**
 * The avatar columns to store for a profile TikTok just returned: the previous copy when the CDN
 * address is unchanged and the copy is stored (no fetch), a new copy, or nothing to change when the
 * copy fails (the previous copy stays, one warning is logged, the next profile read tries again).
 * No avatar at all (not granted, or removed at TikTok) clears the copy.
 */
export async function avatarColumns(previous: AvatarColumns | null, avatarUrl: string | null, userId: string): Promise<Partial<AvatarColumns>> {
  const source = avatarUrl ? cdnSource(avatarUrl) : null;
  if (!avatarUrl || !source) return { avatarHash: null, avatarSource: null };
  if (previous?.avatarHash && previous.avatarSource === source && (await imageStore.has(previous.avatarHash))) return {};
  const hash = await tryCopyImage('avatar', avatarUrl, `the avatar of user ${userId}`);
  return hash ? { avatarHash: hash, avatarSource: source } : {};
}
