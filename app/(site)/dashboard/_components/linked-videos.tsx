import { problemOf } from '@/lib/platform/http/problems';
import { editorState } from '@/lib/showcase/read';
import { linkedVideosPage } from '@/lib/videos/linked';
import { LinkedEditor } from './linked-editor';
import { TikTokProblem } from './tiktok-problem';

/**
 * The editor of a creator who did not grant video.list: no video/list call, the videos they added
 * by link in the picker, and the "Add by link" field (which ticks what it adds).
 */
export async function LinkedVideos({ userId }: { userId: string }) {
  try {
    const [page, state] = await Promise.all([linkedVideosPage(userId), editorState(userId)]);
    return (
      <>
        <div className="notice warn" role="status">
          <p>
            You didn&apos;t allow Showreel to list your TikTok videos, so add them by link: each one is checked with TikTok to be yours. Or let Showreel see
            your videos and pick them from a list.
          </p>
          <a className="button button-ghost" href="/api/auth/tiktok?returnTo=/dashboard">
            Allow access to videos
          </a>
        </div>
        <LinkedEditor initialPage={page} initialState={state} />
      </>
    );
  } catch (e) {
    const kind = problemOf(e);
    if (!kind) throw e;
    return <TikTokProblem kind={kind} />;
  }
}
