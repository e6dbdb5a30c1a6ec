import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { requireCreator } from '@/lib/account/current';
import { CONNECTION_STATUS } from '@/lib/auth/connection-status';
import { embedScript } from '@/lib/embed/script';
import { env } from '@/lib/platform/config/env';
import { paths } from '@/lib/platform/http/paths';
import { listShowcases } from '@/lib/showcase/showcases';
import { AccountActions } from './_components/account-actions';
import { ExpiringConnectionBanner } from './_components/expiring-connection-banner';
import { LinkedVideos } from './_components/linked-videos';
import { PublishStatus, WhenLive } from './_components/publish-status';
import { RecentVideos } from './_components/recent-videos';
import { ReconnectBanner } from './_components/reconnect-banner';
import { SharePanel } from './_components/share-panel';
import { ShowcaseList } from './_components/showcase-list';
import { VideoGridSkeleton } from './_components/video-grid-skeleton';

export const metadata: Metadata = { title: 'Dashboard', robots: { index: false } };

export default async function DashboardPage() {
  const creator = await requireCreator();
  const connected = creator.status === CONNECTION_STATUS.active;
  // Seeds the editor's shared SWR entry; the picker's own read (under Suspense) carries the items.
  const publication = { items: [], published: creator.published, publishedAt: creator.publishedAt?.toISOString() ?? null };
  const publicUrl = `${env().appUrl}${paths.publicPage(creator.handle)}`;
  const showcases = await listShowcases(creator.id);
  const main = showcases.find((s) => s.isDefault);
  return (
    <main className="container">
      <section className="profile" aria-label="Your TikTok profile">
        {creator.avatarUrl ? (
          // TikTok avatar URLs are signed and expire: never through an optimizing cache.
          // biome-ignore lint/performance/noImgElement: signed TikTok URLs expire; next/image's optimizing cache would keep serving them after they have
          <img className="avatar" src={creator.avatarUrl} alt="" width={64} height={64} />
        ) : (
          <div className="avatar" aria-hidden="true" />
        )}
        <div>
          <h1>{creator.displayName}</h1>
          {creator.username && <p className="handle">@{creator.username}</p>}
        </div>
        <div className="links">
          <Link className="button button-ghost" href="/dashboard/insights">
            Insights
          </Link>
          <WhenLive initial={publication}>
            {/* Not prefetched: a prefetch renders the public page while the creator may be saving, and a
                render that outlives a save is cached for its 5-minute window (docs/architecture.md, Known limits). */}
            <Link className="button button-ghost" href={paths.publicPage(creator.handle)} prefetch={false}>
              Public page
            </Link>
          </WhenLive>
        </div>
      </section>

      {creator.status !== CONNECTION_STATUS.disconnected && <PublishStatus initial={publication} publicUrl={publicUrl} />}

      {creator.status === CONNECTION_STATUS.needsReconnect && <ReconnectBanner />}
      {creator.expiresSoonAt && <ExpiringConnectionBanner expiresAt={creator.expiresSoonAt} />}
      {creator.status === CONNECTION_STATUS.disconnected && (
        <div className="notice warn" role="status">
          <p>TikTok is disconnected and your showcase is unpublished. Connect again to pick up where you left off.</p>
          <a className="button button-primary" href="/api/auth/tiktok?returnTo=/dashboard">
            Connect TikTok
          </a>
        </div>
      )}

      {creator.status !== CONNECTION_STATUS.disconnected && <ShowcaseList initial={showcases} />}

      {connected && !creator.canListVideos && (
        <Suspense fallback={<VideoGridSkeleton />}>
          <LinkedVideos userId={creator.id} />
        </Suspense>
      )}
      {connected && creator.canListVideos && main?.rule.kind !== 'manual' && main && (
        <p className="notice">
          Your default showcase follows a rule ({main.ruleSummary.toLowerCase()}).{' '}
          <Link href={`/dashboard/showcases/${encodeURIComponent(main.id)}`}>Edit it</Link> to pin videos or change the rule.
        </p>
      )}
      {connected && creator.canListVideos && main?.rule.kind === 'manual' && (
        <Suspense fallback={<VideoGridSkeleton />}>
          <RecentVideos userId={creator.id} />
        </Suspense>
      )}

      <WhenLive initial={publication}>
        <SharePanel appUrl={env().appUrl} handle={creator.handle} scriptVersion={embedScript.version} />
      </WhenLive>

      <AccountActions
        connected={creator.status !== CONNECTION_STATUS.disconnected}
        lastSyncedAt={creator.connection?.lastSyncedAt?.toISOString() ?? null}
        handle={creator.handle}
      />
    </main>
  );
}
