'use client';

import { useCallback, useEffect, useState } from 'react';
import { type PlayerEvent, playerErrorText } from '@/lib/tiktok/player';
import { TikTokPlayerFrame } from '../../_components/tiktok-player-frame';
import { usePlayerEvents } from '../../_components/use-player-events';

type NativeBridge = { ReactNativeWebView?: { postMessage(msg: string): void } };

/** Full-screen TikTok player; player errors are shown in words and forwarded to a native host. */
export function WatchPlayer({ videoId, title }: { videoId: string; title: string }) {
  const [error, setError] = useState<string | null>(null);
  const onEvent = useCallback(
    (e: PlayerEvent) => {
      if (e.type !== 'onPlayerError') return;
      setError(playerErrorText(e.value));
      (window as unknown as NativeBridge).ReactNativeWebView?.postMessage(JSON.stringify({ type: 'showreel:playerError', videoId, code: e.value }));
    },
    [videoId],
  );
  usePlayerEvents(onEvent);
  // The iframe is created only after the listener is attached, so no early player message is missed.
  const [listening, setListening] = useState(false);
  useEffect(() => setListening(true), []);
  return (
    <>
      {listening && <TikTokPlayerFrame videoId={videoId} label={title} />}
      {error && (
        <div className="overlay" role="alert">
          {error}
        </div>
      )}
    </>
  );
}
