'use client';

import { useEffect, useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { videoLabel } from '@/lib/platform/format';
import type { PreviewVideo } from '@/lib/showcase/preview';
import { itemsInputSchema, MAX_PINNED } from '@/lib/showcase/schema';
import { apiFetch } from '../../../../../_components/api-fetch';
import { useHydrated } from '../../../../../_components/use-hydrated';
import { AddByLink } from '../../../_components/add-by-link';
import { SHOWCASE_SAVED_KEY } from '../../../_components/showcase-saved-key';
import { putItems, type ShowcaseDetail } from '../../../_components/showcases-api';
import { useStatus } from './status-line';
import type { useShowcase } from './use-showcase';

type Props = { swr: ReturnType<typeof useShowcase> };
type Row = { videoId: string; label: string; link: { url: string; label: string } | null; editingLink: boolean };

const RECENT = { rule: { kind: 'latest', count: 50 }, pinned: [] };

/** The list the creator edits: every video of a manual showcase, the pinned ones of a rule showcase. */
function rowsOf(d: ShowcaseDetail | undefined): Row[] {
  return (d?.items ?? [])
    .filter((i) => d?.showcase.rule.kind === 'manual' || i.pinned)
    .map((i) => ({ videoId: i.videoId, label: videoLabel(i), link: i.link, editingLink: false }));
}

/**
 * The videos: a manual showcase's whole list, or a rule showcase's pinned videos (then its picks,
 * each of which can be pinned). Reorder with the arrows, remove or unpin, add a call-to-action link.
 */
export function ItemsEditor({ swr }: Props) {
  const detail = swr.data;
  const manual = detail?.showcase.rule.kind === 'manual';
  const [rows, setRows] = useState<Row[]>(() => rowsOf(detail));
  // What the server saved (a save, a rule change) replaces the draft.
  useEffect(() => setRows(rowsOf(detail)), [detail]);
  const { run, say, line, busy } = useStatus();
  const { mutate } = useSWRConfig();
  const hydrated = useHydrated();
  // The newest videos to add from (manual only): the preview of a "50 newest" rule, from the stored candidates.
  const recent = useSWR<{ items: PreviewVideo[] }>(manual ? ['/api/showcases/preview', 'recent'] : null, ([url]: [string]) =>
    apiFetch(url, { method: 'POST', json: RECENT }),
  );
  if (!detail) return null;
  const picks = manual ? [] : detail.items.filter((i) => !i.pinned);
  const inList = new Set(rows.map((r) => r.videoId));
  const disabled = busy || !hydrated;

  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(i, 1);
      next.splice(i + by, 0, row);
      return next;
    });
  const add = (videoId: string, label: string) => {
    if (!manual && rows.length >= MAX_PINNED) return say({ kind: 'error', text: `A rule showcase pins at most ${MAX_PINNED} videos.` });
    setRows((rs) => [...rs, { videoId, label, link: null, editingLink: false }]);
  };

  const save = async () => {
    const input = itemsInputSchema.safeParse({ items: rows.map((r) => ({ videoId: r.videoId, ...(r.link?.url ? { link: r.link } : {}) })) });
    if (!input.success) {
      const issue = input.error.issues[0];
      const row = typeof issue.path[1] === 'number' ? rows[issue.path[1]] : null;
      return say({ kind: 'error', text: `${row ? `“${row.label}”, ` : ''}${issue.path.slice(2).join(' ') || 'videos'}: ${issue.message}.` });
    }
    await run(
      'Saving…',
      async () => {
        await swr.mutate(putItems(detail.showcase.id, input.data.items), { populateCache: true, revalidate: false });
        void mutate(SHOWCASE_SAVED_KEY, Date.now(), { revalidate: false });
        return 'Videos saved.';
      },
      "Couldn't save the videos",
    );
  };

  return (
    <section className="panel items-editor" aria-labelledby="items-title">
      <h2 id="items-title">{manual ? 'Videos' : 'Pinned videos'}</h2>
      {rows.length === 0 && (
        <p className="muted">{manual ? 'No videos yet: add some from your recent videos below.' : 'Nothing pinned: the rule picks every video.'}</p>
      )}
      <ol className="item-rows" aria-labelledby="items-title">
        {rows.map((r, i) => (
          <li key={r.videoId} className="item-row">
            <span className="item-label">{r.label}</span>
            <span className="item-actions">
              <button type="button" className="icon-button" onClick={() => move(i, -1)} disabled={disabled || i === 0} aria-label={`Move ${r.label} up`}>
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                onClick={() => move(i, 1)}
                disabled={disabled || i === rows.length - 1}
                aria-label={`Move ${r.label} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className="ghost"
                onClick={() => update(i, { editingLink: !r.editingLink })}
                disabled={disabled}
                aria-expanded={r.editingLink}
                aria-label={`${r.link?.url ? 'Edit link' : 'Add link'} for ${r.label}`}
              >
                {r.link?.url ? 'Edit link' : 'Add link'}
              </button>
              <button
                type="button"
                className="ghost"
                onClick={() => setRows((rs) => rs.filter((_, k) => k !== i))}
                disabled={disabled}
                aria-label={`${manual ? 'Remove' : 'Unpin'} ${r.label}`}
              >
                {manual ? 'Remove' : 'Unpin'}
              </button>
            </span>
            {r.editingLink && (
              <span className="item-link">
                <label>
                  Link (https)
                  <input
                    type="url"
                    inputMode="url"
                    value={r.link?.url ?? ''}
                    placeholder="https://"
                    maxLength={2048}
                    onChange={(e) => update(i, { link: { url: e.target.value, label: r.link?.label ?? 'Learn more' } })}
                  />
                </label>
                <label>
                  Button words
                  <input
                    value={r.link?.label ?? 'Learn more'}
                    maxLength={40}
                    onChange={(e) => update(i, { link: { url: r.link?.url ?? '', label: e.target.value } })}
                  />
                </label>
              </span>
            )}
          </li>
        ))}
      </ol>
      {!manual && (
        <>
          <h3 id="picks-title">Picked by the rule now</h3>
          {picks.length === 0 ? (
            <p className="muted">The rule picks nothing yet.</p>
          ) : (
            <ol className="item-rows" aria-labelledby="picks-title">
              {picks.map((p) => (
                <li key={p.videoId} className="item-row">
                  <span className="item-label">{videoLabel(p)}</span>
                  <button
                    type="button"
                    className="ghost"
                    onClick={() => add(p.videoId, videoLabel(p))}
                    disabled={disabled || inList.has(p.videoId)}
                    aria-label={`${inList.has(p.videoId) ? 'Pinned' : 'Pin'} ${videoLabel(p)}`}
                  >
                    {inList.has(p.videoId) ? 'Pinned' : 'Pin'}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      <AddByLink onAdded={(video) => add(video.id, videoLabel(video))} savePrompt="Save videos to keep it." />
      <button type="button" className="primary" onClick={save} disabled={disabled}>
        Save videos
      </button>
      {line}
      {manual && (
        <>
          <h3 id="recent-videos-title">Your recent videos</h3>
          {recent.error ? (
            <p className="status-line error">{(recent.error as Error).message}</p>
          ) : !recent.data ? (
            <p className="muted">Loading your recent videos…</p>
          ) : recent.data.items.length === 0 ? (
            <p className="muted">You haven&apos;t posted any public videos yet.</p>
          ) : (
            <ol className="item-rows" aria-labelledby="recent-videos-title">
              {recent.data.items.map((v) => (
                <li key={v.videoId} className="item-row">
                  <span className="item-label">{videoLabel(v)}</span>
                  <button
                    type="button"
                    className="ghost"
                    onClick={() => add(v.videoId, videoLabel(v))}
                    disabled={disabled || inList.has(v.videoId)}
                    aria-label={`${inList.has(v.videoId) ? 'Added' : 'Add'} ${videoLabel(v)}`}
                  >
                    {inList.has(v.videoId) ? 'Added' : 'Add'}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
