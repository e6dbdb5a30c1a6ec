'use client';

import { useState } from 'react';
import { ApiError, apiFetch, FALLBACK_MESSAGE } from '../../../_components/api-fetch';
import { useHydrated } from '../../../_components/use-hydrated';

type Props = { connected: boolean; lastSyncedAt: string | null };

/** The server's words when the call failed, or null when it worked. */
async function post(url: string): Promise<string | null> {
  try {
    await apiFetch(url, { method: 'POST' });
    return null;
  } catch (e) {
    return e instanceof ApiError ? e.message : FALLBACK_MESSAGE;
  }
}

/** Disconnect TikTok and Delete my data, each behind an explicit confirmation. */
export function AccountActions({ connected, lastSyncedAt }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  const run = async (question: string, url: string) => {
    if (!window.confirm(question)) return;
    setBusy(true);
    setError(null);
    const problem = await post(url);
    setBusy(false);
    if (problem) setError(problem);
    else window.location.assign('/');
  };

  return (
    <section aria-labelledby="account-title" style={{ marginTop: '3rem', borderTop: '1px solid var(--line)', paddingTop: '1.5rem' }}>
      <h2 id="account-title" style={{ fontSize: '1.1rem' }}>
        Account
      </h2>
      {lastSyncedAt && (
        <p className="muted">
          Last synced with TikTok: <time dateTime={lastSyncedAt}>{new Date(lastSyncedAt).toUTCString()}</time>
        </p>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '.75rem' }}>
        {connected && (
          <button
            type="button"
            className="danger"
            disabled={busy || !hydrated}
            onClick={() => run('Disconnect TikTok? Your showcase will be unpublished and you will be signed out.', '/api/account/disconnect')}
          >
            Disconnect TikTok
          </button>
        )}
        {/* A plain form post: it works before hydration, and a copied cookie is refused from then on. */}
        <form method="post" action="/api/auth/logout?everywhere=1">
          <button type="submit" className="ghost">
            Sign out everywhere
          </button>
        </form>
        <button
          type="button"
          className="danger"
          disabled={busy || !hydrated}
          onClick={() => run('Delete all your Showreel data? This removes your account and showcase for good.', '/api/account/delete')}
        >
          Delete my data
        </button>
      </div>
      {error && (
        <p className="status-line error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
