import 'server-only';
import { imageTag } from '../images/tags';
import { handleOfShowcaseUrl } from './oembed';
import { handleSchema } from './schema';
import { SITEMAP_TAG, showcaseTag } from './tags';

// The edge cache's tags are the app's own cache tags (./tags.ts): a change purges at the edge exactly
// what it drops in Next's cache.

/** What a change to one showcase makes stale at the edge: its surfaces, and the sitemap that dates it. */
export const showcaseEdgeTags = (handle: string) => [showcaseTag(handle), SITEMAP_TAG];

const handleIn = (segment: string | undefined) => {
  if (segment === undefined) return null;
  const parsed = handleSchema.safeParse(segment);
  return parsed.success ? parsed.data : null;
};

/**
 * The tags of a public surface's answer, from its request target (path and query): `null` for
 * anything that is not a public surface of a showcase (never kept by a shared cache), `[]` for a
 * public answer that no change of a showcase makes stale (embed.js).
 */
export function edgeTagsOf(target: string): string[] | null {
  const url = new URL(target, 'http://x');
  const [, first, second, third, fourth] = url.pathname.split('/');
  if (url.pathname === '/sitemap.xml' || url.pathname === '/robots.txt' || /^\/sitemap\/\d+\.xml$/.test(url.pathname)) return [SITEMAP_TAG];
  if (url.pathname === '/embed.js') return [];
  // /u/{handle}, /u/{handle}/share-image; /embed/{handle} and its variants.
  if (first === 'u' || first === 'embed') {
    const handle = handleIn(second);
    return handle ? [showcaseTag(handle)] : null;
  }
  if (first === 'api' && second === 'public' && third === 'showcases') {
    const handle = handleIn(fourth);
    return handle ? [showcaseTag(handle)] : null;
  }
  if (url.pathname === '/api/oembed') {
    const link = url.searchParams.get('url');
    const handle = link && URL.canParse(link) ? handleOfShowcaseUrl(link) : null;
    return handle ? [showcaseTag(handle)] : null;
  }
  if (first === 'img' && second && /^[0-9a-f]{32}$/.test(second)) return [imageTag(second)];
  return null;
}
