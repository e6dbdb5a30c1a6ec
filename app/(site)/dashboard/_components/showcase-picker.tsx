'use client';

import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useSWRConfig } from 'swr';
import useSWRInfinite from 'swr/infinite';
import { videoLabel } from '@/lib/platform/format';
import { showcaseInputSchema } from '@/lib/showcase/schema';
import type { VideoCard, VideoPageDto } from '@/lib/videos/types';
import { ApiError, apiFetch, FALLBACK_MESSAGE } from '../../../_components/api-fetch';
import { useHydrated } from '../../../_components/use-hydrated';
import { type EditorState, isDraft, putShowcase } from './editor-state';
import { type GridLabels, RecentGrid } from './recent-grid';
import { type OrderItem, ShowcaseOrder } from './showcase-order';
import { SHOWCASE_SAVED_KEY } from './showcase-saved-key';
import { useEditorState } from './use-editor-state';
import { useUnsavedGuard } from './use-unsaved-guard';

type Props = {
  initialPage: VideoPageDto;
  initialState: EditorState;
  /** Rendered above the editor with a callback that adds a video to the picker, ticked (the "Add by link" field). */
  addon?: (onAdded: (video: VideoCard) => void) => ReactNode;
  gridLabels?: GridLabels;
};
type Status = { kind: 'idle' | 'saving' | 'ok' | 'error'; text: string };

const getPage = (url: string) => apiFetch<VideoPageDto>(url);

/**
 * Pick videos, put them in order, save the showcase. On a phone the showcase panel is a bar fixed to
 * the bottom of the screen (the count and Save always in reach) that opens the order as a sheet.
 */
export function ShowcasePicker({ initialPage, initialState, addon, gridLabels }: Props) {
  const pages = useSWRInfinite<VideoPageDto>(
    (index, previous: VideoPageDto | null) => {
      if (index === 0) return '/api/videos';
      if (!previous?.hasMore || previous.cursor == null) return null;
      return `/api/videos?cursor=${previous.cursor}`;
    },
    getPage,
    { fallbackData: [initialPage], revalidateOnMount: false, revalidateFirstPage: false, revalidateOnFocus: false, revalidateIfStale: false },
  );
  const { mutate } = useSWRConfig();
  const saved = useEditorState(initialState);

  const [draft, setDraft] = useState<string[]>(() => initialState.items.map((i) => i.videoId));
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [sheetOpen, setSheetOpen] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const hydrated = useHydrated();

  const loaded = pages.data ?? [initialPage];
  const videos: VideoCard[] = loaded.flatMap((p) => p.videos);
  const state = saved.data ?? initialState;
  const savedIds = state.items.map((i) => i.videoId);
  const dirty = draft.join() !== savedIds.join();
  const publishesOnSave = isDraft(state) && draft.length > 0;
  useUnsavedGuard(dirty);

  const order: OrderItem[] = useMemo(() => {
    const m = new Map<string, OrderItem>();
    for (const s of state.items) m.set(s.videoId, { id: s.videoId, label: videoLabel(s), coverUrl: null, available: s.available });
    for (const v of videos) m.set(v.id, { id: v.id, label: videoLabel(v), coverUrl: v.coverUrl, available: m.get(v.id)?.available ?? true });
    return draft.map((id) => m.get(id) ?? { id, label: `Video ${id}`, coverUrl: null, available: true });
  }, [state.items, videos, draft]);

  // A video added from outside the grid (by link) joins the first page and the draft at once.
  const added = (video: VideoCard) => {
    // The cache is empty while the server's first page is only the fallback: start from what is shown.
    void pages.mutate((data = loaded) => [{ ...data[0], videos: [video, ...data[0].videos.filter((v) => v.id !== video.id)] }, ...data.slice(1)], {
      revalidate: false,
    });
    setDraft((d) => (d.includes(video.id) ? d : [...d, video.id]));
  };

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
    try {
      const next = await saved.mutate(putShowcase(input.data.videoIds), { rollbackOnError: true, populateCache: true, revalidate: false });
      const n = draft.length;
      const published = isDraft(state) && next?.published ? ' Your page is live.' : '';
      setStatus({ kind: 'ok', text: `Showcase saved (${n} ${n === 1 ? 'video' : 'videos'}).${published}` });
      void mutate(SHOWCASE_SAVED_KEY, Date.now(), { revalidate: false });
    } catch (e) {
      const why = e instanceof ApiError ? e.message : FALLBACK_MESSAGE;
      setStatus({ kind: 'error', text: `Couldn't save your showcase: ${why} Your published showcase is unchanged.` });
    }
    statusRef.current?.focus();
  };

  return (
    <div className="layout-2 editor">
      {addon?.(added)}
      <RecentGrid
        labels={gridLabels}
        videos={videos}
        selected={draft}
        onToggle={toggle}
        disabled={!hydrated}
        loadMore={{
          hasMore: Boolean(loaded[loaded.length - 1]?.hasMore),
          loading: pages.isValidating && pages.size > loaded.length,
          error: pages.error ? (pages.error as Error).message : null,
          next: () => pages.setSize(loaded.length + 1),
        }}
      />
      <aside className="panel editor-panel" aria-labelledby="showcase-title" data-open={sheetOpen}>
        <div className="editor-bar">
          <h2 id="showcase-title">Your showcase</h2>
          <span className="editor-count muted">
            {draft.length} {draft.length === 1 ? 'video' : 'videos'}
          </span>
          <button
            type="button"
            className="ghost editor-toggle"
            aria-expanded={sheetOpen}
            aria-controls="showcase-order-body"
            onClick={() => setSheetOpen((o) => !o)}
          >
            {sheetOpen ? 'Hide order' : 'Order'}
          </button>
          <button type="button" className="primary editor-save" onClick={save} disabled={!hydrated || status.kind === 'saving' || !dirty}>
            {publishesOnSave ? 'Save showcase and publish' : 'Save showcase'}
          </button>
          <p ref={statusRef} tabIndex={-1} className={`status-line ${status.kind}`} role="status" aria-live="polite">
            {status.text || (dirty ? 'You have unsaved changes.' : savedIds.length ? 'Saved.' : '')}
          </p>
        </div>
        <div id="showcase-order-body" className="editor-body">
          <p className="muted" style={{ margin: 0 }}>
            {draft.length === 0 ? 'Tick videos to add them.' : 'Drag a row by its handle, or use the arrows, to reorder.'}
          </p>
          <ShowcaseOrder items={order} onChange={setDraft} onRemove={toggle} disabled={!hydrated} />
        </div>
      </aside>
    </div>
  );
}
