'use client';

import { type MouseEvent, type ReactNode, useRef, useState } from 'react';
import { OpenInTikTok, TikTokPlayer } from '../../_components/tiktok-player';
import { useHydrated } from '../../_components/use-hydrated';

/** What the player needs of a video; the cards themselves are server-rendered. */
export type PlayerVideo = { videoId: string; label: string; shareUrl: string | null };

/**
 * The public page's one client component: the dialog TikTok's player opens in. The cards stay
 * server components and their play buttons plain elements (a click reaches this component by
 * bubbling), so a phone downloads and runs no per-card code while the page hydrates. The fieldset
 * keeps every play button disabled until a click can open the player.
 */
export function PlayerDialog({ videos, children }: { videos: PlayerVideo[]; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const [playing, setPlaying] = useState<PlayerVideo | null>(null);
  const hydrated = useHydrated();

  const open = (e: MouseEvent) => {
    // A card's play button names its video in data-play (showcase-grid.tsx).
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-play]');
    const video = videos.find((v) => v.videoId === button?.dataset.play);
    if (!button || !video) return;
    opener.current = button;
    setPlaying(video);
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  return (
    <>
      {/* role="none": a wrapper for its disabled state, not a group a screen reader should announce.
          The clicks it catches are the play buttons' own (keyboard activation included), as they bubble. */}
      <fieldset className="player-scope" role="none" disabled={!hydrated} onClick={open}>
        {children}
      </fieldset>
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
              <h2 id="player-title">{playing.label}</h2>
              <OpenInTikTok videoId={playing.videoId} shareUrl={playing.shareUrl} />
              {/* biome-ignore lint/a11y/noAutofocus: a dialog moves focus into itself when it opens (WAI-ARIA dialog pattern); closing returns it */}
              <button type="button" className="icon-button" onClick={close} aria-label="Close player" autoFocus>
                ✕
              </button>
            </header>
            <TikTokPlayer className="frame" videoId={playing.videoId} label={playing.label} shareUrl={playing.shareUrl} />
          </>
        )}
      </dialog>
    </>
  );
}
