'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { EmbedOptions } from '@/lib/embed/options';
import { formatCount, formatDuration, videoLabel } from '@/lib/platform/format';
import { paths } from '@/lib/platform/http/paths';
import type { PictureSources, PublicVideo } from '@/lib/showcase/types';
import { CoverPicture, PictureCopy, PlayLabel } from '../../_components/picture-copy';
import { OpenInTikTok, TikTokPlayer } from '../../_components/tiktok-player';
import { useHydrated } from '../../_components/use-hydrated';
import { AiLabel, CallToAction } from '../../_components/video-extras';
import { useEmbedResize } from './use-embed-resize';

type Props = {
  handle: string;
  creator: { displayName: string; username: string | null; avatar: PictureSources | null };
  items: PublicVideo[];
  options: EmbedOptions;
};

/** How wide a cover shows in each layout (embed.css), for the browser's pick from the srcset. */
const COVER_SIZES: Record<EmbedOptions['layout'], string> = { grid: '(max-width: 480px) 50vw, 220px', carousel: '160px', list: '72px' };

/**
 * The showcase for other people's websites. Nothing is loaded from TikTok until a visitor clicks a
 * video; the player then opens inside the embed, and Escape (or Close) brings the list back.
 */
export function EmbedShowcase({ handle, creator, items, options }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const [playing, setPlaying] = useState<PublicVideo | null>(null);
  const hydrated = useHydrated();
  useEmbedResize(root, handle);

  const close = useCallback(() => setPlaying(null), []);
  useEffect(() => {
    if (!playing) {
      opener.current?.focus();
      return;
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [playing, close]);

  const open = (item: PublicVideo, button: HTMLButtonElement) => {
    opener.current = button;
    setPlaying(item);
  };

  const profile = paths.publicPage(handle);
  // The footer leads to the page of the showcase shown here; the creator's name, to their page.
  const page = paths.publicPage(handle, options.showcase || null);
  return (
    <div ref={root} className="embed" data-theme={options.theme} data-layout={options.layout}>
      {options.title && (
        <header className="embed-head">
          <PictureCopy copy={creator.avatar} placeholder={paths.avatarPlaceholder} className="embed-avatar" alt="" width={40} height={40} sizes="40px" eager />
          <div>
            <a className="embed-name" href={profile} target="_blank" rel="noopener">
              {creator.displayName}
            </a>
            {creator.username && <span className="embed-sub">@{creator.username}</span>}
          </div>
        </header>
      )}
      {playing && (
        <section className="embed-player" aria-label={`Playing ${videoLabel(playing)}`}>
          <div className="embed-player-bar">
            <h2>{videoLabel(playing)}</h2>
            <OpenInTikTok videoId={playing.videoId} shareUrl={playing.shareUrl} className="embed-open" />
            {/* biome-ignore lint/a11y/noAutofocus: the player panel takes focus when it opens, like a dialog; closing returns it to the video */}
            <button type="button" onClick={close} aria-label="Close player" autoFocus>
              ✕
            </button>
          </div>
          <TikTokPlayer className="embed-frame" videoId={playing.videoId} label={videoLabel(playing)} shareUrl={playing.shareUrl} />
        </section>
      )}
      {items.length === 0 ? (
        <p className="embed-card">No videos here yet.</p>
      ) : (
        // Hidden, not unmounted, while the player is open: closing it returns focus to the same button.
        <ul className={`embed-items embed-${options.layout}`} aria-label={`${creator.displayName}'s videos`} hidden={playing !== null}>
          {items.map((item, i) => {
            const label = videoLabel(item);
            return (
              <li key={item.videoId}>
                {/* The name is the visible text: "Play", the title, the duration and counts. */}
                <button type="button" className="embed-item" onClick={(e) => open(item, e.currentTarget)} disabled={!hydrated}>
                  <CoverPicture copy={item.cover} className="embed-cover" sizes={COVER_SIZES[options.layout]} eager={i < 4} />
                  <PlayLabel className="embed-play" />
                  <span className="embed-title">{label}</span>
                  {item.durationSeconds > 0 && (
                    <span className="embed-duration">
                      <span className="visually-hidden">, </span>
                      {formatDuration(item.durationSeconds)}
                    </span>
                  )}
                  {item.aiGenerated && <span className="visually-hidden">, </span>}
                  <AiLabel item={item} className="embed-ai" />
                  {options.stats && <Stats item={item} />}
                </button>
                <CallToAction item={item} className="embed-cta" />
              </li>
            );
          })}
        </ul>
      )}
      <p className="embed-foot">
        <a href={page} target="_blank" rel="noopener">
          Showreel
        </a>
      </p>
    </div>
  );
}

function Stats({ item }: { item: PublicVideo }) {
  if (item.viewCount === null && item.likeCount === null) return null;
  return (
    <span className="embed-stats">
      {item.viewCount !== null && <Count icon="▶" n={item.viewCount} unit="views" />}
      {item.likeCount !== null && <Count icon="♥" n={item.likeCount} unit="likes" />}
    </span>
  );
}

/** "▶ 1.2M" on screen, "1.2M views" to a screen reader, the exact number in <data> for machines. */
function Count({ icon, n, unit }: { icon: string; n: number; unit: string }) {
  return (
    <span>
      <span aria-hidden="true">{icon} </span>
      <data value={n}>{formatCount(n)}</data>
      <span className="visually-hidden"> {unit}</span>
    </span>
  );
}
