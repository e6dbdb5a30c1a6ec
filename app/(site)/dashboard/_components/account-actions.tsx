'use client';

import { useRef, useState } from 'react';
import { ApiError, apiFetch, FALLBACK_MESSAGE } from '../../../_components/api-fetch';
import { LocalDate } from '../../../_components/local-date';
import { useHydrated } from '../../../_components/use-hydrated';

type Props = { connected: boolean; lastSyncedAt: string | null; handle: string };
type Action = { kind: 'disconnect' | 'delete'; url: string; title: string; text: string; confirm: string; done: string };

const ACTIONS: Record<Action['kind'], Action> = {
  disconnect: {
    kind: 'disconnect',
    url: '/api/account/disconnect',
    title: 'Disconnect TikTok?',
    text: 'Showreel forgets your TikTok tokens and tells TikTok to revoke them. Your page is unpublished and you are signed out everywhere. Your picks are kept for when you connect again.',
    confirm: 'Disconnect TikTok',
    done: 'disconnected',
  },
  delete: {
    kind: 'delete',
    url: '/api/account/delete',
    title: 'Delete all your Showreel data?',
    text: 'This removes your account, your showcase and everything Showreel stored about you, for good. Your TikTok account and videos are not touched.',
    confirm: 'Delete my data',
    done: 'deleted',
  },
};

/** Disconnect TikTok and Delete my data, each behind an accessible confirmation dialog. */
export function AccountActions({ connected, lastSyncedAt, handle }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  const ask = (a: Action) => {
    setAction(a);
    setTyped('');
    setError(null);
    dialog.current?.showModal();
  };
  const run = async () => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      await apiFetch(action.url, { method: 'POST' });
      // The landing page says what happened (it reads ?done= once it has hydrated).
      window.location.assign(`/?done=${action.done}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : FALLBACK_MESSAGE);
      setBusy(false);
    }
  };
  const mustType = action?.kind === 'delete';
  const ready = !mustType || typed.trim() === handle;

  return (
    <section aria-labelledby="account-title" className="account">
      <h2 id="account-title" className="account-heading">
        Account
      </h2>
      {lastSyncedAt && (
        <p className="muted">
          Last synced with TikTok: <LocalDate iso={lastSyncedAt} withTime />
        </p>
      )}
      <div className="account-buttons">
        {connected && (
          <button type="button" className="danger" disabled={!hydrated} onClick={() => ask(ACTIONS.disconnect)}>
            Disconnect TikTok
          </button>
        )}
        {/* A plain form post: it works before hydration, and a copied cookie is refused from then on. */}
        <form method="post" action="/api/auth/logout?everywhere=1">
          <button type="submit" className="ghost">
            Sign out everywhere
          </button>
        </form>
        <button type="button" className="danger" disabled={!hydrated} onClick={() => ask(ACTIONS.delete)}>
          Delete my data
        </button>
      </div>
      <dialog ref={dialog} className="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text" onClose={() => setAction(null)}>
        {action && (
          <form
            method="dialog"
            onSubmit={(e) => {
              e.preventDefault();
              if (ready) void run();
            }}
          >
            <h2 id="confirm-title" className="confirm-heading">
              {action.title}
            </h2>
            <p id="confirm-text" className="confirm-text">
              {action.text}
            </p>
            {mustType && (
              <label className="confirm-type">
                <span>
                  Type your handle, <strong>{handle}</strong>, to confirm
                </span>
                <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
              </label>
            )}
            {error && (
              <p className="status-line error" role="alert">
                {error}
              </p>
            )}
            <div className="confirm-buttons">
              <button type="button" className="ghost" onClick={() => dialog.current?.close()} disabled={busy}>
                Cancel
              </button>
              <button type="submit" className="danger-solid" disabled={busy || !ready}>
                {busy ? 'Working…' : action.confirm}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </section>
  );
}
