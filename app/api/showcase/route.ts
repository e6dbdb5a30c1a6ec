import { methods, route } from '@/lib/api/route';
import { limitShowcaseSaves } from '@/lib/platform/limits/policies';
import { readShowcase } from '@/lib/showcase/read';
import { saveShowcase } from '@/lib/showcase/save';
import { showcaseInputSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

const get = route({ user: true }, async ({ userId }) =>
  Response.json({ items: await readShowcase(userId) }, { headers: { 'Cache-Control': 'private, no-store' } }),
);

/** Replaces the showcase: ids in order, at most 100, no duplicates, each one the creator's own. */
const put = route(
  { user: true, body: showcaseInputSchema, limit: { what: 'saves', check: ({ userId }) => limitShowcaseSaves(userId) } },
  async ({ userId, body }) => Response.json({ items: await saveShowcase(userId, body.videoIds) }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get, PUT: put });
