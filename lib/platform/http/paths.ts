// The app's own public URLs, built in one place with one encoding. Plain strings, safe for client
// components; absolute URLs put the configured APP_URL (env().appUrl) in front.

const seg = encodeURIComponent;

export const paths = {
  /** A showcase's page: the default at the handle alone, any other one under its slug. */
  publicPage: (handle: string, slug: string | null = null) => `/u/${seg(handle)}${slug ? `/${seg(slug)}` : ''}`,
  shareImage: (handle: string, slug: string | null = null) => `/u/${seg(handle)}${slug ? `/${seg(slug)}` : ''}/share-image`,
  /** The embed of a showcase; options other than the showcase are added by lib/embed/options.ts. */
  embed: (handle: string) => `/embed/${seg(handle)}`,
  publicJson: (handle: string, slug: string | null = null) => `/api/public/showcases/${seg(handle)}${slug ? `/${seg(slug)}` : ''}`,
  avatar: (handle: string) => `/api/avatars/${seg(handle)}`,
  cover: (videoId: string) => `/api/covers/${seg(videoId)}`,
  /** A copy of a cover or avatar (content-addressed: the bytes behind a URL never change). */
  image: (hash: string, width: number) => `/img/${seg(hash)}/${width}.webp`,
  coverPlaceholder: '/cover-placeholder.svg',
  avatarPlaceholder: '/avatar-placeholder.svg',
  watch: (videoId: string) => `/watch/${seg(videoId)}`,
  oembed: (pageUrl: string) => `/api/oembed?format=json&url=${seg(pageUrl)}`,
  embedScript: (version: string) => `/embed.js?v=${seg(version)}`,
};
