import 'server-only';
import { revalidateEverywhere } from '../platform/cache/revalidate';
import { db } from '../platform/db/client';
import { showcaseTag } from './tags';

/**
 * Everything public about a showcase (its page, every embed variant, the share image, the JSON API)
 * is cached and tagged with the handle; every change to what they show drops them all at once.
 */
export function revalidateHandle(handle: string): Promise<void> {
  return revalidateEverywhere(showcaseTag(handle));
}

export async function revalidateShowcaseOf(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (user) await revalidateHandle(user.handle);
}
