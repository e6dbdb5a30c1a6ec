import 'server-only';
import type { z } from 'zod';
import { env } from '../platform/config/env';
import { isTikTokShareUrl } from './cdn';
import { TikTokError } from './errors';
import * as wire from './schemas';
import { formatScopes, parseScopes, requestedScopes, SCOPES } from './scopes';
import { apiCall, oauthCall, publicGet } from './transport';
import type { QrCheck, TikTokOEmbed, TikTokProfile, TikTokVideo, TokenSet, VideoPage } from './types';

// The typed TikTok client: the only code that knows TikTok's URLs, fields and error shapes.

/** The video fields the app asks for: all TikTok documents but the embed HTML and two counts it never shows. */
const UNUSED_VIDEO_FIELDS: readonly string[] = ['embed_html', 'embed_link', 'width', 'height', 'comment_count', 'share_count'];
export const VIDEO_FIELDS = wire.TIKTOK_VIDEO_FIELDS.filter((f) => !UNUSED_VIDEO_FIELDS.includes(f));

const FIELDS_BY_SCOPE: Record<string, string[]> = {
  [SCOPES.basic]: ['open_id', 'union_id', 'avatar_url', 'display_name'],
  [SCOPES.profile]: ['username'],
};

const SIGNED_URL_TTL_FALLBACK_MS = 6 * 3600_000;

function toTokenSet(t: z.infer<typeof wire.tokenSuccess>, now = Date.now()): TokenSet {
  return {
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    openId: t.open_id,
    scopes: parseScopes(t.scope),
    accessExpiresAt: new Date(now + t.expires_in * 1000),
    refreshExpiresAt: new Date(now + t.refresh_expires_in * 1000),
  };
}

export async function exchangeCode(input: { code: string; redirectUri: string; codeVerifier?: string }): Promise<TokenSet> {
  const e = env();
  const form: Record<string, string> = {
    client_key: e.clientKey,
    client_secret: e.clientSecret,
    code: input.code,
    grant_type: 'authorization_code',
    redirect_uri: input.redirectUri,
  };
  if (input.codeVerifier) form.code_verifier = input.codeVerifier;
  return toTokenSet(await oauthCall('oauth.token', '/v2/oauth/token/', form, wire.tokenSuccess));
}

export async function refreshToken(refresh: string): Promise<TokenSet> {
  const e = env();
  const form = { client_key: e.clientKey, client_secret: e.clientSecret, grant_type: 'refresh_token', refresh_token: refresh };
  return toTokenSet(await oauthCall('oauth.refresh', '/v2/oauth/token/', form, wire.tokenSuccess));
}

export async function revokeToken(accessToken: string): Promise<void> {
  const e = env();
  await oauthCall(
    'oauth.revoke',
    '/v2/oauth/revoke/',
    { client_key: e.clientKey, client_secret: e.clientSecret, token: accessToken },
    wire.tokenError.partial(),
  );
}

/** The user/info fields the granted scopes allow; asking for more fails at TikTok. */
export function userFieldsFor(scopes: string[]): string[] {
  return scopes.flatMap((s) => FIELDS_BY_SCOPE[s] ?? []);
}

export async function getUserInfo(accessToken: string, scopes: string[]): Promise<TikTokProfile> {
  const fields = userFieldsFor(scopes);
  if (fields.length === 0) throw new TikTokError('scope', 'scope_not_authorized', 'user.info.basic was not granted');
  const { user } = await apiCall('user.info', `/v2/user/info/?fields=${fields.join(',')}`, accessToken, { method: 'GET' }, wire.userData);
  return {
    openId: user.open_id,
    unionId: user.union_id ?? null,
    displayName: user.display_name || user.username || 'TikTok creator',
    avatarUrl: user.avatar_url ?? null,
    username: user.username || null,
  };
}

/** The expiry a signed TikTok CDN URL (cover, avatar) carries in its x-expires parameter (epoch seconds). */
export function signedUrlExpiry(url: string, now = Date.now()): Date {
  try {
    const value = Number(new URL(url).searchParams.get('x-expires'));
    if (Number.isFinite(value) && value > 0) return new Date(value * 1000);
  } catch {
    // not a URL: fall through to TikTok's documented TTL
  }
  return new Date(now + SIGNED_URL_TTL_FALLBACK_MS);
}

function toVideo(v: wire.WireVideo): TikTokVideo {
  const cover = v.cover_image_url ?? '';
  return {
    id: v.id,
    title: v.title?.trim() || '',
    description: v.video_description?.trim() || '',
    durationSeconds: v.duration ?? 0,
    createdAt: new Date((v.create_time ?? 0) * 1000),
    coverUrl: cover,
    coverExpiresAt: cover ? signedUrlExpiry(cover) : new Date(0),
    // Only TikTok's own links go on (to the public JSON API and pages); anything else is dropped.
    shareUrl: v.share_url && isTikTokShareUrl(v.share_url) ? v.share_url : '',
    viewCount: v.view_count ?? null,
    likeCount: v.like_count ?? null,
    // An absent mark (an older answer, a field TikTok did not send) reads as not AI-generated.
    aiGenerated: v.is_aigc ?? false,
  };
}

