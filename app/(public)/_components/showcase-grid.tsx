import { formatDuration, videoLabel } from '@/lib/platform/format';
import type { PublicVideo } from '@/lib/showcase/types';
import { CoverPicture, PlayLabel } from '../../_components/picture-copy';
import { AiLabel, CallToAction } from '../../_components/video-extras';
import { PlayerDialog } from './player-dialog';

/**
 * The public grid, rendered on the server. Covers are the app's own copies (WebP at three widths,
 * never TikTok's CDN); TikTok's player is only loaded after a click (no request to TikTok before the
 * visitor asks for it), in the dialog of player-dialog.tsx.
 */
export function ShowcaseGrid({ items }: { items: PublicVideo[] }) {
  const videos = items.map((item) => ({ videoId: item.videoId, label: videoLabel(item), shareUrl: item.shareUrl }));
  return (
    <PlayerDialog videos={videos}>
      <ul className="grid showcase-grid" aria-label="Showcase videos">
        {items.map((item, i) => (
          <li key={item.videoId} className="card">
            {/* The name is the visible text: "Play", the title, the duration. data-play names the video to PlayerDialog. */}
            <button type="button" className="play" data-play={item.videoId}>
              <CoverPicture copy={item.cover} className="cover" sizes="(max-width: 600px) 50vw, 270px" eager={i < 4} />
              <PlayLabel className="play-badge" />
              <span className="meta">
                <span className="title">{videoLabel(item)}</span>
                {/* A video added by link has no duration (TikTok's oEmbed does not say): none is shown. */}
                <span className="sub">
                  {item.durationSeconds > 0 && (
                    <>
                      <span className="visually-hidden">, </span>
                      {formatDuration(item.durationSeconds)}
                    </>
                  )}
                  {item.aiGenerated && <span className="visually-hidden">, </span>}
                  <AiLabel item={item} />
                </span>
              </span>
            </button>
            <CallToAction item={item} />
          </li>
        ))}
      </ul>
    </PlayerDialog>
  );
}
