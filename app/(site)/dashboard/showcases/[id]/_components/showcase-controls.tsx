'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useSWRConfig } from 'swr';
import { useHydrated } from '../../../../../_components/use-hydrated';
import { SHOWCASE_SAVED_KEY } from '../../../_components/showcase-saved-key';
import { deleteShowcase, patchShowcase, SHOWCASES_KEY } from '../../../_components/showcases-api';
import { useStatus } from './status-line';
import type { useShowcase } from './use-showcase';

type Props = { swr: ReturnType<typeof useShowcase> };

/** Publish or unpublish, make it the default, delete it (after a confirmation naming it). */
export function ShowcaseControls({ swr }: Props) {
  const showcase = swr.data?.showcase;
  const dialog = useRef<HTMLDialogElement>(null);
  const { run, line, busy } = useStatus();
  const { mutate } = useSWRConfig();
  const router = useRouter();
  const hydrated = useHydrated();
  if (!showcase) return null;
  const disabled = busy || !hydrated;

  const change = (patch: Record<string, unknown>, busyText: string, done: string, failure: string) =>
    run(
      busyText,
      async () => {
        await patchShowcase(showcase.id, patch);
        await Promise.all([swr.mutate(), mutate(SHOWCASES_KEY)]);
        void mutate(SHOWCASE_SAVED_KEY, Date.now(), { revalidate: false });
        return done;
      },
      failure,
    );

  const remove = async () => {
    const ok = await run(
      'Deleting…',
      async () => {
        await deleteShowcase(showcase.id);
        await mutate(SHOWCASES_KEY);
        return 'Deleted.';
      },
      "Couldn't delete it",
    );
    dialog.current?.close();
    if (ok) router.push('/dashboard');
  };

  return (
    <section className={`notice publish ${showcase.published ? 'live' : 'draft'}`} aria-labelledby="controls-title">
      <p>
        <strong id="controls-title">{showcase.published ? 'This showcase is live.' : 'This showcase is not published.'}</strong>{' '}
        {showcase.published ? (
          <>
            Anyone with the link can see it:{' '}
            <a href={showcase.publicUrl} target="_blank" rel="noopener">
              {showcase.publicUrl}
            </a>
          </>
        ) : (
          'Its link, embeds and JSON answer “not found” until you publish it.'
        )}
        {showcase.isDefault && ' It is your default showcase, at your main link.'}
      </p>
      <div className="controls-row">
        <button
          type="button"
          className={showcase.published ? 'ghost' : 'primary'}
          disabled={disabled}
          onClick={() =>
            change(
              { published: !showcase.published },
              showcase.published ? 'Unpublishing…' : 'Publishing…',
              showcase.published ? 'Unpublished.' : 'Published: it is live.',
              "Couldn't change it",
            )
          }
        >
          {showcase.published ? 'Unpublish' : 'Publish'}
        </button>
        {!showcase.isDefault && (
          <>
            <button
              type="button"
              className="ghost"
              disabled={disabled}
              onClick={() => change({ isDefault: true }, 'Saving…', 'This is now your default showcase.', "Couldn't make it the default")}
            >
              Make default
            </button>
            <button type="button" className="danger" disabled={disabled} onClick={() => dialog.current?.showModal()}>
              Delete showcase
            </button>
          </>
        )}
      </div>
      {line}
      <dialog ref={dialog} className="confirm" aria-labelledby="delete-title">
        <h2 id="delete-title" className="confirm-heading">
          Delete “{showcase.title}”?
        </h2>
        <p>Its page, embeds and JSON stop answering at once. Your TikTok videos are not touched.</p>
        <div className="controls-row">
          <button type="button" className="ghost" onClick={() => dialog.current?.close()}>
            Keep it
          </button>
          <button type="button" className="danger-solid" onClick={remove} disabled={busy}>
            Delete it
          </button>
        </div>
      </dialog>
    </section>
  );
}
