'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import useSWR from 'swr';
import useSWRMutation from 'swr/mutation';
import { type ApiError, apiFetch } from '../../../../_components/api-fetch';

type Start = { id: string; scanUrl: string; svg: string };
type Poll = { status: 'new' | 'scanned' | 'confirmed' | 'expired' | 'used'; redirectTo?: string };

const POLL_INTERVAL_MS = 2500;
const MAX_POLLING_MS = 5 * 60_000;

const WORDS: Record<Poll['status'], string> = {
  new: 'Scan with the TikTok app',
  scanned: 'Confirm on your phone',
  confirmed: 'Signed in! Taking you to your dashboard…',
  expired: 'This QR code has expired or was cancelled.',
  used: 'This QR code has already been used.',
};

/**
 * QR sign-in. Polls the app's own route (never TikTok) every 2.5 s with SWR, pausing while the tab
 * is hidden, and stops on confirmed, expired, used, any error (429 included) and after 5 minutes.
 */
export function QrLogin() {
  const router = useRouter();
  const start = useSWRMutation('/api/auth/qr', (url: string) => apiFetch<Start>(url, { method: 'POST' }));
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [timedOut, setTimedOut] = useState(false);
  const [final, setFinal] = useState<Poll['status'] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const session = start.data;

  const begin = () => {
    setTimedOut(false);
    setFinal(null);
    setFailure(null);
    setStartedAt(Date.now());
    start.trigger().catch((e: ApiError) => setFailure(e.message));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on mount; a QR session is started by an action, not by a re-render
  useEffect(begin, []);

  useEffect(() => {
    if (startedAt === null) return;
    const timer = setTimeout(() => setTimedOut(true), MAX_POLLING_MS);
    return () => clearTimeout(timer);
  }, [startedAt]);

  const polling = Boolean(session) && !timedOut && final === null && failure === null;
  const poll = useSWR<Poll, ApiError>(polling && session ? `/api/auth/qr/${session.id}` : null, (url: string) => apiFetch<Poll>(url), {
    refreshInterval: POLL_INTERVAL_MS,
    refreshWhenHidden: false,
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
    shouldRetryOnError: false,
    dedupingInterval: 1000,
    onSuccess: (data) => {
      if (data.status === 'confirmed' || data.status === 'expired' || data.status === 'used') setFinal(data.status);
      if (data.status === 'confirmed') router.replace(data.redirectTo ?? '/dashboard');
    },
    // Any non-OK answer stops polling, 429 included.
    onError: (e) => setFailure(e.message),
  });

  const status = final ?? poll.data?.status ?? 'new';
  let message: string;
  if (failure) message = failure;
  else if (!session) message = 'Getting a QR code from TikTok…';
  else if (timedOut) message = 'Still there? This QR code timed out.';
  else message = WORDS[status];

  const stopped = failure !== null || timedOut || final === 'expired' || final === 'used';
  const retryLabel = failure ? 'Try again' : final === 'used' ? 'Start again' : 'Get a new code';

  return (
    <div className="qr">
      {session && !stopped && final !== 'confirmed' && (
        <>
          <div
            className="code"
            role="img"
            aria-label="QR code to sign in with the TikTok app"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is drawn on our server by the qrcode package from the sign-in URL, never from user input
            dangerouslySetInnerHTML={{ __html: session.svg }}
          />
          <p className="muted" style={{ margin: 0 }}>
            Can&apos;t scan? <a href={session.scanUrl}>Open the sign-in link on your phone</a>
          </p>
        </>
      )}
      <p role="status" aria-live="polite" style={{ fontSize: '1.2rem', fontWeight: 700, margin: 0 }}>
        {message}
      </p>
      {stopped && (
        <button type="button" className="primary" onClick={begin}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
