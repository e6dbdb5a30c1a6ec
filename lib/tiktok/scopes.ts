// TikTok's scope names, once, and the one way a list of scopes is read from and written to text
// (TikTok's comma-separated `scope`, and the granted scopes the app stores with a connection).

export const SCOPES = Object.freeze({
  basic: 'user.info.basic',
  profile: 'user.info.profile',
  stats: 'user.info.stats',
  videoList: 'video.list',
});

/** What Showreel asks for unless TIKTOK_SCOPES says otherwise. */
const DEFAULT_SCOPES: readonly string[] = Object.freeze([SCOPES.basic, SCOPES.profile, SCOPES.videoList]);

/** The scopes an authorization asks for: the configured ones (TIKTOK_SCOPES), else the defaults. */
export function requestedScopes(configured: readonly string[] | undefined): readonly string[] {
  return configured?.length ? configured : DEFAULT_SCOPES;
}

/** "a, b,,c" → ["a", "b", "c"]. */
export function parseScopes(csv: string | null | undefined): string[] {
  return (csv ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function formatScopes(scopes: readonly string[]): string {
  return scopes.join(',');
}
