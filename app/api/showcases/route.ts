import { methods, route } from '@/lib/api/route';
import { limitShowcaseSaves } from '@/lib/platform/limits/policies';
import { showcaseCreateSchema } from '@/lib/showcase/schema';
import { createShowcase, listShowcases } from '@/lib/showcase/showcases';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

const get = route({ user: true }, async ({ userId }) => Response.json({ showcases: await listShowcases(userId) }, { headers: PRIVATE }));

/** A new showcase (at most 20); its slug comes from the title when not given. */
const post = route(
  { user: true, body: showcaseCreateSchema, limit: { what: 'changes', check: ({ userId }) => limitShowcaseSaves(userId) } },
  async ({ userId, body }) => Response.json({ showcase: await createShowcase(userId, body) }, { status: 201, headers: PRIVATE }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get, POST: post });
