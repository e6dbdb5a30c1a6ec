/** Shown when TikTok refused our refresh token: only the creator reconnecting can fix it. */
export function ReconnectBanner() {
  return (
    <div className="notice error" role="alert">
      <p>
        <strong>TikTok needs you to reconnect.</strong> Your public showcase is still online, but Showreel can&apos;t refresh your videos until you reconnect.
      </p>
      <a className="button button-primary" href="/api/auth/tiktok?returnTo=/dashboard">
        Reconnect TikTok
      </a>
    </div>
  );
}
