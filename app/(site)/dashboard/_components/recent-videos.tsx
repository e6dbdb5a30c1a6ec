import { ReconnectBanner } from '@/app/(site)/dashboard/_components/reconnect-banner';
import { ShowcasePicker } from '@/app/(site)/dashboard/_components/showcase-picker';
import { TikTokProblem } from '@/app/(site)/dashboard/_components/tiktok-problem';
import { problemOf } from '@/lib/platform/http/problems';
import { readShowcase } from '@/lib/showcase/read';
import { recentVideos } from '@/lib/videos/recent';
import type { VideoPageDto } from '@/lib/videos/types';

/** Streams in under Suspense: the first page from TikTok, then the client picker takes over. */
export async function RecentVideos({ userId }: { userId: string }) {
  let page: VideoPageDto;
  try {
    page = await recentVideos(userId);
  } catch (e) {
    const kind = problemOf(e);
    if (!kind) throw e;
    return kind === 'needs_reconnect' ? <ReconnectBanner /> : <TikTokProblem kind={kind} />;
  }
  const showcase = await readShowcase(userId);
  return <ShowcasePicker initialPage={page} initialShowcase={showcase} />;
}
