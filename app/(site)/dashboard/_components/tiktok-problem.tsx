import type { ProblemKind } from '@/lib/platform/http/problems';
import { PROBLEMS } from '@/lib/platform/http/problems';

/** Shown in place of the grid when TikTok fails; the rest of the dashboard still renders. */
export function TikTokProblem({ kind }: { kind: ProblemKind }) {
  return (
    <div className={`notice ${kind === 'rate_limited' || kind === 'unavailable' ? 'warn' : 'error'}`} role="alert">
      <p>{PROBLEMS[kind].text}</p>
      {kind === 'needs_reconnect' && (
        <a className="button button-primary" href="/api/auth/tiktok?returnTo=/dashboard">
          Reconnect TikTok
        </a>
      )}
      {kind === 'scope' && (
        <a className="button button-primary" href="/api/auth/tiktok?returnTo=/dashboard">
          Allow access to videos
        </a>
      )}
      {(kind === 'rate_limited' || kind === 'unavailable') && (
        <a className="button button-ghost" href="/dashboard">
          Try again
        </a>
      )}
    </div>
  );
}
