import 'server-only';
import { type ErrorCode, jsonError } from './index';

/** How a TikTok failure is explained: the app's own kinds, not TikTok's. */
export type ProblemKind = 'needs_reconnect' | 'rate_limited' | 'unavailable' | 'scope';

/**
 * The one place a TikTok failure becomes words: its kind, the API error code and status it answers
 * with, and what the creator reads. Every route and page uses it; client components show the
 * server's message.
 */
export const PROBLEMS: Record<ProblemKind, { code: ErrorCode; text: string }> = {
  needs_reconnect: { code: 'needs_reconnect', text: 'Your TikTok connection has expired. Reconnect TikTok to see your videos again.' },
  rate_limited: { code: 'rate_limited', text: 'TikTok is busy. Try again in a moment.' },
  unavailable: { code: 'tiktok_unavailable', text: "TikTok isn't answering right now. Nothing you saved is lost; try again in a moment." },
  scope: { code: 'forbidden', text: "You didn't allow Showreel to see your videos, so we can't show your recent TikToks or build a showcase." },
};

/**
 * Errors of the layers above (TikTokError, NeedsReconnectError) name the problem they are by a
 * `problem` property, so this table needs to know none of them.
 */
export type ProblemError = Error & { readonly problem: ProblemKind };

/** How a failed TikTok call should be explained; null for anything else (a real bug). */
export function problemOf(e: unknown): ProblemKind | null {
  const kind = e instanceof Error ? (e as Partial<ProblemError>).problem : undefined;
  return kind && Object.hasOwn(PROBLEMS, kind) ? kind : null;
}

/**
 * A TikTok failure as the JSON error every route answers with; rethrows anything that is a bug.
 * Sign-in flows (no connection yet) know only "busy" and "not answering".
 */
export function problemResponse(e: unknown, opts: { signingIn?: boolean } = {}) {
  let kind = problemOf(e);
  if (!kind) throw e;
  if (opts.signingIn && kind !== 'rate_limited') kind = 'unavailable';
  const { code, text } = PROBLEMS[kind];
  return jsonError(code, text, { problem: kind });
}
