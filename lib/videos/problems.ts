import type { ProblemKind } from './types';

/** The words a creator sees for each TikTok failure (server and client components share them). */
export const PROBLEM_TEXT: Record<ProblemKind, string> = {
  needs_reconnect: 'Your TikTok connection has expired. Reconnect TikTok to see your videos again.',
  rate_limited: 'TikTok is busy, try again shortly.',
  unavailable: "TikTok isn't answering right now. Your showcase is safe; try again in a moment.",
  scope: "You didn't allow Showreel to see your videos, so we can't show your recent TikToks or build a showcase.",
};
