'use client';

import { useEffect } from 'react';
import { type PlayerEvent, readPlayerMessage } from '@/lib/tiktok/player';

/** Listens to TikTok player messages, ignoring any window message whose origin is not TikTok's. */
export function usePlayerEvents(onEvent: (event: PlayerEvent) => void, active = true) {
  useEffect(() => {
    if (!active) return;
    const listener = (e: MessageEvent) => {
      const msg = readPlayerMessage(e);
      if (msg) onEvent(msg);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [onEvent, active]);
}
