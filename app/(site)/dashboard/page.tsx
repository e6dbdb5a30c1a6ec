import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCreator } from '@/lib/account/current';

export const metadata: Metadata = { title: 'Dashboard', robots: { index: false } };

export default async function DashboardPage() {
  const creator = await requireCreator();
  return (
    <main className="container">
      <section className="profile" aria-label="Your TikTok profile">
        {creator.avatarUrl ? (
          // TikTok avatar URLs are signed and expire: never through an optimizing cache.
          // eslint-disable-next-line @next/next/no-img-element
          <img className="avatar" src={creator.avatarUrl} alt="" width={64} height={64} />
        ) : (
          <div className="avatar" aria-hidden="true" />
        )}
        <div>
          <h1>{creator.displayName}</h1>
          {creator.username && <p className="handle">@{creator.username}</p>}
        </div>
        <div className="links">
          <Link className="button button-ghost" href={`/u/${creator.handle}`}>Public page</Link>
        </div>
      </section>
      {!creator.canListVideos && (
        <div className="notice warn" role="status">
          <p>
            You didn&apos;t allow Showreel to see your videos, so we can&apos;t show your recent TikToks or build a showcase.
          </p>
          <a className="button button-primary" href="/api/auth/tiktok?returnTo=/dashboard">Allow access to videos</a>
        </div>
      )}
    </main>
  );
}
