'use client';

import { useEffect, useId, useRef, useState } from 'react';
import useSWR from 'swr';
import { DEFAULT_EMBED_OPTIONS, type EmbedOptions, embedOptionsSchema, LAYOUTS, MAX_EMBED_VIDEOS, THEMES } from '@/lib/embed/options';
import { embedPath, iframeSnippet, jsonUrl, type SnippetTarget, scriptSnippet } from '@/lib/embed/snippets';
import { paths } from '@/lib/platform/http/paths';
import { useHydrated } from '../../../_components/use-hydrated';
import { SHOWCASE_SAVED_KEY } from './showcase-saved-key';

/** "Share and embed": the public link, a live preview of the embed, and snippets to copy; `slug` names a showcase other than the default. */
export function SharePanel({ slug = null, ...target }: SnippetTarget & { slug?: string | null }) {
  const [options, setOptions] = useState<EmbedOptions>({ ...DEFAULT_EMBED_OPTIONS, showcase: slug ?? '' });
  // What the creator is typing in "Videos shown": kept as typed, applied (clamped) when they leave the field.
  const [maxText, setMaxText] = useState(String(DEFAULT_EMBED_OPTIONS.max));
  // Set by the picker after each save: a new value reloads the preview (no fetcher: cache only).
  const { data: savedAt = 0 } = useSWR<number>(SHOWCASE_SAVED_KEY, null);
  const preview = useRef<HTMLIFrameElement>(null);
  const hydrated = useHydrated();
  // The same schema the embed route applies: whatever the controls produce, the preview shows.
  const set = (patch: Record<string, unknown>) => setOptions((o) => embedOptionsSchema.parse({ ...flat(o), ...patch }));

  // The preview sizes itself like an embed on any website would, from its own resize messages.
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== window.location.origin || e.source !== preview.current?.contentWindow) return;
      if (e.data?.type === 'showreel:resize' && typeof e.data.height === 'number' && preview.current)
        preview.current.style.height = `${Math.ceil(e.data.height)}px`;
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
    };
  }, []);

  const publicLink = `${target.appUrl}${paths.publicPage(target.handle, slug)}`;
  return (
    <section className="share" aria-labelledby="share-title">
      <h2 id="share-title" className="share-heading">
        Share and embed
      </h2>
      <div className="share-layout">
        <div className="share-controls">
          <CopyRow label="Public link" text={publicLink} disabled={!hydrated} />
          <fieldset disabled={!hydrated}>
            <legend>Embed options</legend>
            <Choice label="Layout" value={options.layout} choices={LAYOUTS} onChange={(layout) => set({ layout })} />
            <Choice label="Theme" value={options.theme} choices={THEMES} onChange={(theme) => set({ theme })} />
            <label>
              Videos shown (at most)
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_EMBED_VIDEOS}
                value={maxText}
                onChange={(e) => setMaxText(e.target.value)}
                onBlur={() => {
                  const n = Math.round(Number(maxText));
                  const max = Number.isFinite(n) && maxText.trim() !== '' ? Math.min(MAX_EMBED_VIDEOS, Math.max(1, n)) : options.max;
                  setMaxText(String(max));
                  set({ max });
                }}
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={options.stats} onChange={(e) => set({ stats: e.target.checked ? '1' : '0' })} />
              Show view and like counts
            </label>
            <label className="check">
              <input type="checkbox" checked={options.title} onChange={(e) => set({ title: e.target.checked ? '1' : '0' })} />
              Show my name and avatar
            </label>
          </fieldset>
          <CopyRow label="Script for any website" text={scriptSnippet(target, options)} disabled={!hydrated} />
          <CopyRow label="Iframe" text={iframeSnippet(target, options)} disabled={!hydrated} />
          <CopyRow label="JSON API" text={jsonUrl(target, options)} disabled={!hydrated} />
        </div>
        <div className="share-preview">
          <p className="muted">Preview</p>
          <iframe
            ref={preview}
            key={`${embedPath(target.handle, options)}#${savedAt}`}
            title="Embed preview"
            src={embedPath(target.handle, options)}
            className="share-frame"
          />
        </div>
      </div>
    </section>
  );
}

function Choice({ label, value, choices, onChange }: { label: string; value: string; choices: readonly string[]; onChange: (value: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    </label>
  );
}

/** The options as the query strings the schema reads (booleans as 0/1). */
function flat(o: EmbedOptions) {
  return { ...o, stats: o.stats ? '1' : '0', title: o.title ? '1' : '0' };
}

function CopyRow({ label, text, disabled }: { label: string; text: string; disabled: boolean }) {
  // What was last copied: the button says "Copied" while the field still holds exactly that.
  const [copied, setCopied] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    if (copied === null) return;
    const t = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard API (an http origin other than localhost): copy the selected text instead.
      field.current?.select();
      document.execCommand('copy');
    }
    setCopied(text);
  };
  return (
    <div className="copy-row">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={field} readOnly value={text} rows={text.length > 80 ? 3 : 1} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={copy} disabled={disabled} aria-label={`Copy ${label}`}>
        {copied === text ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
