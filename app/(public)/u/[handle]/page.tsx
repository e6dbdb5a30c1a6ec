import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InsightsBeacon } from '@/app/_components/insights-beacon';
import { PictureCopy } from '@/app/_components/picture-copy';
import { ShowcaseGrid } from '@/app/(public)/_components/showcase-grid';
import { paths } from '@/lib/platform/http/paths';
import { getPublicShowcase } from '@/lib/showcase/public';
import { shareMetadata } from '@/lib/showcase/share-metadata';

type Props = { params: Promise<{ handle: string }> };

// Served from the cache and re-rendered when the creator changes anything (the showcase's tag), or
// within 5 minutes of a background sync. Covers and the avatar are the app's own copies at
// content-addressed URLs, so a cached page never points at an expired TikTok URL.
export const revalidate = 300;

/** No page is built ahead of time; each is rendered on first view, then cached. */
export async function generateStaticParams(): Promise<Array<{ handle: string }>> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const showcase = await getPublicShowcase((await params).handle);
  if (!showcase) return { title: 'Showcase not found', robots: { index: false } };
  return shareMetadata(showcase);
}

export default async function PublicShowcasePage({ params }: Props) {
  const showcase = await getPublicShowcase((await params).handle);
  if (!showcase) notFound();
  const { user, items } = showcase;
  return (
    <main className="container">
      <header className="showcase-head">
        <PictureCopy
          copy={user.avatar}
          placeholder={paths.avatarPlaceholder}
          className="avatar avatar-large"
          alt={`${user.displayName}'s avatar`}
          width={96}
          height={96}
          sizes="96px"
          eager
        />
        <h1>{user.displayName}</h1>
        {user.username && (
          <p className="muted" style={{ margin: 0 }}>
            @{user.username} on TikTok
          </p>
        )}
      </header>
      {items.length === 0 ? (
        <p className="muted" style={{ textAlign: 'center' }}>
          No videos here yet. Check back soon.
        </p>
      ) : (
        <ShowcaseGrid items={items} />
      )}
      <InsightsBeacon showcaseId={user.id} />
    </main>
  );
}
