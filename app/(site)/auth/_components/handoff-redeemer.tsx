'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
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
type Account = { displayName: string; handle: string };
type Choice = { signedInAs: Account; continueAs: Account };

const choiceOf = (e: unknown): Choice | null => {
  const d = e instanceof ApiError && e.status === 409 ? e.detail : null;
  return d?.signedInAs && d.continueAs ? { signedInAs: d.signedInAs as Account, continueAs: d.continueAs as Account } : null;
};

export function HandoffRedeemer() {
  const params = useSearchParams();
  const router = useRouter();
  const handoff = params.get('handoff');
  const verifier = params.get('verifier') ?? undefined;
  const error = params.get('error');
  const [message, setMessage] = useState<string>('Waiting for the app to finish signing you in…');
  // Signed in to another account already: the person chooses, nothing is switched for them.
  const [choice, setChoice] = useState<Choice | null>(null);

  const redeem = useCallback(
    (input: { handoff: string; verifier?: string; confirm?: boolean }, isCancelled: () => boolean = () => false) =>
      apiFetch<{ redirectTo?: string }>('/api/auth/handoff', { method: 'POST', json: input })
        .then((body) => !isCancelled() && router.replace(body.redirectTo ?? '/dashboard'))
        .catch((e: unknown) => {
          if (isCancelled()) return;
          const asked = choiceOf(e);
          if (asked) return setChoice(asked);
          setMessage(e instanceof ApiError ? e.message : FALLBACK_MESSAGE);
        }),
    [router],
  );

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
    setChoice(null);
    void redeem(input.data, () => cancelled);
    return () => {
      cancelled = true;
    };
  }, [handoff, verifier, error, redeem]);

  if (choice && handoff) {
    const { signedInAs, continueAs } = choice;
    return (
      <section aria-labelledby="switch-title">
        <h2 id="switch-title">Switch accounts?</h2>
        <p>
          This browser is signed in as <strong>{signedInAs.displayName}</strong> (@{signedInAs.handle}). The sign-in link you opened is for{' '}
          <strong>{continueAs.displayName}</strong> (@{continueAs.handle}).
        </p>
        <p className="muted">If you did not just sign in from the app yourself, stay signed in.</p>
        <div style={{ display: 'flex', gap: '0.75rem', justifyContent: 'center', flexWrap: 'wrap' }}>
          <button type="button" className="button button-primary" onClick={() => router.replace('/dashboard')}>
            Stay signed in as {signedInAs.displayName}
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setChoice(null);
              setMessage('Signing you in…');
              void redeem({ handoff, verifier, confirm: true });
            }}
          >
            Continue as {continueAs.displayName}
          </button>
        </div>
      </section>
    );
  }

  return (
    <p role="status" aria-live="polite" style={{ fontSize: '1.1rem' }}>
      {message}
    </p>
  );
}
