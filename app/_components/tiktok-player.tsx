'use client';

import { useCallback, useEffect, useState } from 'react';
import { PLAYER_ALLOW, PLAYER_READY_TIMEOUT_MS, type PlayerEvent, playerErrorText, playerUrl, watchOnTikTokUrl } from '@/lib/tiktok/player';
import { countPlay } from './count-play';
import { usePlayerEvents } from './use-player-events';

type Props = {
  videoId: string;
  label: string;
  shareUrl: string | null;
  className?: string;
  /** Told of every player error code (the /watch page forwards them to a native host). */
  onPlayerError?: (code: unknown) => void;
};

/** 3002: autoplay was blocked; the player works, the visitor only has to tap play. */
const TAP_TO_PLAY = 3002;

/**
 * TikTok's embedded player for one video, as every player surface frames it. When TikTok's ready
 * event has not come within 8 seconds (a blocked network, a school filter) or the player reports an
 * error (a removed video), the frame gives way to words and a link to the video on TikTok, instead of
 * the browser's own error page inside the frame.
 */
export function TikTokPlayer({ videoId, label, shareUrl, className, onPlayerError }: Props) {
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [note, setNote] = useState<string | null>(null);
  const onEvent = useCallback(
    (e: PlayerEvent) => {
      if (e.type === 'onPlayerReady') setState((s) => (s === 'loading' ? 'ready' : s));
      if (e.type !== 'onPlayerError') return;
      onPlayerError?.(e.value);
      setNote(playerErrorText(e.value));
      if (e.value !== TAP_TO_PLAY) setState('failed');
    },
    [onPlayerError],
  );
  usePlayerEvents(onEvent);
  // Opening the player is a play (the counting script sends it; a page without the script ignores it).
  useEffect(() => countPlay(videoId), [videoId]);
  useEffect(() => {
    const timer = setTimeout(() => setState((s) => (s === 'loading' ? 'failed' : s)), PLAYER_READY_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, []);

  if (state === 'failed') {
    return (
      <div className={`player-fallback ${className ?? ''}`} role="alert">
        <p className="player-fallback-title">TikTok&apos;s player could not load</p>
        <p className="player-fallback-text">
          {note && note !== playerErrorText(TAP_TO_PLAY) ? note : 'Your network may be blocking TikTok, or the video is no longer there.'}
        </p>
        <a className="button button-primary" href={watchOnTikTokUrl(videoId, shareUrl)} target="_blank" rel="noopener noreferrer">
          Watch on TikTok
        </a>
      </div>
    );
  }
  return (
    <>
      {note && (
        <p className="player-note" role="status">
          {note}
        </p>
      )}
      <iframe
        className={className}
        title={`TikTok player: ${label}`}
        src={playerUrl(videoId, { autoplay: true })}
        allow={PLAYER_ALLOW}
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
      />
    </>
  );
}

/** "Open in TikTok", always in a player's header. */
export function OpenInTikTok({ videoId, shareUrl, className }: { videoId: string; shareUrl: string | null; className?: string }) {
  return (
    <a className={className ?? 'open-in-tiktok'} href={watchOnTikTokUrl(videoId, shareUrl)} target="_blank" rel="noopener noreferrer">
      Open in TikTok
    </a>
  );
}