export const MAX_PAGE_SIZE = 20;

export async function listVideos(accessToken: string, opts: { cursor?: number | null; maxCount?: number } = {}): Promise<VideoPage> {
  const body: { max_count: number; cursor?: number } = { max_count: Math.min(opts.maxCount ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE) };
  if (opts.cursor) body.cursor = opts.cursor;
  const data = await apiCall('video.list', `/v2/video/list/?fields=${VIDEO_FIELDS.join(',')}`, accessToken, { method: 'POST', json: body }, wire.videoListData);
  return { videos: data.videos.map(toVideo), cursor: data.cursor ?? null, hasMore: data.has_more };
}

/** Up to 20 of the user's own videos by id; ids TikTok does not return are gone, private or not theirs. */
export async function queryVideos(accessToken: string, ids: string[]): Promise<TikTokVideo[]> {
  if (ids.length < 1 || ids.length > MAX_PAGE_SIZE) throw new RangeError('video/query takes 1 to 20 ids');
  const data = await apiCall(
    'video.query',
    `/v2/video/query/?fields=${VIDEO_FIELDS.join(',')}`,
    accessToken,
    { method: 'POST', json: { filters: { video_ids: ids } } },
    wire.videoListData,
  );
  return data.videos.map(toVideo);
}

/**
 * What TikTok's public oEmbed says about a video page (`{TIKTOK_AUTH_BASE_URL}/oembed?url=…`): no
 * token, its own share of the call budget. TikTok answers an unknown, private or deleted video
 * with a 4xx (judged by the status: its body has varied): TikTokError `invalid`, code
 * `video_unavailable`. 429 and 5xx are TikTok's own trouble, as for every other call.
 */
export async function getOEmbed(videoUrl: string): Promise<TikTokOEmbed> {
  const { status, body } = await publicGet('oembed', `${env().authBaseUrl}/oembed?url=${encodeURIComponent(videoUrl)}`);
  if (status === 429) throw new TikTokError('rate_limited', 'rate_limit_exceeded', 'TikTok is busy', null, status);
  if (status >= 500) throw new TikTokError('server', `http_${status}`, 'oEmbed failed', null, status);
  if (status !== 200) throw new TikTokError('invalid', 'video_unavailable', 'TikTok has no public video at this address', null, status);
  const parsed = wire.oembed.safeParse(body);
  if (!parsed.success) throw new TikTokError('server', 'malformed_response', 'unexpected oembed response', null, status);
  const o = parsed.data;
  const thumbnail = o.thumbnail_url ?? '';
  return {
    videoId: o.embed_product_id,
    title: o.title.trim(),
    authorName: o.author_name,
    authorUsername: o.author_unique_id,
    thumbnailUrl: thumbnail,
    thumbnailExpiresAt: thumbnail ? signedUrlExpiry(thumbnail) : new Date(0),
  };
}

export function authorizeUrl(input: { state: string; codeChallenge: string; redirectUri: string; scopes?: string[] }): string {
  const e = env();
  const params = new URLSearchParams({
    client_key: e.clientKey,
    scope: formatScopes(input.scopes ?? requestedScopes(e.scopes)),
    redirect_uri: input.redirectUri,
    state: input.state,
    response_type: 'code',
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  });
  return `${e.authBaseUrl}/v2/auth/authorize/?${params}`;
}

/**
 * TikTok's QR URL with the app's own client_ticket filled in: the phone hands it back on scan and
 * confirm, so a confirmation carrying another ticket is known to be someone else's.
 */
export function withClientTicket(scanUrl: string, clientTicket: string): string {
  const url = new URL(scanUrl);
  url.searchParams.set('client_ticket', clientTicket);
  return url.toString();
}

export async function getQrCode(input: { state: string; scopes?: string[] }): Promise<{ scanUrl: string; token: string }> {
  const e = env();
  const data = await oauthCall(
    'oauth.get_qrcode',
    '/v2/oauth/get_qrcode/',
    { client_key: e.clientKey, scope: formatScopes(input.scopes ?? requestedScopes(e.scopes)), state: input.state },
    wire.qrcodeData,
  );
  return { scanUrl: data.scan_qrcode_url, token: data.token };
}

export async function checkQrCode(token: string): Promise<QrCheck> {
  const e = env();
  const data = await oauthCall(
    'oauth.check_qrcode',
    '/v2/oauth/check_qrcode/',
    { client_key: e.clientKey, client_secret: e.clientSecret, token },
    wire.checkQrcodeData,
  );
  let code = data.code ?? null;
  if (!code && data.redirect_uri) {
    try {
      code = new URL(data.redirect_uri).searchParams.get('code');
    } catch {
      code = null;
    }
  }
  return { status: data.status === 'utilised' ? 'used' : data.status, clientTicket: data.client_ticket, code, state: data.state ?? null };
}
