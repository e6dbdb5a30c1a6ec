import { methods, route } from '@/lib/api/route';
import { limitShowcaseSaves } from '@/lib/platform/limits/policies';
import { showcaseParamsSchema, showcasePatchSchema } from '@/lib/showcase/schema';
import { deleteShowcase, showcaseDetail, updateShowcase } from '@/lib/showcase/showcases';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store' };
const limit = { what: 'changes', check: ({ userId }: { userId: string }) => limitShowcaseSaves(userId) };

/** The showcase and what its public page shows now, in order. */
const get = route({ user: true, params: showcaseParamsSchema }, async ({ userId, params }) =>
  Response.json(await showcaseDetail(userId, params.id), { headers: PRIVATE }),
);

const patch = route({ user: true, params: showcaseParamsSchema, body: showcasePatchSchema, limit }, async ({ userId, params, body }) =>
  Response.json({ showcase: await updateShowcase(userId, params.id, body) }, { headers: PRIVATE }),
);

/** The default cannot go (409): another one must be made the default first. */
const del = route({ user: true, params: showcaseParamsSchema, limit }, async ({ userId, params }) => {
  await deleteShowcase(userId, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get, PATCH: patch, DELETE: del });
