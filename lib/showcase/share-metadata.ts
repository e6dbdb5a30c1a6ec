import 'server-only';
import type { Metadata } from 'next';
import { env } from '../platform/config/env';
import { paths } from '../platform/http/paths';
import type { PublicShowcase } from './public';

export const SHARE_IMAGE = { width: 1200, height: 630 };

/** A showcase's public page, absolute: the default at /u/{handle}, another at /u/{handle}/{slug}. */
export const publicPageUrl = (handle: string, slug: string | null = null) => `${env().appUrl}${paths.publicPage(handle, slug)}`;
const slugOf = (s: PublicShowcase) => (s.showcase.isDefault ? null : s.showcase.slug);

export function showcaseTitle(s: PublicShowcase): string {
  return s.showcase.isDefault ? `${s.user.displayName}'s Showreel` : `${s.showcase.title} · ${s.user.displayName}'s Showreel`;
}

function showcaseDescription({ user, items, showcase }: PublicShowcase): string {
  if (showcase.description) return showcase.description;
  return items.length
    ? `${items.length} hand-picked TikTok ${items.length === 1 ? 'video' : 'videos'} by ${user.displayName}${user.username ? ` (@${user.username})` : ''}.`
    : `${user.displayName} hasn't picked any videos yet.`;
}

/** What a link to a showcase shows: its title, description, address, share image and oEmbed address. */
export function shareInfo(showcase: PublicShowcase) {
  const title = showcaseTitle(showcase);
  const slug = slugOf(showcase);
  const url = publicPageUrl(showcase.user.handle, slug);
  return {
    title,
    description: showcaseDescription(showcase),
    url,
    image: { url: `${env().appUrl}${paths.shareImage(showcase.user.handle, slug)}`, ...SHARE_IMAGE, alt: title },
    oembedUrl: `${env().appUrl}${paths.oembed(url)}`,
  };
}

/**
 * What a link to a showcase's embed shows when pasted into a chat or a post, as Next metadata: Open
 * Graph and Twitter card tags with the app's share image, and oEmbed discovery for sites that embed.
 * (The public page itself writes the same tags: app/(public)/_components/page-head.ts.)
 */
export function shareMetadata(showcase: PublicShowcase): Metadata {
  const { title, description, url, image, oembedUrl } = shareInfo(showcase);
  return {
    title,
    description,
    alternates: { canonical: url, types: { 'application/json+oembed': [{ url: oembedUrl, title }] } },
    openGraph: { title, description, url, type: 'profile', siteName: 'Showreel', images: [image] },
    twitter: { card: 'summary_large_image', title, description, images: [image.url] },
  };
}
