import type { ProblemKind } from '../platform/http/problems';

export type TikTokErrorKind = 'unauthorized' | 'scope' | 'rate_limited' | 'invalid' | 'server' | 'network';

/**
 * The one error lib/tiktok throws. `code` is TikTok's own (access_token_invalid, invalid_grant, …);
 * `logId` is what TikTok support asks for. Messages never contain tokens or secrets.
 */
export class TikTokError extends Error {
  constructor(
    readonly kind: TikTokErrorKind,
    readonly code: string,
    message: string,
    readonly logId: string | null = null,
    readonly status: number | null = null,
  ) {
    super(`TikTok ${code}: ${message}${logId ? ` (log_id ${logId})` : ''}`);
    this.name = 'TikTokError';
  }

  /** How the app explains it (lib/platform/http/problems.ts): TikTok's kinds mapped to the app's. */
  get problem(): ProblemKind {
    if (this.kind === 'unauthorized') return 'needs_reconnect';
    if (this.kind === 'rate_limited' || this.kind === 'scope') return this.kind;
    return 'unavailable';
  }

  /** Worth retrying later with backoff: TikTok was busy or unreachable, nothing was wrong with us. */
  get transient(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'server' || this.kind === 'network';
  }
}

export function isTikTokError(e: unknown, kind?: TikTokErrorKind): e is TikTokError {
  return e instanceof TikTokError && (!kind || e.kind === kind);
}
