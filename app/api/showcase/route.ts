import { authenticated, mutation } from '@/lib/auth/guard';
import { jsonError, readJson, zodMessage } from '@/lib/http';
import { problemResponse } from '@/lib/http/problems';
import { limitShowcaseSaves, tooManyRequests } from '@/lib/limits/policies';
import { showcaseInputSchema } from '@/lib/showcase/schema';
import { NotOwnedError, readShowcase, saveShowcase } from '@/lib/showcase/store';

export const dynamic = 'force-dynamic';

export async function GET() {
  return authenticated(async ({ userId }) => Response.json({ items: await readShowcase(userId) }, { headers: { 'Cache-Control': 'private, no-store' } }));
}

/** Replaces the showcase: ids in order, at most 100, no duplicates, each one the creator's own. */
export async function PUT(request: Request) {
  return mutation(request, async ({ userId }) => {
    const verdict = await limitShowcaseSaves(userId);
    if (!verdict.ok) return tooManyRequests(verdict, 'saves');
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = showcaseInputSchema.safeParse(body.value);
    if (!parsed.success) return jsonError('bad_request', zodMessage(parsed.error));
    try {
      return Response.json({ items: await saveShowcase(userId, parsed.data.videoIds) });
    } catch (e) {
      if (e instanceof NotOwnedError) return jsonError('bad_request', e.message, { videoIds: e.videoIds });
      return problemResponse(e);
    }
  });
}
