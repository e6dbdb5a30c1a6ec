import 'server-only';
import { env } from '../platform/config/env';
import { SCOPES } from '../tiktok/scopes';
import { visibleVideos } from './accounts';
import { signedCdnUrl } from './cdn';
import { creator, type SandboxVideo } from './creators';
import { csvList, FIELD_SCOPE, logId, type SandboxReply, type Token, VIDEO_FIELDS } from './model';
import { enter } from './settings';
import * as store from './store';

// The Display API in the sandbox: user/info, video/list, video/query, with TikTok's error shapes.

function videoJson(v: SandboxVideo, username: string, fields: string[]): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: v.id,
    create_time: v.createTime,
    cover_image_url: signedCdnUrl('cover', v.id),
    share_url: `https://www.tiktok.com/@${username}/video/${v.id}?utm_campaign=tt4d_open_api&utm_source=${env().clientKey}`,
    video_description: v.description,
    duration: v.duration,
    height: v.height,
    width: v.width,
    title: v.title,
    embed_html: `<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@${username}/video/${v.id}" data-video-id="${v.id}"></blockquote>`,
    embed_link: `https://www.tiktok.com/static/profile-video?id=${v.id}&hide_author=1&utm_campaign=tt4d_open_api`,
    like_count: v.likes ?? (v.duration * 131) % 9000,
    comment_count: (v.duration * 17) % 400,
    share_count: (v.duration * 7) % 200,
    view_count: v.views ?? (v.duration * 977) % 90000,
    is_aigc: v.aiGenerated ?? false,
  };
  return Object.fromEntries(fields.map((f) => [f, full[f]]));
}

function apiError(status: number, code: string, message: string): SandboxReply {
  return { status, body: { data: {}, error: { code, message, log_id: logId() } } };
}

function bearer(authorization: string | null): Token | SandboxReply {
  const value = authorization?.match(/^Bearer\s+(.+)$/i)?.[1] ?? '';
  const t = value ? store.get<Token>('access', value) : null;
  if (!t || t.revoked || t.expiresAt < Date.now()) {
    return apiError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
  }
  return t;
}

function ok(data: unknown): SandboxReply {
  return { status: 200, body: { data, error: { code: 'ok', message: '', log_id: logId() } } };
}

/**
 * How every Display API call starts, in TikTok's order: the call is counted (and any injected fault
 * applied), the bearer token checked, then the scope the endpoint needs, then the fields asked for.
 */
async function open(
  endpoint: string,
  authorization: string | null,
  fieldsParam: string | null,
  rules: { scope?: string; known: (field: string) => boolean; fieldScope?: (field: string) => string },
): Promise<{ token: Token; fields: string[] } | SandboxReply> {
  const fail = await enter(endpoint, 'api');
  if (fail) return fail;
  const token = bearer(authorization);
  if ('status' in token) return token;
  if (rules.scope && !token.scopes.includes(rules.scope))
    return apiError(401, 'scope_not_authorized', 'The user did not authorize the scope required for completing this request.');
  const fields = csvList(fieldsParam);
  if (fields.length === 0) return apiError(400, 'invalid_params', 'fields is required.');
  const unknown = fields.find((f) => !rules.known(f));
  if (unknown) return apiError(400, 'invalid_params', `Unknown field: ${unknown}.`);
  const missing = rules.fieldScope && fields.find((f) => !token.scopes.includes(rules.fieldScope?.(f) ?? ''));
  if (missing) return apiError(401, 'scope_not_authorized', `The user did not authorize the scope required for field ${missing}.`);
  return { token, fields };
}

const videoRules = { scope: SCOPES.videoList, known: (f: string) => VIDEO_FIELDS.has(f) };

export async function userInfo(authorization: string | null, fieldsParam: string | null): Promise<SandboxReply> {
  const call = await open('user/info', authorization, fieldsParam, { known: (f) => Boolean(FIELD_SCOPE[f]), fieldScope: (f) => FIELD_SCOPE[f] });
  if ('status' in call) return call;
  const { token: t, fields } = call;
  const c = creator(t.username);
  const visible = visibleVideos(c.openId);
  const avatar = signedCdnUrl('avatar', c.openId);
  const full: Record<string, unknown> = {
    open_id: c.openId,
    union_id: c.unionId,
    avatar_url: avatar,
    avatar_url_100: avatar,
    avatar_large_url: avatar,
    display_name: c.displayName,
    bio_description: c.bio,
    profile_deep_link: `https://www.tiktok.com/@${c.username}`,
    is_verified: false,
    username: c.username,
    follower_count: 1234,
    following_count: 56,
    likes_count: 78910,
    video_count: visible.length,
  };
  return ok({ user: Object.fromEntries(fields.map((f) => [f, full[f]])) });
}

export async function videoList(authorization: string | null, fieldsParam: string | null, body: unknown): Promise<SandboxReply> {
  const call = await open('video/list', authorization, fieldsParam, videoRules);
  if ('status' in call) return call;
  const { token: t, fields } = call;
  const b = (body ?? {}) as { max_count?: unknown; cursor?: unknown };
  const max = b.max_count === undefined ? 10 : Number(b.max_count);
  if (!Number.isInteger(max) || max < 1 || max > 20) return apiError(400, 'invalid_params', 'max_count must be between 1 and 20.');
  const cursor = b.cursor === undefined || b.cursor === null ? null : Number(b.cursor);
  if (cursor !== null && (!Number.isFinite(cursor) || cursor < 0)) return apiError(400, 'invalid_params', 'cursor must be a UTC timestamp in milliseconds.');
  const eligible = visibleVideos(t.openId).filter((v) => cursor === null || v.createTime * 1000 < cursor);
  const page = eligible.slice(0, max);
  const last = page.at(-1);
  return ok({
    videos: page.map((v) => videoJson(v, t.username, fields)),
    cursor: last ? last.createTime * 1000 : (cursor ?? 0),
    has_more: eligible.length > page.length,
  });
}

export async function videoQuery(authorization: string | null, fieldsParam: string | null, body: unknown): Promise<SandboxReply> {
  const call = await open('video/query', authorization, fieldsParam, videoRules);
  if ('status' in call) return call;
  const { token: t, fields } = call;
  const ids = (body as { filters?: { video_ids?: unknown } } | null)?.filters?.video_ids;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 20 || ids.some((id) => typeof id !== 'string')) {
    return apiError(400, 'invalid_params', 'filters.video_ids must hold 1 to 20 video ids.');
  }
  const mine = new Map(visibleVideos(t.openId).map((v) => [v.id, v]));
  const found = ids.map((id) => mine.get(id as string)).filter((v): v is SandboxVideo => Boolean(v));
  return ok({ videos: found.map((v) => videoJson(v, t.username, fields)), cursor: 0, has_more: false });
}
