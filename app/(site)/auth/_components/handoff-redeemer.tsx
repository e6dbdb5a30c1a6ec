'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { handoffInputSchema } from '@/lib/native/schema';
import { ApiError, apiFetch, FALLBACK_MESSAGE } from '../../../_components/api-fetch';

const ERRORS: Record<string, string> = {
  access_denied: 'You cancelled the TikTok sign-in.',
  invalid_state: 'That sign-in expired. Please start again from the app.',
};

/**
 * Redeems `?handoff=…&verifier=…` for a session (the app appends its own verifier when it opens the webview). Keyed on the query value itself, so it also runs when this
 * page is already open and only its query changes (the deeplink "already mounted" case).
 */
export function HandoffRedeemer() {
  const params = useSearchParams();
  const router = useRouter();
  const handoff = params.get('handoff');
  const verifier = params.get('verifier') ?? undefined;
  const error = params.get('error');
  const [message, setMessage] = useState<string>('Waiting for the app to finish signing you in…');

  useEffect(() => {
    if (error) {
      setMessage(ERRORS[error] ?? 'TikTok could not sign you in. Please try again from the app.');
      return;
    }
    if (!handoff) return;
    const input = handoffInputSchema.safeParse({ handoff, verifier });
    if (!input.success) {
      setMessage('This sign-in link is not valid. Please sign in again from the app.');
      return;
    }
    let cancelled = false;
    setMessage('Signing you in…');
    apiFetch<{ redirectTo?: string }>('/api/auth/handoff', { method: 'POST', json: input.data })
      .then((body) => !cancelled && router.replace(body.redirectTo ?? '/dashboard'))
      .catch((e: unknown) => !cancelled && setMessage(e instanceof ApiError ? e.message : FALLBACK_MESSAGE));
    return () => {
      cancelled = true;
    };
  }, [handoff, verifier, error, router]);

  return (
    <p role="status" aria-live="polite" style={{ fontSize: '1.1rem' }}>
      {message}
    </p>
  );
}
