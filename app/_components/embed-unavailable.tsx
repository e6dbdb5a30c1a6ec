'use client';

import { useRef } from 'react';
import { useEmbedResize } from './use-embed-resize';

/** The small card an embed shows for an unknown or unpublished handle (status 404). */
export function EmbedUnavailable({ handle }: { handle: string }) {
  const root = useRef<HTMLDivElement>(null);
  useEmbedResize(root, handle);
  return (
    <div ref={root} className="embed" data-theme="auto">
      <p className="embed-card" role="status">
        This showcase is not available.
      </p>
    </div>
  );
}
