import { jsonError } from '@/lib/platform/http';
import { getPublicShowcase } from '@/lib/showcase/public';
import { handleSchema } from '@/lib/showcase/schema';
import { shareImage } from '@/lib/showcase/share-image';

// Cached like the page it previews, and dropped with it (the showcase's cache tag) on every change.
// Next keys the cached answer by path alone, whatever the method: npm start's server answers every
// other method under /u/ itself (lib/platform/http/gate.mjs). Only GET is exported: Next will not
// cache a route that exports OPTIONS, POST and the like.
export const revalidate = 300;

export async function generateStaticParams(): Promise<Array<{ handle: string }>> {
  return [];
}

export async function GET(_request: Request, ctx: { params: Promise<{ handle: string }> }) {
  const handle = handleSchema.safeParse((await ctx.params).handle);
  const showcase = handle.success ? await getPublicShowcase(handle.data) : null;
  if (!showcase) return jsonError('not_found', 'No published showcase has this handle.');
  return shareImage(showcase);
}
