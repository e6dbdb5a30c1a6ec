'use client';

import { useEffect, useState } from 'react';

const DONE: Record<string, string> = {
  disconnected: 'TikTok is disconnected and you are signed out. Your page is unpublished; sign in again to pick up where you left off.',
  deleted: 'Your Showreel data is deleted: your account, showcase and everything stored about you are gone.',
};

/**
 * What an account action did, said on the page it lands on (`/?done=…`). Read in the browser, so
 * the landing page stays a static file.
 */
export function DoneBanner() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const done = new URLSearchParams(window.location.search).get('done');
    if (done && Object.hasOwn(DONE, done)) setText(DONE[done]);
  }, []);
  if (!text) return null;
  return (
    <div className="notice ok" role="status">
      <p>{text}</p>
    </div>
  );
}
