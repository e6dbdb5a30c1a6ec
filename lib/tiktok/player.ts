// TikTok's embedded player (TikTok for Developers, "Embed Player"): its URL and postMessage protocol.
// Shared by the showcase modal and the full-screen /watch page; safe for client components.

export const TIKTOK_ORIGIN = 'https://www.tiktok.com';

/** What a frame of TikTok's player must be allowed (lib/embed/widget.js, served as it is, repeats it). */
export const PLAYER_ALLOW = 'autoplay; fullscreen; encrypted-media; picture-in-picture';

/** The player's address for a video, without options: what the public JSON API hands out. */
export function playerEmbedUrl(videoId: string): string {
  return `${TIKTOK_ORIGIN}/player/v1/${encodeURIComponent(videoId)}`;
}

export function playerUrl(videoId: string, opts: { autoplay?: boolean } = {}): string {
  const params = new URLSearchParams({
    autoplay: opts.autoplay ? '1' : '0',
    controls: '1',
    description: '1',
    music_info: '1',
    rel: '0',
    native_context_menu: '0',
  });
  return `${playerEmbedUrl(videoId)}?${params}`;
}

/** How long the player may take to say it is ready before the visitor is offered TikTok itself. */
export const PLAYER_READY_TIMEOUT_MS = 8_000;

const TIKTOK_LINK_HOSTS = new Set(['www.tiktok.com', 'm.tiktok.com', 'vm.tiktok.com', 'vt.tiktok.com']);

/**
 * Where "Watch on TikTok" goes: the video's share URL when it is an https link on TikTok's own
 * site (anything else TikTok's API returned is not followed), else TikTok's player page for it.
 */
export function watchOnTikTokUrl(videoId: string, shareUrl: string | null | undefined): string {
  try {
    const url = new URL(shareUrl ?? '');
    if (url.protocol === 'https:' && TIKTOK_LINK_HOSTS.has(url.hostname) && !url.username && !url.password) return url.toString();
  } catch {
    // not a URL: TikTok's own player page below
  }
  return playerEmbedUrl(videoId);
}

export type PlayerEvent =
  | { type: 'onPlayerReady' }
  | { type: 'onStateChange'; value: number }
  | { type: 'onPlayerError'; value: number }
  | { type: string; value?: unknown };

/** A message from TikTok's player, or null for anything else (wrong origin, foreign shape). */
export function readPlayerMessage(event: MessageEvent): PlayerEvent | null {
  if (event.origin !== TIKTOK_ORIGIN) return null;
  let data: unknown = event.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (!data || typeof data !== 'object' || (data as Record<string, unknown>)['x-tiktok-player'] !== true) return null;
  const type = (data as { type?: unknown }).type;
  return typeof type === 'string' ? ({ type, value: (data as { value?: unknown }).value } as PlayerEvent) : null;
}

/** What a visitor is told of the player's error codes; `default` for any other. */
export const PLAYER_ERROR_TEXTS = {
  1001: 'This video is no longer available on TikTok. It may have been removed or made private.',
  2001: "TikTok's player had a server problem. Please try again in a moment.",
  3002: 'Tap play to start the video.',
  default: "This video can't be played right now.",
} as const;

export function playerErrorText(code: unknown): string {
  return code === 1001 || code === 2001 || code === 3002 ? PLAYER_ERROR_TEXTS[code] : PLAYER_ERROR_TEXTS.default;
}
