'use client';

import { useCallback, useRef, useState } from 'react';
import { ApiError, FALLBACK_MESSAGE } from '../../../../../_components/api-fetch';

export type Status = { kind: 'idle' | 'busy' | 'ok' | 'error'; text: string };

/** A polite live status line; the outcome of an action moves focus to it so it is heard. */
export function useStatus() {
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const ref = useRef<HTMLParagraphElement>(null);
  const say = useCallback((next: Status) => {
    setStatus(next);
    if (next.kind !== 'busy') requestAnimationFrame(() => ref.current?.focus());
  }, []);
  const run = useCallback(
    async (busyText: string, action: () => Promise<string>, failure: string) => {
      say({ kind: 'busy', text: busyText });
      try {
        say({ kind: 'ok', text: await action() });
        return true;
      } catch (e) {
        say({ kind: 'error', text: `${failure}: ${e instanceof ApiError ? e.message : FALLBACK_MESSAGE}` });
        return false;
      }
    },
    [say],
  );
  const line = (
    <p ref={ref} tabIndex={-1} className={`status-line ${status.kind}`} role="status" aria-live="polite">
      {status.text}
    </p>
  );
  return { status, say, run, line, busy: status.kind === 'busy' };
}
