import 'server-only';
import type { Metadata } from 'next';
import { env } from '../platform/config/env';
import { paths } from '../platform/http/paths';
import type { PublicShowcase } from './public';

export const SHARE_IMAGE = { width: 1200, height: 630 };

export const publicPageUrl = (handle: string) => `${env().appUrl}${paths.publicPage(handle)}`;
export const shareImageUrl = (handle: string) => `${env().appUrl}${paths.shareImage(handle)}`;
const oembedUrl = (handle: string) => `${env().appUrl}${paths.oembed(publicPageUrl(handle))}`;

export function showcaseTitle({ user }: PublicShowcase): string {
  return `${user.displayName}'s Showreel`;
}

function showcaseDescription({ user, items }: PublicShowcase): string {
  return items.length
    ? `${items.length} hand-picked TikTok ${items.length === 1 ? 'video' : 'videos'} by ${user.displayName}${user.username ? ` (@${user.username})` : ''}.`
    : `${user.displayName} hasn't picked any videos yet.`;
}

/**
 * What a link to a showcase (its page or its embed) shows when pasted into a chat or a post: Open
 * Graph and Twitter card tags with the app's share image, and oEmbed discovery for sites that embed.
 */
export function shareMetadata(showcase: PublicShowcase): Metadata {
  const title = showcaseTitle(showcase);
  const description = showcaseDescription(showcase);
  const url = publicPageUrl(showcase.user.handle);
  const image = { url: shareImageUrl(showcase.user.handle), ...SHARE_IMAGE, alt: title };
  return {
    title,
    description,
    alternates: { canonical: url, types: { 'application/json+oembed': [{ url: oembedUrl(showcase.user.handle), title }] } },
    openGraph: { title, description, url, type: 'profile', siteName: 'Showreel', images: [image] },
    twitter: { card: 'summary_large_image', title, description, images: [image.url] },
  };
}
