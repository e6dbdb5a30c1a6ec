/**
 * The cache tags of a creator's public surfaces. Every surface reads a showcase through
 * getPublicShowcase, which tags each cached page and response with both: the showcase's own tag, so
 * a change to its videos drops that showcase alone (every embed variant included) and leaves the
 * creator's other showcases cached, and the creator's, for what every showcase shows (the profile,
 * the list of published showcases, a handle change, a disconnect).
 */
export const creatorTag = (handle: string) => `creator:${handle}`;

/** The default showcase is named by the handle alone (its tag is the one from before showcases). */
export const showcaseTag = (handle: string, slug: string | null = null) => (slug ? `showcase:${handle}/${slug}` : `showcase:${handle}`);

/**
 * The cache tag of what lists every published showcase (/sitemap.xml and its pages, /robots.txt that
 * names them): dropped with each showcase's own tag, since any change may add, remove or re-date one.
 */
export const SITEMAP_TAG = 'sitemap';
