'use client';

import { useCallback, useEffect, useState } from 'react';
import { OpenInTikTok, TikTokPlayer } from '../../_components/tiktok-player';

type NativeBridge = { ReactNativeWebView?: { postMessage(msg: string): void } };

/** Full-screen TikTok player; player errors are shown in words and forwarded to a native host. */
export function WatchPlayer({ videoId, title, shareUrl }: { videoId: string; title: string; shareUrl: string }) {
  const onPlayerError = useCallback(
    (code: unknown) => (window as unknown as NativeBridge).ReactNativeWebView?.postMessage(JSON.stringify({ type: 'showreel:playerError', videoId, code })),
    [videoId],
  );
  // The player is created only after the page is interactive, so no early player message is missed.
  const [listening, setListening] = useState(false);
  useEffect(() => setListening(true), []);
  return (
    <>
      <header className="watch-bar">
        <a className="brand" href="/">
          Show<span>reel</span>
        </a>
        <h1 className="watch-title">{title}</h1>
        <OpenInTikTok videoId={videoId} shareUrl={shareUrl} />
      </header>
      <div className="watch-stage">{listening && <TikTokPlayer videoId={videoId} label={title} shareUrl={shareUrl} onPlayerError={onPlayerError} />}</div>
    </>
  );
}
