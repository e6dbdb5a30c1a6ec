'use client';

import { formatDuration, videoLabel } from '@/lib/platform/format';
import type { VideoCard } from '@/lib/videos/types';
import { LocalDate } from '../../../_components/local-date';

/** What the grid is called, and says when it is empty or fully loaded (the recent videos unless told). */
export type GridLabels = { title: string; empty: string; end: string };

const RECENT: GridLabels = { title: 'Recent videos', empty: "You haven't posted any public videos yet.", end: "That's all your videos." };

type Props = {
  labels?: GridLabels;
  videos: VideoCard[];
  selected: string[];
  onToggle: (id: string) => void;
  disabled: boolean;
  loadMore: { hasMore: boolean; loading: boolean; error: string | null; next: () => void };
};

/** The creator's recent TikToks, each a checkbox named by its title. */
export function RecentGrid({ labels = RECENT, videos, selected, onToggle, disabled, loadMore }: Props) {
  return (
    <section aria-labelledby="recent-title">
      <div className="section-title">
        <h2 id="recent-title">{labels.title}</h2>
        <span className="muted">{videos.length} loaded · tick to add to your showcase</span>
      </div>
      {videos.length === 0 ? (
        <p className="muted">{labels.empty}</p>
      ) : (
        <ul className="grid" aria-label={labels.title}>
          {videos.map((v, i) => {
            const isSelected = selected.includes(v.id);
            const label = videoLabel(v);
            return (
              <li key={v.id} className={`card${isSelected ? ' selected' : ''}`}>
                <label className="cover-label">
                  <input type="checkbox" className="pick" checked={isSelected} onChange={() => onToggle(v.id)} aria-label={label} disabled={disabled} />
                  {/* biome-ignore lint/performance/noImgElement: signed TikTok URLs expire; next/image's optimizing cache would keep serving them after they have */}
                  <img className="cover" src={v.coverUrl} alt="" width={270} height={480} loading={i < 8 ? 'eager' : 'lazy'} decoding="async" />
                  {v.durationSeconds > 0 && (
                    <>
                      <span className="visually-hidden">Duration </span>
                      <span className="duration">{formatDuration(v.durationSeconds)}</span>
                    </>
                  )}
                  <span className="meta">
                    <span className="title">{label}</span>
                    <span className="sub">
                      <LocalDate iso={v.createdAt} />
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <div style={{ display: 'flex', justifyContent: 'center', margin: '1.5rem 0' }}>
        {loadMore.error ? (
          <p role="alert" className="status-line error">
            {loadMore.error}
          </p>
        ) : loadMore.hasMore ? (
          <button type="button" onClick={loadMore.next} disabled={loadMore.loading || disabled}>
            {loadMore.loading ? 'Loading…' : 'Load more'}
          </button>
        ) : (
          <p className="muted">{labels.end}</p>
        )}
      </div>
    </section>
  );
}
