import { formatDate } from '@/lib/platform/format';

/**
 * Shown while the connection still works but its refresh token runs out within two weeks: after that
 * only reconnecting helps, so the creator is asked now, before the showcase stops being updated.
 */
export function ExpiringConnectionBanner({ expiresAt }: { expiresAt: Date }) {
  return (
    <div className="notice warn" role="status">
      <p>
        <strong>Reconnect TikTok to keep your showcase updated.</strong> TikTok&apos;s permission for Showreel runs out on {formatDate(expiresAt)}; your public
        page stays online either way.
      </p>
      <a className="button button-primary" href="/api/auth/tiktok?returnTo=/dashboard">
        Reconnect TikTok
      </a>
    </div>
  );
}
