import { methods, route } from '@/lib/api/route';
import { limitShowcaseSaves } from '@/lib/platform/limits/policies';
import { setItems } from '@/lib/showcase/items';
import { itemsInputSchema, showcaseParamsSchema } from '@/lib/showcase/schema';
import { showcaseDetail } from '@/lib/showcase/showcases';

export const dynamic = 'force-dynamic';

/**
 * A manual showcase's whole list in order (at most 100), or a rule showcase's pinned videos (at
 * most 20), each with an optional call-to-action link. Nothing is written if any id is refused.
 */
const put = route(
  { user: true, params: showcaseParamsSchema, body: itemsInputSchema, limit: { what: 'saves', check: ({ userId }) => limitShowcaseSaves(userId) } },
  async ({ userId, params, body }) => {
    await setItems(userId, params.id, body.items);
    return Response.json(await showcaseDetail(userId, params.id), { headers: { 'Cache-Control': 'private, no-store' } });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ PUT: put });
