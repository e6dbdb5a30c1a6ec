import 'server-only';
import { imageTag } from '../images/tags';
import { showcaseOfUrl } from './oembed';
import { handleSchema, slugSchema } from './schema';
import { creatorTag, SITEMAP_TAG, showcaseTag } from './tags';

// The edge cache's tags are the app's own cache tags (./tags.ts): a change purges at the edge exactly
// what it drops in Next's cache.

/** What a change to all of a creator's showcases makes stale: each one's surfaces, and the sitemap. */
export const showcaseEdgeTags = (handle: string) => [creatorTag(handle), SITEMAP_TAG];

/** What a change to one showcase's videos makes stale: its surfaces (the default's under both names), and the sitemap that dates it. */
export const oneShowcaseEdgeTags = (handle: string, slug: string, isDefault: boolean) => [
  showcaseTag(handle, slug),
  ...(isDefault ? [showcaseTag(handle)] : []),
  SITEMAP_TAG,
];

/** A public answer's tags: its showcase's own, and its creator's. */
const answerTags = (handle: string, slug: string | null) => [showcaseTag(handle, slug), creatorTag(handle)];

const handleIn = (segment: string | undefined) => {
  if (segment === undefined) return null;
  const parsed = handleSchema.safeParse(segment);
  return parsed.success ? parsed.data : null;
};

/** A showcase's slug in a path segment or query value; `share-image` and the like are not one. */
const slugIn = (segment: string | undefined | null) => {
  if (!segment) return null;
  const parsed = slugSchema.safeParse(segment);
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
  // /u/{handle}, /u/{handle}/share-image, /u/{handle}/{slug}, /u/{handle}/{slug}/share-image.
  if (first === 'u') {
    const handle = handleIn(second);
    return handle ? answerTags(handle, slugIn(third)) : null;
  }
  // /embed/{handle}, with ?showcase={slug} for a showcase other than the default.
  if (first === 'embed') {
    const handle = handleIn(second);
    // The cached variant's path (/embed/{handle}/{variant}) names another showcase as its sixth part,
    // and only that decides what it shows (a query beside it is ignored by the page).
    return handle ? answerTags(handle, slugIn(third === undefined ? url.searchParams.get('showcase') : third.split('.')[5])) : null;
  }
  // /api/public/showcases/{handle} and /api/public/showcases/{handle}/{slug}.
  if (first === 'api' && second === 'public' && third === 'showcases') {
    const handle = handleIn(fourth);
    return handle ? answerTags(handle, slugIn(url.pathname.split('/')[5])) : null;
  }
  if (url.pathname === '/api/oembed') {
    const link = url.searchParams.get('url');
    const named = link && URL.canParse(link) ? showcaseOfUrl(link) : null;
    return named ? answerTags(named.handle, named.slug) : null;
  }
  if (first === 'img' && second && /^[0-9a-f]{32}$/.test(second)) return [imageTag(second)];
  return null;
}
