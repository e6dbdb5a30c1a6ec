'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import useSWR from 'swr';
import { ruleSchema, titleSchema } from '@/lib/showcase/schema';
import { ApiError, FALLBACK_MESSAGE } from '../../../_components/api-fetch';
import { useHydrated } from '../../../_components/use-hydrated';
import { createShowcase, getShowcases, patchShowcase, refreshNow, SHOWCASES_KEY, type ShowcaseDto } from './showcases-api';

type Props = { initial: ShowcaseDto[] };
type Status = { kind: 'idle' | 'busy' | 'ok' | 'error'; text: string };

const STARTS: Record<string, { label: string; rule: unknown }> = {
  manual: { label: 'My picks, in my order', rule: { kind: 'manual' } },
  latest: { label: 'My newest videos', rule: { kind: 'latest', count: 6 } },
  top: { label: 'My most viewed videos', rule: { kind: 'top', count: 6, by: 'views' } },
  hashtag: { label: 'Videos with a hashtag', rule: { kind: 'hashtag', count: 6, tag: 'showreel' } },
};

/**
 * "Showcases": each with its state, reorder, edit; a new one; Refresh now. Read again on mount: an
 * editor may have changed one since SWR last kept the list.
 */
export function ShowcaseList({ initial }: Props) {
  const { data, mutate } = useSWR(SHOWCASES_KEY, getShowcases, { fallbackData: { showcases: initial }, revalidateOnFocus: false });
  const showcases = data?.showcases ?? initial;
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('latest');
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const statusRef = useRef<HTMLParagraphElement>(null);
  const router = useRouter();
  const hydrated = useHydrated();
  const busy = status.kind === 'busy' || !hydrated;

  const say = (next: Status) => {
    setStatus(next);
    if (next.kind !== 'busy') statusRef.current?.focus();
  };
  const failed = (e: unknown, what: string) => say({ kind: 'error', text: `${what}: ${e instanceof ApiError ? e.message : FALLBACK_MESSAGE}` });

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    const t = titleSchema.safeParse(title);
    if (!t.success) return say({ kind: 'error', text: `Title ${t.error.issues[0].message}.` });
    say({ kind: 'busy', text: 'Creating…' });
    try {
      const { showcase } = await createShowcase({ title: t.data, rule: ruleSchema.parse(STARTS[start].rule) });
      await mutate();
      router.push(`/dashboard/showcases/${encodeURIComponent(showcase.id)}`);
    } catch (err) {
      failed(err, "Couldn't create the showcase");
    }
  };

  const move = async (s: ShowcaseDto, by: -1 | 1) => {
    const index = showcases.findIndex((x) => x.id === s.id);
    say({ kind: 'busy', text: 'Moving…' });
    try {
      await patchShowcase(s.id, { position: index + by });
      await mutate();
      say({ kind: 'ok', text: `Moved “${s.title}” ${by < 0 ? 'up' : 'down'}.` });
    } catch (err) {
      failed(err, "Couldn't move it");
    }
  };

  const refresh = async () => {
    say({ kind: 'busy', text: 'Refreshing from TikTok…' });
    try {
      const next = await refreshNow();
      await mutate({ showcases: next.showcases }, { revalidate: false });
      say({
        kind: 'ok',
        text: next.refreshed ? 'Refreshed: your showcases follow your newest videos.' : 'A refresh is already running; it will finish shortly.',
      });
    } catch (err) {
      failed(err, "Couldn't refresh");
    }
  };

  return (
    <section className="panel showcases" aria-labelledby="showcases-title">
      <div className="section-title">
        <h2 id="showcases-title">Showcases</h2>
        <button type="button" className="ghost" onClick={refresh} disabled={busy}>
          Refresh now
        </button>
      </div>
      <ol className="showcase-rows">
        {showcases.map((s, i) => (
          <li key={s.id} className="showcase-row">
            <div className="showcase-row-text">
              <strong>{s.title}</strong>
              <span className="muted">
                {s.isDefault ? 'Default · ' : ''}
                {s.published ? 'Live' : 'Not published'} · {s.ruleSummary}
              </span>
            </div>
            <div className="showcase-row-actions">
              <button type="button" className="icon-button" onClick={() => move(s, -1)} disabled={busy || i === 0} aria-label={`Move ${s.title} up`}>
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                onClick={() => move(s, 1)}
                disabled={busy || i === showcases.length - 1}
                aria-label={`Move ${s.title} down`}
              >
                ↓
              </button>
              <Link className="button button-ghost" href={`/dashboard/showcases/${encodeURIComponent(s.id)}`} aria-label={`Edit ${s.title}`}>
                Edit
              </Link>
            </div>
          </li>
        ))}
      </ol>
      <form className="showcase-new" onSubmit={create}>
        <label>
          New showcase title
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={80} required placeholder="e.g. New this week" />
        </label>
        <label>
          Starts with
          <select value={start} onChange={(e) => setStart(e.target.value)}>
            {Object.entries(STARTS).map(([k, v]) => (
              <option key={k} value={k}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Create showcase
        </button>
      </form>
      <p ref={statusRef} tabIndex={-1} className={`status-line ${status.kind}`} role="status" aria-live="polite">
        {status.text}
      </p>
    </section>
  );
}
