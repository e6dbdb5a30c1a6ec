import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { WatchPlayer } from '@/app/_components/watch-player';
import { db } from '@/lib/platform/db/client';
import { videoLabel } from '@/lib/platform/format';
import { videoIdSchema } from '@/lib/showcase/schema';

type Props = { params: Promise<{ videoId: string }> };

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: '#000000',
};

/** The title of a video a published showcase shows (available, in its creator's showcase), or null. */
async function publicTitle(videoId: string): Promise<string | null> {
  const id = videoIdSchema.safeParse(videoId);
  if (!id.success) return null;
  const v = await db.video.findFirst({
    where: { id: id.data, available: true, user: { published: true, showcaseItems: { some: { videoId: id.data } } } },
    select: { title: true, description: true },
  });
  return v ? videoLabel(v) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await publicTitle((await params).videoId)) ?? 'Video not found', robots: { index: false } };
}

/** `/watch/{videoId}`: the player alone, for a mobile app's webview; only for videos a published showcase shows. */
export default async function WatchPage({ params }: Props) {
  const { videoId } = await params;
  const title = await publicTitle(videoId);
  if (title === null) notFound();
  return <WatchPlayer videoId={videoId} title={title} />;
}
