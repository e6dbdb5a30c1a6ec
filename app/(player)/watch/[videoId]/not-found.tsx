/** Chrome-free like the player: it shows inside a mobile app's webview. */
export default function WatchNotFound() {
  return (
    <div className="overlay center" role="alert">
      This link doesn&apos;t point to a TikTok video in a Showreel showcase.
    </div>
  );
}
