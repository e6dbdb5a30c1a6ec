import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { InsightsBeacon } from '@/app/_components/insights-beacon';
import { WatchPlayer } from '@/app/(player)/_components/watch-player';
import { showcaseOfVideo } from '@/lib/insights/showcases';
import { publicVideo } from '@/lib/showcase/public';

type Props = { params: Promise<{ videoId: string }> };

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: '#000000',
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await publicVideo((await params).videoId))?.title ?? 'Video not found', robots: { index: false } };
}

/** `/watch/{videoId}`: the player alone, for a mobile app's webview; only for videos a published showcase shows. */
export default async function WatchPage({ params }: Props) {
  const { videoId } = await params;
  const video = await publicVideo(videoId);
  if (!video) notFound();
  const showcaseId = await showcaseOfVideo(videoId);
  return (
    <>
      <WatchPlayer videoId={videoId} title={video.title} shareUrl={video.shareUrl} />
      {showcaseId && <InsightsBeacon showcaseId={showcaseId} videoId={videoId} />}
    </>
  );
}
