import 'server-only';
import { randomBytes } from 'node:crypto';
import { TIKTOK_VIDEO_FIELDS } from '../tiktok/schemas';
import { SCOPES as TIKTOK_SCOPES } from '../tiktok/scopes';
import type { SandboxVideo } from './creators';

// The sandbox's TikTok: the shapes it keeps (codes, tokens, accounts, QR sessions, faults, settings),
// what TikTok's scopes and fields are, and the small helpers every part of it uses.

/** `dropAnswer`: the work is done, then the connection is destroyed before any answer leaves (lib/sandbox/http.ts reply). */
export type SandboxReply = { status: number; body: unknown; dropAnswer?: boolean };

export type Code = {
  openId: string;
  username: string;
  scopes: string[];
  redirectUri: string;
  challenge: string | null;
  expiresAt: number;
  used: boolean;
  qrToken?: string;
};
/**
 * One issued token. `family` names the grant it descends from (every refresh of one authorization
 * shares it); `rotated` marks a refresh token that was traded for a new pair (presenting it again is reuse).
 */
export type Token = { openId: string; username: string; scopes: string[]; expiresAt: number; revoked: boolean; family?: string; rotated?: boolean };
export type Account = {
  username: string;
  hidden: Record<string, 'private' | 'deleted'>;
  stats?: Record<string, { views: number; likes: number }>;
  aigc?: Record<string, boolean>;
  /** Videos added with the control action publishVideo, newest first (after the generated ones in time). */
  posted?: SandboxVideo[];
};
export type QrRecord = {
  status: 'new' | 'scanned' | 'confirmed' | 'expired' | 'utilised';
  scopes: string[];
  state: string;
  clientTicket: string | null;
  code: string | null;
  expiresAt: number;
};
/** `dropAnswer` (token endpoint): the grant is carried out (a refresh token rotated), then the answer is lost. */
export type Fault = { status?: number; delayMs?: number; remaining?: number | null; dropAnswer?: boolean };
export type Settings = {
  coverTtlSeconds: number;
  avatarTtlSeconds: number;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  qrTtlSeconds: number;
  /** The scopes TikTok has approved for the app: asking for another fails the authorization with invalid_scope. */
  approvedScopes: string[];
  /** Redirect URIs registered besides the app's own: another app that uses this sandbox as its TikTok. */
  redirectUris: string[];
};

export const SCOPES = [TIKTOK_SCOPES.basic, TIKTOK_SCOPES.profile, TIKTOK_SCOPES.stats, TIKTOK_SCOPES.videoList] as const;
/** user.info.basic cannot be unticked on TikTok's consent screen; the rest can. */
export const REQUIRED_SCOPES: string[] = [TIKTOK_SCOPES.basic];

export const FIELD_SCOPE: Record<string, string> = {
  open_id: TIKTOK_SCOPES.basic,
  union_id: TIKTOK_SCOPES.basic,
  avatar_url: TIKTOK_SCOPES.basic,
  avatar_url_100: TIKTOK_SCOPES.basic,
  avatar_large_url: TIKTOK_SCOPES.basic,
  display_name: TIKTOK_SCOPES.basic,
  bio_description: TIKTOK_SCOPES.profile,
  profile_deep_link: TIKTOK_SCOPES.profile,
  is_verified: TIKTOK_SCOPES.profile,
  username: TIKTOK_SCOPES.profile,
  follower_count: TIKTOK_SCOPES.stats,
  following_count: TIKTOK_SCOPES.stats,
  likes_count: TIKTOK_SCOPES.stats,
  video_count: TIKTOK_SCOPES.stats,
};

/** The video fields TikTok accepts (the wire's own list: the sandbox speaks the same protocol). */
export const VIDEO_FIELDS: ReadonlySet<string> = new Set(TIKTOK_VIDEO_FIELDS);

export const CODE_TTL_MS = 10 * 60_000;

/** TikTok's comma-separated lists (scope, fields), blanks dropped. */
export function csvList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const logId = () => `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}${randomBytes(8).toString('hex').toUpperCase()}`;
export const random = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}!${Math.floor(Math.random() * 9000 + 1000)}`;
