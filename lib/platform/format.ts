// Formatting shared by server and client components.

/** 75 → "1:15"; 3600 → "60:00" (TikTok videos are at most an hour). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const dateFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDate(iso: string | Date): string {
  return dateFormat.format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function videoLabel(v: { title: string; description: string }): string {
  return v.title || v.description.slice(0, 80) || 'Untitled video';
}

/** Text made safe inside HTML (elements and quoted attributes), for the few places that write HTML as a string. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const countFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** 1234 → "1.2K"; 2500000 → "2.5M". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}
