import { problemOf } from '@/lib/platform/http/problems';
import { editorState } from '@/lib/showcase/read';
import { recentVideos } from '@/lib/videos/recent';
import type { VideoPageDto } from '@/lib/videos/types';
import { ReconnectBanner } from './reconnect-banner';
import { ShowcasePicker } from './showcase-picker';
import { TikTokProblem } from './tiktok-problem';

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
  return <ShowcasePicker initialPage={page} initialState={await editorState(userId)} />;
}
