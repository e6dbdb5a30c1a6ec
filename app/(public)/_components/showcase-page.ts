import 'server-only';
import type { PictureProps } from '@/app/_components/picture-copy';
import { beaconScript } from '@/lib/insights/beacon';
import { formatDuration, videoLabel } from '@/lib/platform/format';
import { type Html, html, trustedHtml } from '@/lib/platform/html';
import { paths } from '@/lib/platform/http/paths';
import type { PublicShowcase } from '@/lib/showcase/public';
import { scriptSafeJson, showcaseJsonLd } from '@/lib/showcase/seo';
import { shareInfo } from '@/lib/showcase/share-metadata';
import type { PictureSources, PublicVideo } from '@/lib/showcase/types';
import { PLAYER_ALLOW, PLAYER_ERROR_TEXTS, PLAYER_READY_TIMEOUT_MS, playerUrl, watchOnTikTokUrl } from '@/lib/tiktok/player';
import { pageDocument, playerScript } from './page-document';

/** How many covers load at once (the first rows on a phone); the rest as they scroll near. */
const EAGER_COVERS = 4;
const COVER_SIZES = '(max-width: 600px) 50vw, 270px';

/** A cover or avatar from the app's own copies: every width in srcset, explicit dimensions, its colour while it loads. */
function picture(p: PictureProps): Html {
  return html`<img class="${p.className}" src="${p.copy?.src ?? p.placeholder}"${p.copy?.srcSet ? html` srcset="${p.copy.srcSet}"` : ''} sizes="${p.sizes}" alt="${p.alt}" width="${p.width}" height="${p.height}"${p.copy ? html` style="background-color:${p.copy.color}"` : ''} loading="${p.eager ? 'eager' : 'lazy'}" decoding="async">`;
}

/** Tells the browser of a picture it needs for the first screen before it reaches the markup. */
const preload = (copy: PictureSources | null, sizes: string) =>
  copy?.srcSet ? html`<link rel="preload" as="image" imagesrcset="${copy.srcSet}" imagesizes="${sizes}">` : '';

/**
 * One card: its play button (named by its visible text: "Play", the title, the duration; data-play
 * and the player's addresses for ./player.js) and the creator's call to action outside it (a link
 * inside a button is not allowed), in a new tab, marked as the creator's (ugc).
 */
function card(item: PublicVideo, eager: boolean): Html {
  const label = videoLabel(item);
  const sep = html`<span class="visually-hidden">, </span>`;
  return html`<li class="card"><button type="button" class="play" data-play="${item.videoId}" data-src="${playerUrl(item.videoId, { autoplay: true })}" data-watch="${watchOnTikTokUrl(item.videoId, item.shareUrl)}">${picture({ copy: item.cover, placeholder: paths.coverPlaceholder, className: 'cover', alt: '', width: 270, height: 480, sizes: COVER_SIZES, eager })}<span class="play-badge"><span aria-hidden="true">▶ </span>Play </span><span class="meta"><span class="title">${label}</span><span class="sub">${
    // A video added by link has no duration (TikTok's oEmbed does not say): none is shown.
    item.durationSeconds > 0 && html`${sep}${formatDuration(item.durationSeconds)}`
  }${item.aiGenerated && html`${sep}<span class="ai-label">AI-generated</span>`}</span></span></button>${
    item.link &&
    html`<a class="cta" href="${item.link.url}" target="_blank" rel="nofollow ugc noopener" data-showreel-link="${item.videoId}">${item.link.label}<span class="visually-hidden"> (opens in a new tab)</span></a>`
  }</li>`;
}

/**
 * The grid and TikTok's player, which ./player.js opens on a click of a play button (no request to
 * TikTok before a visitor asks). The dialog's parts wait in a template for the script to fill in.
 */
