import 'server-only';
import { escapeHtml } from '../format';

/**
 * A small, friendly HTML page for browser routes that are route handlers (OAuth callbacks), so
 * a person who lands on an error sees words and a way forward, never JSON or a stack trace.
 */
export function errorPage(status: number, title: string, message: string, action: { href: string; label: string } = { href: '/', label: 'Back to Showreel' }) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Showreel</title><meta name="robots" content="noindex">
<style>body{margin:0;min-height:100vh;display:grid;place-items:center;font-family:system-ui,-apple-system,sans-serif;background:#0f0f12;color:#f4f4f6}
main{max-width:30rem;padding:2rem;text-align:center}h1{font-size:1.6rem;margin:0 0 .75rem}p{color:#c2c2c8;line-height:1.55}
a{display:inline-block;margin-top:1rem;padding:.75rem 1.4rem;border-radius:999px;background:#d90f3b;color:#fff;text-decoration:none;font-weight:700}</style></head>
<body><main role="main"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><a href="${escapeHtml(action.href)}">${escapeHtml(action.label)}</a></main></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
