/**
 * The cache tag of everything public that shows one creator's showcase. Every surface reads the
 * showcase through getPublicShowcase, so the tag lands on each cached page and response that used
 * it, and one revalidateTag drops them all (every embed variant included).
 */
export const showcaseTag = (handle: string) => `showcase:${handle}`;

/**
 * The cache tag of what lists every published showcase (/sitemap.xml and its pages, /robots.txt that
 * names them): dropped with each showcase's own tag, since any change may add, remove or re-date one.
 */
export const SITEMAP_TAG = 'sitemap';
