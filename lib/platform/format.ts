// Formatting shared by server and client components.

/** 75 → "1:15"; 3600 → "60:00" (TikTok videos are at most an hour). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A value made on first use. Intl formatters are costly to construct (a first one loads locale data:
 * tens of milliseconds on a slow phone), and a page that only imports this module for
 * formatDuration must not pay for them while it hydrates.
 */
function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

const UTC = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } as const;
const utcDate = onFirstUse(() => new Intl.DateTimeFormat('en', UTC));
const utcDateTime = onFirstUse(() => new Intl.DateTimeFormat('en', { ...UTC, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }));

/**
 * "1 Dec 2026" (with `withTime`, "1 Dec 2026, 9:05 AM UTC"). In UTC unless `local`: the browser
 * formats in the viewer's own time zone once it has hydrated (app/_components/local-date.tsx).
 */
export function formatDate(iso: string | Date, opts: { local?: boolean; withTime?: boolean } = {}): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (!opts.local) return (opts.withTime ? utcDateTime() : utcDate()).format(date);
  const { timeZone: _utc, ...local } = UTC;
  return new Intl.DateTimeFormat('en', opts.withTime ? { ...local, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' } : local).format(date);
}

export function videoLabel(v: { title: string; description: string }): string {
  return v.title || v.description.slice(0, 80) || 'Untitled video';
}

/** Text made safe inside HTML (elements and quoted attributes), for the few places that write HTML as a string. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c as keyof typeof ENTITIES]);
}

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const countFormat = onFirstUse(() => new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }));

/** 1234 → "1.2K"; 2500000 → "2.5M". */
export function formatCount(n: number): string {
  return countFormat().format(n);
}
