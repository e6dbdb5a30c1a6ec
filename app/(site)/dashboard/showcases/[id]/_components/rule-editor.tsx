'use client';

import { useEffect, useId, useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { videoLabel } from '@/lib/platform/format';
import type { PreviewVideo } from '@/lib/showcase/preview';
import { describeRule } from '@/lib/showcase/rules';
import { type Rule, ruleSchema } from '@/lib/showcase/schema';
import { apiFetch } from '../../../../../_components/api-fetch';
import { useHydrated } from '../../../../../_components/use-hydrated';
import { SHOWCASE_SAVED_KEY } from '../../../_components/showcase-saved-key';
import { patchShowcase, SHOWCASES_KEY } from '../../../_components/showcases-api';
import { useStatus } from './status-line';
import type { useShowcase } from './use-showcase';

type Props = { swr: ReturnType<typeof useShowcase> };
type Draft = { kind: Rule['kind']; count: string; by: 'views' | 'likes'; tag: string; excludeAiGenerated: boolean };

const KINDS: Array<[Rule['kind'], string]> = [
  ['manual', 'My picks, in my order'],
  ['latest', 'My newest videos'],
  ['top', 'My most viewed or liked recent videos'],
  ['hashtag', 'My newest videos with a hashtag'],
];

const draftOf = (r: Rule): Draft => ({
  kind: r.kind,
  count: 'count' in r ? String(r.count) : '6',
  by: r.kind === 'top' ? r.by : 'views',
  tag: r.kind === 'hashtag' ? r.tag : '',
  excludeAiGenerated: r.excludeAiGenerated,
});

const toInput = (d: Draft) => ({ kind: d.kind, count: Number(d.count), by: d.by, tag: d.tag, excludeAiGenerated: d.excludeAiGenerated });

/** A debounced copy of `value`: the preview asks the server once typing pauses. */
function useSettled<T>(value: T, ms = 350): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** The rule picker, with a live preview of what the rule picks right now (the sync's own function). */
export function RuleEditor({ swr }: Props) {
  const detail = swr.data;
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail?.showcase.rule ?? { kind: 'manual', excludeAiGenerated: false }));
  const { run, say, line, busy } = useStatus();
  const { mutate } = useSWRConfig();
  const hydrated = useHydrated();
  const ids = { kind: useId(), count: useId(), by: useId(), tag: useId() };
  const parsed = ruleSchema.safeParse(toInput(draft));
  const pinned = (detail?.items ?? []).filter((i) => i.pinned).map((i) => i.videoId);
  const settled = useSettled(parsed.success && parsed.data.kind !== 'manual' ? JSON.stringify({ rule: parsed.data, pinned }) : null);
  const preview = useSWR<{ items: PreviewVideo[] }>(settled ? ['/api/showcases/preview', settled] : null, ([url, body]: [string, string]) =>
    apiFetch(url, { method: 'POST', json: JSON.parse(body) }),
  );
  if (!detail) return null;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const saved = JSON.stringify(detail.showcase.rule) === (parsed.success ? JSON.stringify(parsed.data) : '');

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return say({ kind: 'error', text: `${issue.path.join('.') || 'rule'}: ${issue.message}.` });
    }
    await run(
      'Saving the rule…',
      async () => {
        await patchShowcase(detail.showcase.id, { rule: parsed.data });
        await Promise.all([swr.mutate(), mutate(SHOWCASES_KEY)]);
        // The Share panel's embed preview shows the new picks.
        void mutate(SHOWCASE_SAVED_KEY, Date.now(), { revalidate: false });
        return `Rule saved: ${describeRule(parsed.data)}.`;
      },
      "Couldn't save the rule",
    );
  };

  return (
    <form className="panel rule-editor" onSubmit={save} aria-labelledby="rule-title">
      <h2 id="rule-title">What it shows</h2>
      <div className="rule-fields">
        <label htmlFor={ids.kind}>Rule</label>
        <select id={ids.kind} value={draft.kind} onChange={(e) => set({ kind: e.target.value as Rule['kind'] })}>
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        {draft.kind !== 'manual' && (
          <>
            <label htmlFor={ids.count}>How many (1 to 50)</label>
            <input id={ids.count} type="number" inputMode="numeric" min={1} max={50} value={draft.count} onChange={(e) => set({ count: e.target.value })} />
          </>
        )}
        {draft.kind === 'top' && (
          <>
            <label htmlFor={ids.by}>Ranked by</label>
            <select id={ids.by} value={draft.by} onChange={(e) => set({ by: e.target.value as Draft['by'] })}>
              <option value="views">Views</option>
              <option value="likes">Likes</option>
            </select>
          </>
        )}
        {draft.kind === 'hashtag' && (
          <>
            <label htmlFor={ids.tag}>Hashtag</label>
            <input id={ids.tag} value={draft.tag} onChange={(e) => set({ tag: e.target.value })} placeholder="#recipes" maxLength={101} />
          </>
        )}
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.excludeAiGenerated} onChange={(e) => set({ excludeAiGenerated: e.target.checked })} />
        Leave out videos TikTok marks as AI-generated
      </label>
      <p className="muted">
        {draft.kind === 'manual'
          ? 'You choose the videos and their order below.'
          : 'Pinned videos come first, in your order; then the rule’s picks from your 100 newest videos, updated at every sync.'}
      </p>
      {draft.kind !== 'manual' && (
        <section className="rule-preview" aria-labelledby="preview-title" aria-busy={preview.isLoading}>
          <h3 id="preview-title">Right now this rule picks</h3>
          {!parsed.success ? (
            <p className="muted">{`${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}.`}</p>
          ) : preview.error ? (
            <p className="status-line error">{(preview.error as Error).message}</p>
          ) : !preview.data ? (
            <p className="muted">Looking at your newest videos…</p>
          ) : preview.data.items.length === 0 ? (
            <p className="muted">No video matches this rule yet.</p>
          ) : (
            <ol className="preview-list">
              {preview.data.items.map((v) => (
                <li key={v.videoId}>
                  {/* biome-ignore lint/performance/noImgElement: the creator's own signed TikTok cover, shown only on their dashboard */}
                  <img src={v.coverUrl} alt="" width={36} height={64} loading="lazy" />
                  <span>{videoLabel(v)}</span>
                  {v.aiGenerated && <span className="ai-label">AI-generated</span>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <button type="submit" className="primary" disabled={busy || !hydrated || saved}>
        Save rule
      </button>
      {line}
    </form>
  );
}
