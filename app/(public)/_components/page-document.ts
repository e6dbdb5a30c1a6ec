import 'server-only';
import { createHash } from 'node:crypto';
import { type Html, html, trustedHtml } from '@/lib/platform/html';
import { servedFile } from '@/lib/platform/http/served-file';

// The public page is a plain HTML document written by a route handler, not a React page: a visitor's
// phone downloads and runs no framework (the App Router hydrates every page it renders, and on a
// phone that work alone kept Lighthouse below 100, docs/benchmark.md). Its one script is the
// player's (./player.js), beside the counting script every public surface has.

// The app's stylesheet, inline (no render-blocking request on the first view). Comments and
// indentation go; nothing in it depends on them (it has no quoted strings).
const stylesheet = servedFile('app/globals.css')
  .source.replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\n\s*/g, '\n')
  .trim();

/** The player's script, at a URL that names its content (app/player.js/route.ts). */
export const playerScript = servedFile('app/(public)/_components/player.js');

/** A public page: the app's head and header around `main`; `head` adds the page's own tags. */
export function pageDocument({ title, head, main }: { title: string; head?: Html; main: Html }): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="theme-color" content="#0f0f12">
<title>${title} · Showreel</title>${head}<link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any">
<style>${trustedHtml(stylesheet)}</style></head>
<body><header class="site-header"><a class="brand" href="/">Show<span>reel</span></a><a class="button button-ghost" href="/">Make your own</a></header>
${main}</body></html>`.value;
}

/**
 * An HTML answer of a public page; `status` other than 200 is never kept by a cache. Its ETag is its
 * own (Next gives one only to the pages it renders); `npm start`'s server answers a matching
 * revalidation 304 and compresses it (lib/platform/http/compress-html.mjs).
 */
export function htmlResponse(body: string, status = 200): Response {
  const bytes = Buffer.from(body);
  return new Response(bytes, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      ETag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
      ...(status === 200 ? {} : { 'Cache-Control': 'no-store' }),
    },
  });
}

/** A page of words and a way on (an unknown showcase, one that could not load). */
export function messagePage(status: number, title: string, message: string): Response {
  const main = html`<main class="container" style="text-align:center;padding-top:4rem"><h1>${title}</h1><p class="muted">${message}</p><a class="button button-primary" href="/">Go to Showreel</a></main>`;
  return htmlResponse(pageDocument({ title, head: html`<meta name="robots" content="noindex">`, main }), status);
}
