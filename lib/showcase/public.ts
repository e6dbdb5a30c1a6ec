import 'server-only';
import { cache } from 'react';
import { db } from '../db';
import { readShowcase } from './store';

/** A published showcase by handle, served entirely from the database. */
export const getPublicShowcase = cache(async (handle: string) => {
  const user = await db.user.findUnique({
    where: { handle },
    select: { id: true, displayName: true, username: true, handle: true, published: true },
  });
  if (!user || !user.published) return null;
  return { user, items: await readShowcase(user.id, { availableOnly: true }) };
});
