import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '../db';

/** Public showcase pages are cached (ISR); every change to what they show drops the cached copy. */
export function revalidateHandle(handle: string): void {
  try {
    revalidatePath(`/u/${handle}`);
  } catch {
    // Outside a Next.js server (the sync worker) there is no cache to drop: the page picks the
    // change up within its revalidate window.
  }
}

export async function revalidateShowcaseOf(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (user) revalidateHandle(user.handle);
}
