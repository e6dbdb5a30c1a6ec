'use client';

import { useCallback, useRef, useState } from 'react';
import { formatDuration, videoLabel } from '@/lib/platform/format';
import type { ShowcaseEntry } from '@/lib/showcase/types';
import { type PlayerEvent, playerErrorText } from '@/lib/tiktok/player';
import { TikTokPlayerFrame } from '../../_components/tiktok-player-frame';
import { useHydrated } from '../../_components/use-hydrated';
import { usePlayerEvents } from '../../_components/use-player-events';

/**
 * The public grid. Covers come from the app's own stable URLs; TikTok's player is only loaded
 * after a click (no request to TikTok before the visitor asks for it).
 */
export function ShowcaseGrid({ items }: { items: ShowcaseEntry[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const [playing, setPlaying] = useState<ShowcaseEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  const onEvent = useCallback((e: PlayerEvent) => {
    if (e.type === 'onPlayerError') setError(playerErrorText(e.value));
  }, []);
  usePlayerEvents(onEvent, playing !== null);

  const open = (item: ShowcaseEntry, button: HTMLButtonElement) => {
    opener.current = button;
    setError(null);
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
              <button type="button" className="play" onClick={(e) => open(item, e.currentTarget)} aria-label={`Play ${label}`} disabled={!hydrated}>
                {/* A stable app URL that redirects to the current signed TikTok cover. */}
                {/* biome-ignore lint/performance/noImgElement: signed TikTok URLs expire; next/image's optimizing cache would keep serving them after they have */}
                <img
                  className="cover"
                  src={item.coverUrl}
                  alt={`Cover of ${label}`}
                  width={270}
                  height={480}
                  sizes="(max-width: 600px) 50vw, 270px"
                  loading={i < 4 ? 'eager' : 'lazy'}
                  decoding="async"
                />
                <span className="duration">{formatDuration(item.durationSeconds)}</span>
                <span className="meta">
                  <span className="title">{label}</span>
                </span>
              </button>
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
              {/* biome-ignore lint/a11y/noAutofocus: a dialog moves focus into itself when it opens (WAI-ARIA dialog pattern); closing returns it */}
              <button type="button" onClick={close} aria-label="Close player" autoFocus>
                ✕
              </button>
            </header>
            {error && (
              <p role="alert" className="status-line error" style={{ padding: '0 .75rem' }}>
                {error}
              </p>
            )}
            <TikTokPlayerFrame className="frame" videoId={playing.videoId} label={videoLabel(playing)} />
          </>
        )}
      </dialog>
    </>
  );
}
