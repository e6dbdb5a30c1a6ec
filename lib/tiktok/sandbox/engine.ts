import 'server-only';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { env } from '../../env';
import { creator, DEFAULT_USERNAME, type SandboxCreator, type SandboxVideo, videosOf } from './creators';
import * as store from './store';

// A faithful stand-in for TikTok's v2 API (see tiktok-api-facts.md): the app reaches it over HTTP
// through the same base URLs it would use for TikTok, so nothing here is imported by app domains.

export type SandboxReply = { status: number; body: unknown };

type Code = {
  openId: string;
  username: string;
  scopes: string[];
  redirectUri: string;
  challenge: string | null;
  expiresAt: number;
  used: boolean;
  qrToken?: string;
};
type Token = { openId: string; username: string; scopes: string[]; expiresAt: number; revoked: boolean };
type Account = { username: string; hidden: Record<string, 'private' | 'deleted'>; stats?: Record<string, { views: number; likes: number }> };
export type QrRecord = {
  status: 'new' | 'scanned' | 'confirmed' | 'expired' | 'utilised';
  scopes: string[];
  state: string;
  clientTicket: string | null;
  code: string | null;
  expiresAt: number;
};
export type Fault = { status?: number; delayMs?: number; remaining?: number | null };
export type Settings = { coverTtlSeconds: number; avatarTtlSeconds: number; accessTtlSeconds: number; refreshTtlSeconds: number; qrTtlSeconds: number };

export const SCOPES = ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list'] as const;
/** user.info.basic cannot be unticked on TikTok's consent screen; the rest can. */
export const REQUIRED_SCOPES = ['user.info.basic'];

const FIELD_SCOPE: Record<string, string> = {
  open_id: 'user.info.basic',
  union_id: 'user.info.basic',
  avatar_url: 'user.info.basic',
  avatar_url_100: 'user.info.basic',
  avatar_large_url: 'user.info.basic',
  display_name: 'user.info.basic',
  bio_description: 'user.info.profile',
  profile_deep_link: 'user.info.profile',
  is_verified: 'user.info.profile',
  username: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
};

const VIDEO_FIELDS = new Set([
  'id',
  'create_time',
  'cover_image_url',
  'share_url',
  'video_description',
  'duration',
  'height',
  'width',
  'title',
  'embed_html',
  'embed_link',
  'like_count',
  'comment_count',
  'share_count',
  'view_count',
]);

const CODE_TTL_MS = 10 * 60_000;

