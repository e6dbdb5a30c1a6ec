import { methods, route } from '@/lib/api/route';
import { limitShowcaseSaves } from '@/lib/platform/limits/policies';
import { setPublished } from '@/lib/showcase/publish';
import { editorState } from '@/lib/showcase/read';
import { saveShowcase } from '@/lib/showcase/save';
import { publishInputSchema, showcaseInputSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

const get = route({ user: true }, async ({ userId }) => Response.json(await editorState(userId), { headers: { 'Cache-Control': 'private, no-store' } }));

/** Replaces the showcase: ids in order, at most 100, no duplicates, each one the creator's own. */
const put = route(
  { user: true, body: showcaseInputSchema, limit: { what: 'saves', check: ({ userId }) => limitShowcaseSaves(userId) } },
  async ({ userId, body }) => {
    await saveShowcase(userId, body.videoIds);
    return Response.json(await editorState(userId));
  },
);

/** Publishes or unpublishes the creator's page (and with it every embed, the JSON API and oEmbed). */
const patch = route(
  { user: true, body: publishInputSchema, limit: { what: 'changes', check: ({ userId }) => limitShowcaseSaves(userId) } },
  async ({ userId, body }) => {
    await setPublished(userId, body.published);
    return Response.json(await editorState(userId));
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get, PUT: put, PATCH: patch });
