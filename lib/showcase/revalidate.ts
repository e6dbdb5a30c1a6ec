import 'server-only';
import { revalidateTag } from 'next/cache';
import { db } from '../db';
import { showcaseTag } from './tags';

/**
 * Everything public about a showcase (its page, every embed variant, the share image, the JSON API)
 * is cached and tagged with the handle; every change to what they show drops them all at once.
 */
export function revalidateHandle(handle: string): void {
  try {
    // expire: 0, not stale-while-revalidate: the next visitor must see the change, not trigger it.
    revalidateTag(showcaseTag(handle), { expire: 0 });
  } catch {
    // Outside a Next.js server (the sync worker) there is no cache to drop: the surfaces pick the
    // change up within their 5-minute revalidate window.
  }
}

export async function revalidateShowcaseOf(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (user) revalidateHandle(user.handle);
}
