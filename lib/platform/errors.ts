import 'server-only';

/**
 * What a caught error may say in a log line. The app's own errors (TikTokError and friends) carry
 * no tokens or secrets in their messages; anything that is not an Error says nothing at all.
 */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : 'unknown error';
}
