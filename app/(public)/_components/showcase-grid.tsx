'use client';

import { useRef, useState } from 'react';
import { formatDuration, videoLabel } from '@/lib/platform/format';
import type { PublicVideo } from '@/lib/showcase/types';
import { CoverPicture, PlayLabel } from '../../_components/picture-copy';
import { OpenInTikTok, TikTokPlayer } from '../../_components/tiktok-player';
import { useHydrated } from '../../_components/use-hydrated';
import { AiLabel, CallToAction } from '../../_components/video-extras';

/**
 * The public grid. Covers are the app's own copies (WebP at three widths, never TikTok's CDN);
 * TikTok's player is only loaded after a click (no request to TikTok before the visitor asks for it).
 */
export function ShowcaseGrid({ items }: { items: PublicVideo[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const [playing, setPlaying] = useState<PublicVideo | null>(null);
  const hydrated = useHydrated();

  const open = (item: PublicVideo, button: HTMLButtonElement) => {
    opener.current = button;
    setPlaying(item);
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  return (
    <>
      <ul className="grid showcase-grid" aria-label="Showcase videos">
        {items.map((item, i) => {
          const label = videoLabel(item);
          return (
            <li key={item.videoId} className="card">
              {/* The name is the visible text: "Play", the title, the duration. */}
              <button type="button" className="play" onClick={(e) => open(item, e.currentTarget)} disabled={!hydrated}>
                <CoverPicture copy={item.cover} className="cover" sizes="(max-width: 600px) 50vw, 270px" eager={i < 4} />
                <PlayLabel className="play-badge" />
                <span className="meta">
                  <span className="title">{label}</span>
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
          );
        })}
      </ul>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes the dialog; Escape, native to <dialog>, is its keyboard twin */}
      <dialog
        ref={dialog}
        className="player"
        aria-labelledby="player-title"
        onClose={() => {
          setPlaying(null);
          opener.current?.focus();
        }}
        onClick={(e) => {
          if (e.target === dialog.current) close();
        }}
      >
        {playing && (
          <>
            <header>
              <h2 id="player-title">{videoLabel(playing)}</h2>
              <OpenInTikTok videoId={playing.videoId} shareUrl={playing.shareUrl} />
              {/* biome-ignore lint/a11y/noAutofocus: a dialog moves focus into itself when it opens (WAI-ARIA dialog pattern); closing returns it */}
              <button type="button" className="icon-button" onClick={close} aria-label="Close player" autoFocus>
                ✕
              </button>
            </header>
            <TikTokPlayer className="frame" videoId={playing.videoId} label={videoLabel(playing)} shareUrl={playing.shareUrl} />
          </>
        )}
      </dialog>
    </>
  );
}
