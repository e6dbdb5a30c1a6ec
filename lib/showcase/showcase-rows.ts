import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '../platform/db/client';
import { HttpError } from '../platform/http/errors';

// Finding a creator's showcases: the default (made on first need, so no path depends on sign-in
// having made it) and one by id, checked against its owner.

export const DEFAULT_SHOWCASE = { slug: 'featured', title: 'Featured videos' } as const;

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'P2002';

/** The creator's default showcase; created as a draft (its id the creator's) when there is none. */
export async function defaultShowcase(userId: string) {
  const found = await db.showcase.findFirst({ where: { userId, isDefault: true } });
  if (found) return found;
  const taken = await db.showcase.findUnique({ where: { id: userId }, select: { id: true } });
  try {
    return await db.showcase.create({
      data: { id: taken ? randomUUID() : userId, userId, ...DEFAULT_SHOWCASE, isDefault: true, published: false },
    });
  } catch (e) {
    // Two first requests at once: the other one made it.
    if (!isUniqueViolation(e)) throw e;
    return db.showcase.findFirstOrThrow({ where: { userId, isDefault: true } });
  }
}

/** One of the creator's showcases; another creator's (or an unknown id) is a 404, never a 403. */
export async function ownedShowcase(userId: string, id: string) {
  const showcase = await db.showcase.findFirst({ where: { id, userId } });
  if (!showcase) throw new HttpError('not_found', 'No such showcase.');
  return showcase;
}

export type ShowcaseRecord = Awaited<ReturnType<typeof ownedShowcase>>;