function grid(items: PublicVideo[]): Html {
  return html`<ul class="grid showcase-grid" aria-label="Showcase videos">${items.map((item, i) => card(item, i < EAGER_COVERS))}</ul>
<dialog class="player" aria-labelledby="player-title" data-ready-timeout="${PLAYER_READY_TIMEOUT_MS}" data-errors="${JSON.stringify(PLAYER_ERROR_TEXTS)}"></dialog>
<template id="player-parts"><header><h2 id="player-title"></h2><a class="open-in-tiktok" target="_blank" rel="noopener noreferrer">Open in TikTok</a><button type="button" class="icon-button" aria-label="Close player" autofocus>✕</button></header><p class="player-note" role="status"></p><iframe class="frame" allow="${PLAYER_ALLOW}" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe><div class="player-fallback frame" role="alert"><p class="player-fallback-title">TikTok's player could not load</p><p class="player-fallback-text">Your network may be blocking TikTok, or the video is no longer there.</p><a class="button button-primary" target="_blank" rel="noopener noreferrer">Watch on TikTok</a></div></template>
<script src="/player.js?v=${playerScript.version}" defer></script>`;
}

/** The showcase's structured data for search engines (lib/showcase/seo.ts), escaped for a script element. */
export function jsonLdScript(showcase: PublicShowcase): Html {
  // scriptSafeJson escapes < > & so nothing in it can close the element.
  return html`<script type="application/ld+json">${trustedHtml(scriptSafeJson(showcaseJsonLd(showcase)))}</script>`;
}

/** The tags a link to the page shows when shared, its address for search engines, oEmbed discovery. */
function headTags(showcase: PublicShowcase, { title, description, url, image, oembedUrl }: ReturnType<typeof shareInfo>): Html {
  return html`<meta name="description" content="${description}"><link rel="canonical" href="${url}"><link rel="alternate" type="application/json+oembed" href="${oembedUrl}" title="${title}">
<meta property="og:title" content="${title}"><meta property="og:description" content="${description}"><meta property="og:url" content="${url}"><meta property="og:site_name" content="Showreel"><meta property="og:image" content="${image.url}"><meta property="og:image:width" content="${image.width}"><meta property="og:image:height" content="${image.height}"><meta property="og:image:alt" content="${image.alt}"><meta property="og:type" content="profile">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:title" content="${title}"><meta name="twitter:description" content="${description}"><meta name="twitter:image" content="${image.url}">
${preload(showcase.user.avatar, '96px')}${showcase.items.slice(0, EAGER_COVERS).map((item) => preload(item.cover, COVER_SIZES))}`;
}

/** A showcase's public page: the creator, the showcase (when not the default), its videos, the others. */
export function showcasePage(showcase: PublicShowcase): string {
  const { user, items, others } = showcase;
  const about = !showcase.showcase.isDefault || showcase.showcase.description;
  const main = html`<main class="container">${jsonLdScript(showcase)}
<header class="showcase-head">${picture({ copy: user.avatar, placeholder: paths.avatarPlaceholder, className: 'avatar avatar-large', alt: `${user.displayName}'s avatar`, width: 96, height: 96, sizes: '96px', eager: true })}<h1>${user.displayName}</h1>${
    user.username && html`<p class="muted" style="margin:0">@${user.username} on TikTok</p>`
  }</header>
${
  about &&
  html`<section class="showcase-intro" aria-label="About this showcase">${!showcase.showcase.isDefault && html`<h2>${showcase.showcase.title}</h2>`}${
    showcase.showcase.description && html`<p>${showcase.showcase.description}</p>`
  }</section>`
}
${items.length === 0 ? html`<p class="muted" style="text-align:center">No videos here yet. Check back soon.</p>` : grid(items)}
${
  others.length > 0 &&
  html`<nav class="other-showcases" aria-labelledby="other-showcases"><h2 id="other-showcases">More from ${user.displayName}</h2><ul>${others.map(
    (o) => html`<li><a href="${o.path}">${o.title}</a></li>`,
  )}</ul></nav>`
}
<script src="/count.js?v=${beaconScript.version}" data-showcase="${showcase.showcase.id}" defer></script></main>`;
  const share = shareInfo(showcase);
  // The document's title is the showcase's, with the site's name after it (as every page's).
  return pageDocument({ title: share.title, head: headTags(showcase, share), main });
}
