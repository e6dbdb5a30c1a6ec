import 'server-only';
import { cache } from 'react';
import { db } from '../db';
import { coverIsStale } from './covers';
import { readShowcase } from './store';

/** A published showcase by handle, served entirely from the database. */
export const getPublicShowcase = cache(async (handle: string) => {
  const user = await db.user.findUnique({
    where: { handle },
    select: { id: true, displayName: true, username: true, handle: true, published: true },
  });
  if (!user || !user.published) return null;
  const items = await readShowcase(user.id, { availableOnly: true });
  const stale = await db.video.findFirst({
    where: { userId: user.id, available: true },
    orderBy: { coverExpiresAt: 'asc' },
    select: { coverExpiresAt: true },
  });
  return { user, items, coversStale: stale ? coverIsStale(stale.coverExpiresAt) : false };
});