/** TikTok's comma-separated lists (scope, fields), blanks dropped. */
export function csvList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const logId = () => `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}${randomBytes(8).toString('hex').toUpperCase()}`;
const random = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}!${Math.floor(Math.random() * 9000 + 1000)}`;

// ---- settings, faults, counters -------------------------------------------------------------

export function settings(): Settings {
  return {
    coverTtlSeconds: env().sandboxCoverTtlSeconds,
    avatarTtlSeconds: env().sandboxCoverTtlSeconds,
    accessTtlSeconds: 86_400,
    refreshTtlSeconds: 31_536_000,
    qrTtlSeconds: 300,
    ...(store.get<Partial<Settings>>('settings', 'current') ?? {}),
  };
}

export function updateSettings(patch: Partial<Settings>): Settings {
  store.put('settings', 'current', { ...(store.get<Partial<Settings>>('settings', 'current') ?? {}), ...patch });
  return settings();
}

export function resetSettings(): Settings {
  store.remove('settings');
  return settings();
}

export function setFault(endpoint: string, fault: Fault | null): void {
  if (fault) store.put('fault', endpoint, fault);
  else store.remove('fault', endpoint);
}

export function clearFaults(): void {
  store.remove('fault');
}

/**
 * Counts the call, then applies any injected delay or failure. Returns the failure to answer with.
 * A caller that hung up during an injected delay gets nothing done: the request never reached
 * TikTok's logic (how a crashed client looks from TikTok's side when its request was still queued).
 */
async function enter(endpoint: string, style: 'oauth' | 'api', signal?: AbortSignal): Promise<SandboxReply | null> {
  store.bump(endpoint);
  const fault = store.update<Fault, Fault | null>('fault', endpoint, (f) => {
    if (!f) return { result: null };
    if (f.remaining == null) return { result: f };
    return { value: f.remaining <= 1 ? null : { ...f, remaining: f.remaining - 1 }, result: f };
  });
  if (!fault) return null;
  if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
  if (signal?.aborted) return { status: 499, body: { error: 'client_closed_request' } };
  if (!fault.status) return null;
  const code = fault.status === 429 ? 'rate_limit_exceeded' : fault.status >= 500 ? 'internal_error' : 'invalid_params';
  const message = fault.status === 429 ? 'Too many requests' : 'Something went wrong';
  if (style === 'oauth')
    return {
      status: fault.status,
      body: { error: fault.status === 429 ? 'rate_limit_exceeded' : 'server_error', error_description: message, log_id: logId() },
    };
  return { status: fault.status, body: { data: {}, error: { code, message, log_id: logId() } } };
}

export const counters = store.counters;
export const peakPerMinute = store.peakPerMinute;
export const resetCounters = store.resetCounters;

// ---- accounts and videos --------------------------------------------------------------------

function account(openId: string): Account | null {
  return store.get<Account>('account', openId);
}

function ensureAccount(username: string): SandboxCreator {
  const c = creator(username);
  if (!account(c.openId)) store.put('account', c.openId, { username, hidden: {} } satisfies Account);
  return c;
}

export function setVideoState(username: string, videoId: string, state: 'public' | 'private' | 'deleted'): boolean {
  const c = ensureAccount(username);
  if (!videosOf(c).some((v) => v.id === videoId)) return false;
  return store.update<Account, boolean>('account', c.openId, (a) => {
    const hidden = { ...(a?.hidden ?? {}) };
    if (state === 'public') delete hidden[videoId];
    else hidden[videoId] = state;
    return { value: { ...a, username, hidden }, result: true };
  });
}

/** Sets a video's view and like counts, as time passing on TikTok would. */
export function setVideoStats(username: string, videoId: string, views: number, likes: number): boolean {
  const c = ensureAccount(username);
  if (!videosOf(c).some((v) => v.id === videoId)) return false;
  return store.update<Account, boolean>('account', c.openId, (a) => ({
    value: { username, hidden: a?.hidden ?? {}, stats: { ...(a?.stats ?? {}), [videoId]: { views, likes } } },
    result: true,
  }));
}

export function visibleVideos(openId: string): SandboxVideo[] {
  const a = account(openId);
  if (!a) return [];
  return videosOf(creator(a.username))
    .filter((v) => !a.hidden[v.id])
    .map((v) => ({ ...v, ...a.stats?.[v.id] }))
    .sort((x, y) => y.createTime - x.createTime);
}

export function allVideos(username: string): SandboxVideo[] {
  return videosOf(creator(username));
}

export type CdnKind = 'cover' | 'avatar';

function cdnSignature(kind: CdnKind, id: string, expires: number): string {
  return createHmac('sha256', 'sandbox-cdn').update(`${kind}.${id}.${expires}`).digest('base64url').slice(0, 27);
}

/** A signed CDN URL, as TikTok gives for covers and avatars: it works until x-expires. */
function signedCdnUrl(kind: CdnKind, id: string): string {
  const s = settings();
  const expires = Math.floor(Date.now() / 1000) + (kind === 'cover' ? s.coverTtlSeconds : s.avatarTtlSeconds);
  return `${env().appUrl}/sandbox/cdn/${kind}/${id}.svg?x-expires=${expires}&x-signature=${encodeURIComponent(cdnSignature(kind, id, expires))}`;
}

/** 200 with the image while the signed URL is valid, 403 once x-expires has passed, as TikTok's CDN does. */
export function checkSignedUrl(kind: CdnKind, id: string, expiresParam: string | null, signature: string | null): 'ok' | 'expired' | 'invalid' {
  const expires = Number(expiresParam);
  if (!Number.isFinite(expires) || !signature || signature !== cdnSignature(kind, id, expires)) return 'invalid';
  return expires * 1000 < Date.now() ? 'expired' : 'ok';
}

/** The display name behind an open_id, for the generated avatar. */
export function displayNameOf(openId: string): string | null {
  const a = account(openId);
  return a ? creator(a.username).displayName : null;
}

export function findVideo(videoId: string): SandboxVideo | null {
  for (const { value } of store.all<Account>('account')) {
    const v = videosOf(creator(value.username)).find((x) => x.id === videoId);
    if (v) return v;
  }
  return null;
}

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
  };
  return Object.fromEntries(fields.map((f) => [f, full[f]]));
}

// ---- authorization ------------------------------------------------------------------------

export function registeredRedirectUris(): string[] {
  return [env().redirectUri, env().nativeRedirectUri];
}

export type AuthorizeRequest = {
  clientKey: string;
  scopes: string[];
  redirectUri: string;
  state: string;
  responseType: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
};

/** The authorize request's fields, read the same way from the page's query and the consent form. */
export function readAuthorizeRequest(get: (name: string) => string): AuthorizeRequest {
  return {
    clientKey: get('client_key'),
    scopes: csvList(get('scope')),
    redirectUri: get('redirect_uri'),
    state: get('state'),
    responseType: get('response_type'),
    codeChallenge: get('code_challenge') || null,
    codeChallengeMethod: get('code_challenge_method') || null,
  };
}

/** What TikTok's authorize page refuses to render at all (it does not redirect to an unknown URI). */
export function validateAuthorize(q: AuthorizeRequest): string | null {
  if (q.clientKey !== env().clientKey) return 'client_key is not a registered app (invalid_client).';
  if (!registeredRedirectUris().includes(q.redirectUri)) return 'redirect_uri does not match a registered redirect URI.';
  if (q.responseType !== 'code') return 'response_type must be code (unsupported_response_type).';
  if (q.scopes.length === 0 || q.scopes.some((s) => !(SCOPES as readonly string[]).includes(s)))
    return 'scope is missing or holds an unknown scope (invalid_scope).';
  if (q.codeChallenge && q.codeChallengeMethod !== 'S256') return 'code_challenge_method must be S256.';
  return null;
}

export function issueCode(input: { username: string; scopes: string[]; redirectUri: string; challenge: string | null; qrToken?: string }): string {
  const c = ensureAccount(input.username);
  const code = random('');
  store.put('code', code, {
    openId: c.openId,
    username: input.username,
    scopes: input.scopes,
    redirectUri: input.redirectUri,
    challenge: input.challenge,
    expiresAt: Date.now() + CODE_TTL_MS,
    used: false,
    qrToken: input.qrToken,
  } satisfies Code);
  return code;
}

function oauthError(error: string, description: string, status = 200): SandboxReply {
  return { status, body: { error, error_description: description, log_id: logId() } };
}

function tokenPair(openId: string, username: string, scopes: string[]): SandboxReply {
  const s = settings();
  const access = random('act.');
  const refresh = random('rft.');
  store.put('access', access, { openId, username, scopes, expiresAt: Date.now() + s.accessTtlSeconds * 1000, revoked: false } satisfies Token);
  store.put('refresh', refresh, { openId, username, scopes, expiresAt: Date.now() + s.refreshTtlSeconds * 1000, revoked: false } satisfies Token);
  return {
    status: 200,
    body: {
      access_token: access,
      expires_in: s.accessTtlSeconds,
      open_id: openId,
      refresh_expires_in: s.refreshTtlSeconds,
      refresh_token: refresh,
      scope: scopes.join(','),
      token_type: 'Bearer',
    },
  };
}

export async function token(form: URLSearchParams, signal?: AbortSignal): Promise<SandboxReply> {
  const grant = form.get('grant_type');
  const fail = await enter(grant === 'refresh_token' ? 'oauth/token:refresh' : 'oauth/token:code', 'oauth', signal);
  if (fail) return fail;
  if (form.get('client_key') !== env().clientKey || form.get('client_secret') !== env().clientSecret) {
    return oauthError('invalid_client', 'Client key or secret is invalid.', 401);
  }
  if (grant === 'authorization_code') {
    const code = form.get('code') ?? '';
    const verifier = form.get('code_verifier');
    const redirectUri = form.get('redirect_uri') ?? '';
    return store.update<Code, SandboxReply>('code', code, (c) => {
      if (!c || c.used || c.expiresAt < Date.now()) return { result: oauthError('invalid_grant', 'Authorization code is expired or was already used.') };
      if (c.redirectUri !== redirectUri) return { result: oauthError('invalid_grant', 'redirect_uri does not match the authorization request.') };
      if (c.challenge) {
        if (!verifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier))
          return { result: oauthError('invalid_request', 'Please correct the following: code_verifier.') };
        if (createHash('sha256').update(verifier).digest('base64url') !== c.challenge)
          return { result: oauthError('invalid_grant', 'Code verifier does not match the code challenge.') };
      }
      if (c.qrToken) {
        store.update<QrRecord, null>('qr', c.qrToken, (q) => ({ value: q ? { ...q, status: 'utilised' } : undefined, result: null }));
      }
      return { value: { ...c, used: true }, result: tokenPair(c.openId, c.username, c.scopes) };
    });
  }
  if (grant === 'refresh_token') {
    const presented = form.get('refresh_token') ?? '';
    return store.update<Token, SandboxReply>('refresh', presented, (t) => {
      // Per-account count too, so tests can say "each account refreshed exactly once".
      if (t) store.bump(`oauth/token:refresh@${t.username}`);
      if (!t || t.revoked || t.expiresAt < Date.now()) return { result: oauthError('invalid_grant', 'Refresh token is invalid or expired.') };
      // Rotation: the presented refresh token dies the moment a new one is issued.
      return { value: { ...t, revoked: true }, result: tokenPair(t.openId, t.username, t.scopes) };
    });
  }
  return oauthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.', 400);
}

export async function revoke(form: URLSearchParams): Promise<SandboxReply> {
  const fail = await enter('oauth/revoke', 'oauth');
  if (fail) return fail;
  if (form.get('client_key') !== env().clientKey || form.get('client_secret') !== env().clientSecret) {
    return oauthError('invalid_client', 'Client key or secret is invalid.', 401);
  }
  const t = store.get<Token>('access', form.get('token') ?? '');
  if (t) revokeAll(t.openId);
  return { status: 200, body: {} };
}

/** Kills every token of an account (the user removed the app, or revoke was called). */
export function revokeAll(openId: string): number {
  let n = 0;
  for (const kind of ['access', 'refresh'] as const) {
    for (const { key, value } of store.all<Token>(kind)) {
      if (value.openId === openId && !value.revoked) {
        store.put(kind, key, { ...value, revoked: true });
        n++;
      }
    }
  }
  return n;
}

/** For tests: make every access token of an account expire now (refresh tokens stay valid). */
export function expireAccessTokens(username: string): number {
  const { openId } = creator(username);
  let n = 0;
  for (const { key, value } of store.all<Token>('access')) {
    if (value.openId === openId && !value.revoked) {
      store.put('access', key, { ...value, expiresAt: Date.now() - 1000 });
      n++;
    }
  }
  return n;
}

/** For tests: kill the account's refresh tokens (as if revoked or expired at TikTok). */
export function revokeRefreshTokens(username: string): number {
  return revokeAll(creator(username).openId);
}

// ---- Display API --------------------------------------------------------------------------

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

export async function userInfo(authorization: string | null, fieldsParam: string | null): Promise<SandboxReply> {
  const fail = await enter('user/info', 'api');
  if (fail) return fail;
  const t = bearer(authorization);
  if ('status' in t) return t;
  const fields = csvList(fieldsParam);
  if (fields.length === 0) return apiError(400, 'invalid_params', 'fields is required.');
  const unknown = fields.find((f) => !FIELD_SCOPE[f]);
  if (unknown) return apiError(400, 'invalid_params', `Unknown field: ${unknown}.`);
  const missing = fields.find((f) => !t.scopes.includes(FIELD_SCOPE[f]));
  if (missing) return apiError(401, 'scope_not_authorized', `The user did not authorize the scope required for field ${missing}.`);
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

function parseVideoFields(fieldsParam: string | null): string[] | SandboxReply {
  const fields = csvList(fieldsParam);
  if (fields.length === 0) return apiError(400, 'invalid_params', 'fields is required.');
  const unknown = fields.find((f) => !VIDEO_FIELDS.has(f));
  if (unknown) return apiError(400, 'invalid_params', `Unknown field: ${unknown}.`);
  return fields;
}

export async function videoList(authorization: string | null, fieldsParam: string | null, body: unknown): Promise<SandboxReply> {
  const fail = await enter('video/list', 'api');
  if (fail) return fail;
  const t = bearer(authorization);
  if ('status' in t) return t;
  if (!t.scopes.includes('video.list'))
    return apiError(401, 'scope_not_authorized', 'The user did not authorize the scope required for completing this request.');
  const fields = parseVideoFields(fieldsParam);
  if (!Array.isArray(fields)) return fields;
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
  const fail = await enter('video/query', 'api');
  if (fail) return fail;
  const t = bearer(authorization);
  if ('status' in t) return t;
  if (!t.scopes.includes('video.list'))
    return apiError(401, 'scope_not_authorized', 'The user did not authorize the scope required for completing this request.');
  const fields = parseVideoFields(fieldsParam);
  if (!Array.isArray(fields)) return fields;
  const ids = (body as { filters?: { video_ids?: unknown } } | null)?.filters?.video_ids;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 20 || ids.some((id) => typeof id !== 'string')) {
    return apiError(400, 'invalid_params', 'filters.video_ids must hold 1 to 20 video ids.');
  }
  const mine = new Map(visibleVideos(t.openId).map((v) => [v.id, v]));
  const found = ids.map((id) => mine.get(id as string)).filter((v): v is SandboxVideo => Boolean(v));
  return ok({ videos: found.map((v) => videoJson(v, t.username, fields)), cursor: 0, has_more: false });
}

// ---- QR code login ------------------------------------------------------------------------

export async function getQrcode(form: URLSearchParams): Promise<SandboxReply> {
  const fail = await enter('oauth/get_qrcode', 'oauth');
  if (fail) return fail;
  if (form.get('client_key') !== env().clientKey) return oauthError('invalid_client', 'Client key is invalid.', 401);
  const scopes = csvList(form.get('scope'));
  if (scopes.length === 0 || scopes.some((s) => !(SCOPES as readonly string[]).includes(s)))
    return oauthError('invalid_scope', 'scope is missing or unknown.', 400);
  const token = random('qr.');
  store.put('qr', token, {
    status: 'new',
    scopes,
    state: form.get('state') ?? '',
    clientTicket: null,
    code: null,
    expiresAt: Date.now() + settings().qrTtlSeconds * 1000,
  } satisfies QrRecord);
  const scanUrl = `${env().appUrl}/sandbox/qr?token=${encodeURIComponent(token)}&client_ticket=tobefilled`;
  return { status: 200, body: { scan_qrcode_url: scanUrl, token } };
}

export function readQr(token: string): QrRecord | null {
  const q = store.get<QrRecord>('qr', token);
  if (q && q.expiresAt < Date.now() && (q.status === 'new' || q.status === 'scanned')) return { ...q, status: 'expired' };
  return q;
}

/** What the sandbox's phone page does: scan, confirm (as a username) or cancel. */
export function actOnQr(token: string, action: 'scan' | 'confirm' | 'cancel', clientTicket: string, username = DEFAULT_USERNAME): QrRecord | null {
  return store.update<QrRecord, QrRecord | null>('qr', token, (q) => {
    if (!q) return { result: null };
    const current = readQr(token) ?? q;
    if (current.status === 'expired' || current.status === 'confirmed' || current.status === 'utilised') return { result: current };
    let next: QrRecord = current;
    if (action === 'scan') next = { ...current, status: 'scanned', clientTicket };
    if (action === 'cancel') next = { ...current, status: 'expired' };
    if (action === 'confirm') {
      const code = issueCode({ username, scopes: current.scopes, redirectUri: env().redirectUri, challenge: null, qrToken: token });
      next = { ...current, status: 'confirmed', clientTicket: current.clientTicket ?? clientTicket, code };
    }
    return { value: next, result: next };
  });
}

/** For tests: force a QR session into a status. */
export function forceQrStatus(token: string, status: QrRecord['status']): boolean {
  return store.update<QrRecord, boolean>('qr', token, (q) => (q ? { value: { ...q, status }, result: true } : { result: false }));
}

export async function checkQrcode(form: URLSearchParams): Promise<SandboxReply> {
  const fail = await enter('oauth/check_qrcode', 'oauth');
  if (fail) return fail;
  if (form.get('client_key') !== env().clientKey || form.get('client_secret') !== env().clientSecret) {
    return oauthError('invalid_client', 'Client key or secret is invalid.', 401);
  }
  const q = readQr(form.get('token') ?? '');
  if (!q) return oauthError('invalid_request', 'token is invalid.', 400);
  const body: Record<string, unknown> = { status: q.status, client_ticket: q.clientTicket ?? '' };
  if (q.status === 'confirmed' && q.code) {
    const redirect = new URL(env().redirectUri);
    redirect.searchParams.set('code', q.code);
    redirect.searchParams.set('scopes', q.scopes.join(','));
    redirect.searchParams.set('state', q.state);
    body.redirect_uri = redirect.toString();
    body.code = q.code;
    body.state = q.state;
  }
  return { status: 200, body };
}

// ---- webhooks -----------------------------------------------------------------------------

/** Sends authorization.removed to the app, signed as TikTok signs it, after killing the tokens. */
export async function sendAuthorizationRemoved(username: string): Promise<{ status: number; body: string }> {
  const c = creator(username);
  revokeAll(c.openId);
  const body = JSON.stringify({
    client_key: env().clientKey,
    event: 'authorization.removed',
    create_time: Math.floor(Date.now() / 1000),
    user_openid: c.openId,
    content: JSON.stringify({ reason: 1 }),
  });
  const ts = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', env().clientSecret).update(`${ts}.${body}`).digest('hex');
  const res = await fetch(`${env().appUrl}/api/webhooks/tiktok`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'TikTok-Signature': `t=${ts},s=${signature}` },
    body,
  });
  return { status: res.status, body: await res.text() };
}

export { creator, DEFAULT_USERNAME };
