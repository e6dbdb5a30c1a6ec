import { jsonError } from '@/lib/platform/http';
import { getPublicShowcase } from '@/lib/showcase/public';
import { showcasePathSchema } from '@/lib/showcase/schema';
import { shareImage } from '@/lib/showcase/share-image';

// The share image of a showcase other than the default: cached and dropped like its page.
export const revalidate = 300;

export async function generateStaticParams(): Promise<Array<{ handle: string; slug: string }>> {
  return [];
}

export async function GET(_request: Request, ctx: { params: Promise<{ handle: string; slug: string }> }) {
  const named = showcasePathSchema.safeParse(await ctx.params);
  const showcase = named.success ? await getPublicShowcase(named.data.handle, named.data.slug) : null;
  if (!showcase || showcase.showcase.isDefault) return jsonError('not_found', 'No published showcase has this handle and name.');
  return shareImage(showcase);
}
