'use client';

import { type ReactNode, useState } from 'react';
import { ApiError, FALLBACK_MESSAGE } from '../../../_components/api-fetch';
import { useHydrated } from '../../../_components/use-hydrated';
import { type EditorState, isDraft, patchPublished } from './editor-state';
import { useEditorState } from './use-editor-state';

type Props = { initial: EditorState; publicUrl: string };

/** Draft, live or unpublished, in words, with the switch that changes it. */
export function PublishStatus({ initial, publicUrl }: Props) {
  const { data = initial, mutate } = useEditorState(initial);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  const change = async (published: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await mutate(patchPublished(published), { populateCache: true, revalidate: false });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : FALLBACK_MESSAGE);
    }
    setBusy(false);
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(publicUrl).catch(() => undefined);
    setCopied(true);
  };

  const disabled = busy || !hydrated;
  return (
    <section className={`notice publish ${data.published ? 'live' : 'draft'}`} aria-labelledby="publish-title">
      {data.published ? (
        <>
          <p>
            <strong id="publish-title">Your page is live.</strong> Anyone with the link can see it, and your embeds show it.
          </p>
          <a className="button button-ghost" href={publicUrl} target="_blank" rel="noopener">
            View
          </a>
          <button type="button" className="ghost" onClick={copy} disabled={!hydrated}>
            {copied ? 'Link copied' : 'Copy link'}
          </button>
          <button type="button" className="ghost" onClick={() => change(false)} disabled={disabled}>
            Unpublish
          </button>
        </>
      ) : isDraft(data) ? (
        <>
          <p>
            <strong id="publish-title">Your page is a draft.</strong> Nobody can see it yet: tick the videos you want and press “Save showcase and publish”.
          </p>
          <button type="button" className="ghost" onClick={() => change(true)} disabled={disabled}>
            Publish now
          </button>
        </>
      ) : (
        <>
          <p>
            <strong id="publish-title">Your page is unpublished.</strong> Its link, embeds and JSON answer “not found” until you publish it again.
          </p>
          <button type="button" className="primary" onClick={() => change(true)} disabled={disabled}>
            Publish
          </button>
        </>
      )}
      {error && (
        <p className="status-line error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Shows its children only while the page is live (the Share panel has nothing to share before). */
export function WhenLive({ initial, children }: { initial: EditorState; children: ReactNode }) {
  const { data = initial } = useEditorState(initial);
  return data.published ? children : null;
}
