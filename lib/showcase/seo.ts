import 'server-only';
import { env } from '../platform/config/env';
import { paths } from '../platform/http/paths';
import { playerEmbedUrl, watchOnTikTokUrl } from '../tiktok/player';
import type { PublicShowcase } from './public';
import { publicPageUrl, showcaseTitle } from './share-metadata';

// Structured data for search engines (schema.org in JSON-LD) on a showcase's public page: the
// creator (a ProfilePage whose main entity is a Person) and the showcase (an ItemList of
// VideoObjects with what Google requires for a video rich result: name, thumbnailUrl, uploadDate,
// and the recommended description, duration, embedUrl and url).

/** Seconds as an ISO 8601 duration: 65 → PT1M5S, 0 → PT0S. */
export function isoDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`;
  return `PT${parts}`;
}

const absolute = (path: string) => `${env().appUrl}${path}`;

/** The largest stored copy of a cover (or the placeholder), on the app's own origin. */
function thumbnailOf(cover: PublicShowcase['items'][number]['cover']): string {
  const largest = cover?.files.reduce((a, b) => (b.width > a.width ? b : a));
  return absolute(largest?.path ?? paths.coverPlaceholder);
}

export function showcaseJsonLd(showcase: PublicShowcase) {
  const { user, items } = showcase;
  const url = publicPageUrl(user.handle, showcase.showcase.isDefault ? null : showcase.showcase.slug);
  const creator = `${url}#creator`;
  const avatar = user.avatar?.files.reduce((a, b) => (b.width > a.width ? b : a));
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'ProfilePage',
        '@id': url,
        url,
        name: showcaseTitle(showcase),
        dateModified: showcase.updatedAt,
        mainEntity: { '@id': creator },
      },
      {
        '@type': 'Person',
        '@id': creator,
        name: user.displayName,
        ...(user.username ? { alternateName: `@${user.username}`, sameAs: [`https://www.tiktok.com/@${encodeURIComponent(user.username)}`] } : {}),
        image: absolute(avatar?.path ?? paths.avatarPlaceholder),
      },
      {
        '@type': 'ItemList',
        '@id': `${url}#showcase`,
        name: showcaseTitle(showcase),
        numberOfItems: items.length,
        itemListElement: items.map((v, i) => ({
          '@type': 'ListItem',
          position: i + 1,
          item: {
            '@type': 'VideoObject',
            name: v.title,
            description: v.description || v.title,
            thumbnailUrl: [thumbnailOf(v.cover)],
            uploadDate: v.createdAt,
            duration: isoDuration(v.durationSeconds),
            embedUrl: playerEmbedUrl(v.videoId),
            url: watchOnTikTokUrl(v.videoId, v.shareUrl),
            creator: { '@id': creator },
          },
        })),
      },
    ],
  };
}

/**
 * JSON for the inside of a <script> element: `<`, `>` and `&` (and the two line separators JavaScript
 * once refused) become \u escapes, so no value, a creator's title included, can close the element
 * or open a comment; JSON.parse reads the same values back.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
