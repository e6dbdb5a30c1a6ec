'use client';

import { type FormEvent, useRef, useState } from 'react';
import { videoLabel } from '@/lib/platform/format';
import type { VideoCard } from '@/lib/videos/types';
import { ApiError, apiFetch, FALLBACK_MESSAGE } from '../../../_components/api-fetch';
import { useHydrated } from '../../../_components/use-hydrated';

type Status = { kind: 'idle' | 'adding' | 'ok' | 'error'; text: string };

/**
 * "Add by link", for a creator who did not grant video.list: paste one of your TikTok links, the
 * server checks through TikTok's public oEmbed that it is yours (POST /api/videos/by-link), and the
 * video joins the picker, ticked. The server's words say why a link was refused.
 */
export function AddByLink({ onAdded, savePrompt = 'Save your showcase to publish it.' }: { onAdded: (video: VideoCard) => void; savePrompt?: string }) {
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const input = useRef<HTMLInputElement>(null);
  const hydrated = useHydrated();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!url.trim()) {
      setStatus({ kind: 'error', text: 'Paste the link of one of your TikTok videos first.' });
      input.current?.focus();
      return;
    }
    setStatus({ kind: 'adding', text: 'Checking the link with TikTok…' });
    try {
      const { video } = await apiFetch<{ video: VideoCard }>('/api/videos/by-link', { method: 'POST', json: { url } });
      onAdded(video);
      setUrl('');
      setStatus({ kind: 'ok', text: `Added “${videoLabel(video)}”. ${savePrompt}` });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof ApiError ? error.message : FALLBACK_MESSAGE });
      input.current?.focus();
    }
  };

  return (
    <form className="panel add-by-link" onSubmit={submit} aria-labelledby="add-by-link-title" noValidate>
      <h2 id="add-by-link-title" className="add-by-link-heading">
        Add by link
      </h2>
      <p className="muted">On TikTok, open one of your videos, tap Share, then Copy link, and paste it here.</p>
      <div className="add-by-link-row">
        <label htmlFor="add-by-link-url">TikTok video link</label>
        <input
          ref={input}
          id="add-by-link-url"
          name="url"
          type="text"
          inputMode="url"
          autoComplete="off"
          placeholder="https://www.tiktok.com/@you/video/…"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-describedby="add-by-link-status"
          aria-invalid={status.kind === 'error'}
        />
        <button type="submit" className="primary" disabled={!hydrated || status.kind === 'adding'}>
          Add
        </button>
      </div>
      <p id="add-by-link-status" className={`status-line ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
        {status.text}
      </p>
    </form>
  );
}
