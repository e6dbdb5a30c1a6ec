import 'server-only';
import { errorMessage } from '@/lib/platform/errors';
import { paths } from '@/lib/platform/http/paths';
import { getPublicShowcase } from '@/lib/showcase/public';
import { htmlResponse, messagePage } from './page-document';
import { showcasePage } from './showcase-page';

/**
 * The answer to `/u/{handle}` (slug null) or `/u/{handle}/{slug}`: the page, a friendly 404 for a
 * showcase that is not published (or not there), a permanent redirect from the default's second
 * name to its one address, and words instead of a stack trace when it could not load.
 */
export async function showcaseResponse(handle: string, slug: string | null): Promise<Response> {
  let showcase: Awaited<ReturnType<typeof getPublicShowcase>>;
  try {
    showcase = await getPublicShowcase(handle, slug);
  } catch (e) {
    console.error(`[public] could not load the showcase ${paths.publicPage(handle, slug)}: ${errorMessage(e)}`);
    return messagePage(503, "This showcase couldn't load", 'Please try again in a moment.');
  }
  if (!showcase) return messagePage(404, "This showcase isn't here", 'The creator may have unpublished it, or the link is mistyped.');
  if (slug !== null && showcase.showcase.isDefault) {
    return new Response(null, { status: 308, headers: { Location: paths.publicPage(showcase.user.handle), 'Cache-Control': 'no-store' } });
  }
  return htmlResponse(showcasePage(showcase));
}
