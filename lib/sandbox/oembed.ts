import 'server-only';
import { randomBytes } from 'node:crypto';
import { account, findVideo, visibleVideos } from './accounts';
import { signedCdnUrl } from './cdn';
import { creator } from './creators';
import type { SandboxReply } from './model';
import { enter } from './settings';
import * as store from './store';

// TikTok's public oEmbed and its short links, for the sandbox's own videos. TikTok's oEmbed needs no
// token: anyone may ask about any public video page.

const VIDEO_PAGE = /^https:\/\/(?:www\.|m\.)?tiktok\.com\/@[A-Za-z0-9._-]{1,64}\/video\/(\d{1,25})\/?$/;
const MOBILE_PAGE = /^https:\/\/m\.tiktok\.com\/v\/(\d{1,25})(?:\.html)?\/?$/;

/** TikTok's answer for a URL it has no public video at (an unknown, private or deleted one). */
const unknownVideo = (): SandboxReply => ({ status: 400, body: { code: 400, message: 'Something went wrong', data: {} } });

/** `GET /oembed?url=…` as TikTok answers it: the video's title, author and a signed thumbnail URL. */
export async function oembed(rawUrl: string | null): Promise<SandboxReply> {
  const fail = await enter('oembed', 'api');
  if (fail) return fail;
  let url = rawUrl ?? '';
  try {
    const parsed = new URL(url);
    url = `${parsed.origin}${parsed.pathname}`;
  } catch {
    return unknownVideo();
  }
  const id = url.match(VIDEO_PAGE)?.[1] ?? url.match(MOBILE_PAGE)?.[1];
  const video = id ? findVideo(id) : null;
  const owner = video ? account(video.openId) : null;
  // As on TikTok, the @name in the address does not matter: the video's own author is answered.
  if (!video || !owner || !visibleVideos(video.openId).some((v) => v.id === video.id)) return unknownVideo();
  const who = creator(owner.username);
  const page = `https://www.tiktok.com/@${who.username}/video/${video.id}`;
  return {
    status: 200,
    body: {
      version: '1.0',
      type: 'video',
      title: video.title,
      author_url: `https://www.tiktok.com/@${who.username}`,
      author_name: who.displayName,
      width: '100%',
      height: '100%',
      html: `<blockquote class="tiktok-embed" cite="${page}" data-video-id="${video.id}" style="max-width: 605px;min-width: 325px;"><section><a target="_blank" title="@${who.username}" href="https://www.tiktok.com/@${who.username}">@${who.username}</a></section></blockquote> <script async src="https://www.tiktok.com/embed.js"></script>`,
      thumbnail_width: 576,
      thumbnail_height: 1024,
      thumbnail_url: signedCdnUrl('cover', video.id),
      provider_url: 'https://www.tiktok.com',
      provider_name: 'TikTok',
      author_unique_id: who.username,
      embed_product_id: video.id,
      embed_type: 'video',
    },
  };
}

/** A short link (`https://vm.tiktok.com/{code}/`) that redirects to `target`, as TikTok's Share button makes them. */
export function createShortLink(target: string): { code: string; url: string } {
  const code = `ZS${randomBytes(6).toString('base64url')}`;
  store.put('short', code, { target });
  return { code, url: `https://vm.tiktok.com/${code}/` };
}

/** Where a short link leads, or null for a code TikTok never gave out. */
export function shortLinkTarget(code: string): string | null {
  return store.get<{ target: string }>('short', code)?.target ?? null;
}
