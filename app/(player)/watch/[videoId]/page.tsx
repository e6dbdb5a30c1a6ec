import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { WatchPlayer } from '@/app/_components/watch-player';
import { db } from '@/lib/db';
import { videoLabel } from '@/lib/format';
import { videoIdSchema } from '@/lib/showcase/schema';

type Props = { params: Promise<{ videoId: string }> };

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: '#000000',
};

async function titleOf(videoId: string): Promise<string> {
  const v = await db.video.findFirst({ where: { id: videoId }, select: { title: true, description: true } });
  return v ? videoLabel(v) : 'TikTok video';
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = videoIdSchema.safeParse((await params).videoId);
  return { title: id.success ? await titleOf(id.data) : 'Video not found', robots: { index: false } };
}

/** `/watch/{videoId}`: the player alone, for a mobile app's webview. */
export default async function WatchPage({ params }: Props) {
  const id = videoIdSchema.safeParse((await params).videoId);
  if (!id.success) notFound();
  return <WatchPlayer videoId={id.data} title={await titleOf(id.data)} />;
}
