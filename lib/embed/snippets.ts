import { paths } from '../platform/http/paths';
import { PLAYER_ALLOW } from '../tiktok/player';
import { DEFAULT_EMBED_OPTIONS, type EmbedOptions, embedQuery } from './options';

// What the dashboard hands a creator to paste elsewhere; safe for client components.

export type SnippetTarget = { appUrl: string; handle: string; scriptVersion: string };

export function embedPath(handle: string, o: EmbedOptions): string {
  return `${paths.embed(handle)}${embedQuery(o)}`;
}

export function scriptSnippet({ appUrl, handle, scriptVersion }: SnippetTarget, o: EmbedOptions): string {
  const attrs = [
    o.showcase && ` data-showcase="${o.showcase}"`,
    o.layout !== DEFAULT_EMBED_OPTIONS.layout && ` data-layout="${o.layout}"`,
    o.theme !== DEFAULT_EMBED_OPTIONS.theme && ` data-theme="${o.theme}"`,
    o.max !== DEFAULT_EMBED_OPTIONS.max && ` data-max="${o.max}"`,
    o.stats && ' data-stats="1"',
    !o.title && ' data-title="0"',
  ]
    .filter(Boolean)
    .join('');
  return `<script src="${appUrl}${paths.embedScript(scriptVersion)}" data-showreel="${handle}"${attrs} async></script>`;
}

export function iframeSnippet({ appUrl, handle }: SnippetTarget, o: EmbedOptions): string {
  return `<iframe src="${appUrl}${embedPath(handle, o)}" title="Showreel: ${handle}${o.showcase ? ` (${o.showcase})` : ''}" width="100%" height="640" style="border:0" loading="lazy" allow="${PLAYER_ALLOW}" allowfullscreen></iframe>`;
}

export function jsonUrl({ appUrl, handle }: SnippetTarget, o: EmbedOptions): string {
  return `${appUrl}${paths.publicJson(handle, o.showcase || null)}${o.stats ? '?stats=1' : ''}`;
}
