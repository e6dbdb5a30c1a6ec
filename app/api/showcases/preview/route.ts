import { methods, route } from '@/lib/api/route';
import { limitRulePreviews } from '@/lib/platform/limits/policies';
import { previewRule } from '@/lib/showcase/preview';
import { previewInputSchema } from '@/lib/showcase/schema';

export const dynamic = 'force-dynamic';

/** What a rule picks right now (the dashboard's live preview); nothing is saved. */
const post = route(
  { user: true, body: previewInputSchema, limit: { what: 'previews', check: ({ userId }) => limitRulePreviews(userId) } },
  async ({ userId, body }) =>
    Response.json({ items: await previewRule(userId, body.rule, body.pinned) }, { headers: { 'Cache-Control': 'private, no-store' } }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
