'use client';

import { type RefObject, useEffect } from 'react';

/**
 * Tells the page that frames this embed how tall its content is, after render and on every size
 * change, so embed.js can size the iframe with no inner scrollbar. The height is not a secret and
 * the framing site can be any origin, hence "*".
 */
export function useEmbedResize(ref: RefObject<HTMLElement | null>, handle: string) {
  useEffect(() => {
    const el = ref.current;
    if (!el || window.parent === window) return;
    const post = () => window.parent.postMessage({ type: 'showreel:resize', handle, height: Math.ceil(el.getBoundingClientRect().height) }, '*');
    post();
    const observer = new ResizeObserver(post);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, handle]);
}
