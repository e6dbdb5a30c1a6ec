'use client';

import { useMemo, useRef, useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import useSWRInfinite from 'swr/infinite';
import { formatDate, formatDuration, videoLabel } from '@/lib/platform/format';
import { showcaseInputSchema } from '@/lib/showcase/schema';
import type { ShowcaseEntry } from '@/lib/showcase/types';
import type { VideoCard, VideoPageDto } from '@/lib/videos/types';
import { ApiError, apiFetch, FALLBACK_MESSAGE } from '../../../_components/api-fetch';
import { useHydrated } from '../../../_components/use-hydrated';
import { SHOWCASE_SAVED_KEY } from './showcase-saved-key';

type Props = { initialPage: VideoPageDto; initialShowcase: ShowcaseEntry[] };
type Status = { kind: 'idle' | 'saving' | 'ok' | 'error'; text: string };
type Meta = { id: string; label: string; durationSeconds: number; available: boolean };

const getJson = <T,>(url: string) => apiFetch<T>(url);
const putShowcase = (videoIds: string[]) => apiFetch<{ items: ShowcaseEntry[] }>('/api/showcase', { method: 'PUT', json: { videoIds } });

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Pick videos, put them in order (drag and drop, or Move up / Move down), save the showcase. */
export function ShowcasePicker({ initialPage, initialShowcase }: Props) {
  const pages = useSWRInfinite<VideoPageDto>(
    (index, previous: VideoPageDto | null) => {
      if (index === 0) return '/api/videos';
      if (!previous?.hasMore || previous.cursor == null) return null;
      return `/api/videos?cursor=${previous.cursor}`;
    },
    getJson,
    { fallbackData: [initialPage], revalidateOnMount: false, revalidateFirstPage: false, revalidateOnFocus: false, revalidateIfStale: false },
  );
  const { mutate } = useSWRConfig();
  const saved = useSWR<{ items: ShowcaseEntry[] }>('/api/showcase', getJson, {
    fallbackData: { items: initialShowcase },
    revalidateOnMount: false,
    revalidateOnFocus: false,
  });

  const [draft, setDraft] = useState<string[]>(() => initialShowcase.map((i) => i.videoId));
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const hydrated = useHydrated();

  const loaded = pages.data ?? [initialPage];
  const videos: VideoCard[] = loaded.flatMap((p) => p.videos);
  const last = loaded[loaded.length - 1];
  const loadingMore = pages.isValidating && pages.size > loaded.length;
  const savedItems = saved.data?.items ?? [];
  const savedIds = savedItems.map((i) => i.videoId);
  const dirty = draft.join() !== savedIds.join();

  const meta = useMemo(() => {
    const m = new Map<string, Meta>();
    for (const s of savedItems) m.set(s.videoId, { id: s.videoId, label: videoLabel(s), durationSeconds: s.durationSeconds, available: s.available });
    for (const v of videos) m.set(v.id, { id: v.id, label: videoLabel(v), durationSeconds: v.durationSeconds, available: true });
    return m;
  }, [savedItems, videos]);

  const toggle = (id: string) => {
    setStatus({ kind: 'idle', text: '' });
    setDraft((d) => (d.includes(id) ? d.filter((x) => x !== id) : [...d, id]));
  };

  const save = async () => {
    const input = showcaseInputSchema.safeParse({ videoIds: draft });
    if (!input.success) {
      setStatus({ kind: 'error', text: input.error.issues[0].message });
      return;
    }
    setStatus({ kind: 'saving', text: 'Saving…' });
    const optimistic: ShowcaseEntry[] = draft.map((id, position) => {
      const m = meta.get(id);
      return { videoId: id, position, title: m?.label ?? '', description: '', durationSeconds: m?.durationSeconds ?? 0, coverUrl: '', available: true };
    });
    try {
      await saved.mutate(putShowcase(input.data.videoIds), {
        optimisticData: { items: optimistic },
        rollbackOnError: true,
        populateCache: true,
        revalidate: false,
      });
      setStatus({ kind: 'ok', text: `Showcase saved (${draft.length} ${draft.length === 1 ? 'video' : 'videos'}).` });
      void mutate(SHOWCASE_SAVED_KEY, Date.now(), { revalidate: false });
    } catch (e) {
      const why = e instanceof ApiError ? e.message : FALLBACK_MESSAGE;
      setStatus({ kind: 'error', text: `Couldn't save your showcase: ${why} Your published showcase is unchanged.` });
    }
    statusRef.current?.focus();
  };

  return (
    <div className="layout-2">
      <section aria-labelledby="recent-title">
        <div className="section-title">
          <h2 id="recent-title">Recent videos</h2>
          <span className="muted">{videos.length} loaded · tick to add to your showcase</span>
        </div>
        {videos.length === 0 ? (
          <p className="muted">You haven&apos;t posted any public videos yet.</p>
        ) : (
          <ul className="grid" aria-label="Recent videos">
            {videos.map((v, i) => {
              const selected = draft.includes(v.id);
              const label = videoLabel(v);
              return (
                <li key={v.id} className={`card${selected ? ' selected' : ''}`}>
                  <label className="cover-label">
                    <input type="checkbox" className="pick" checked={selected} onChange={() => toggle(v.id)} aria-label={label} disabled={!hydrated} />
                    {/* biome-ignore lint/performance/noImgElement: signed TikTok URLs expire; next/image's optimizing cache would keep serving them after they have */}
                    <img className="cover" src={v.coverUrl} alt="" width={270} height={480} loading={i < 8 ? 'eager' : 'lazy'} decoding="async" />
                    <span className="visually-hidden">Duration </span>
                    <span className="duration">{formatDuration(v.durationSeconds)}</span>
                    <span className="meta">
                      <span className="title">{label}</span>
                      <span className="sub">
                        <time dateTime={v.createdAt}>{formatDate(v.createdAt)}</time>
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        <div style={{ display: 'flex', justifyContent: 'center', margin: '1.5rem 0' }}>
          {pages.error ? (
            <p role="alert" className="status-line error">
              {(pages.error as Error).message}
            </p>
          ) : last?.hasMore ? (
            <button type="button" onClick={() => pages.setSize(loaded.length + 1)} disabled={loadingMore || !hydrated}>
              {loadingMore ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <p className="muted">That&apos;s all your videos.</p>
          )}
        </div>
      </section>

      <aside className="panel" aria-labelledby="showcase-title">
        <h2 id="showcase-title">Your showcase</h2>
        <p className="muted" style={{ margin: 0 }}>
          {draft.length === 0 ? 'Tick videos to add them.' : `${draft.length} selected. Drag, or use the arrows, to reorder.`}
        </p>
        <ol className="order" aria-label="Showcase order">
          {draft.map((id, index) => {
            const m = meta.get(id);
            const label = m?.label ?? `Video ${id}`;
            return (
              <li
                key={id}
                draggable
                className={`${dragging === index ? 'dragging' : ''}${over === index && dragging !== index ? ' drop-target' : ''}`}
                onDragStart={(e) => {
                  setDragging(index);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', id);
                }}
                onDragOver={(e) => {
                  e.preventDefault();
                  setOver(index);
                }}
                onDragLeave={() => setOver((o) => (o === index ? null : o))}
                onDrop={(e) => {
                  e.preventDefault();
                  const from = dragging ?? draft.indexOf(e.dataTransfer.getData('text/plain'));
                  if (from >= 0) setDraft((d) => move(d, from, index));
                  setDragging(null);
                  setOver(null);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setOver(null);
                }}
              >
                <span className="handle-grip" aria-hidden="true">
                  ⋮⋮
                </span>
                <span className="name">
                  {index + 1}. {label} {m && !m.available && <span className="badge">No longer on TikTok</span>}
                </span>
                <span className="controls">
                  <button type="button" onClick={() => setDraft((d) => move(d, index, index - 1))} disabled={index === 0} aria-label={`Move ${label} up`}>
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => setDraft((d) => move(d, index, index + 1))}
                    disabled={index === draft.length - 1}
                    aria-label={`Move ${label} down`}
                  >
                    ↓
                  </button>
                  <button type="button" onClick={() => toggle(id)} aria-label={`Remove ${label}`}>
                    ✕
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <button type="button" className="primary" onClick={save} disabled={!hydrated || status.kind === 'saving' || !dirty}>
          Save showcase
        </button>
        <p ref={statusRef} tabIndex={-1} className={`status-line ${status.kind}`} role="status" aria-live="polite">
          {status.text || (dirty ? 'You have unsaved changes.' : savedIds.length ? 'Saved.' : '')}
        </p>
      </aside>
    </div>
  );
}
