/**
 * The cache tag of everything public that shows one creator's showcase. Every surface reads the
 * showcase through getPublicShowcase, so the tag lands on each cached page and response that used
 * it, and one revalidateTag drops them all (every embed variant included).
 */
export const showcaseTag = (handle: string) => `showcase:${handle}`;
