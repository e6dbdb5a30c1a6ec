'use client';

import { useRef } from 'react';
import { useEmbedResize } from './use-embed-resize';

/** The small card an embed shows for an unknown or unpublished handle (status 404). */
export function EmbedUnavailable() {
  const root = useRef<HTMLDivElement>(null);
  // The handle travels in the message for the framing page's information only (embed.js matches the
  // sending window); a not-found page is not told its params.
  useEmbedResize(root, '');
  return (
    <div ref={root} className="embed" data-theme="auto">
      <p className="embed-card" role="status">
        This showcase is not available.
      </p>
    </div>
  );
}
