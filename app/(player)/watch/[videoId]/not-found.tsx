/** Like the player page: the brand bar, then the words, sized for a mobile app's webview. */
export default function WatchNotFound() {
  return (
    <>
      <header className="watch-bar">
        <a className="brand" href="/">
          Show<span>reel</span>
        </a>
      </header>
      <div className="watch-stage">
        <p className="overlay center" role="alert">
          This link doesn&apos;t point to a TikTok video in a Showreel showcase.
        </p>
      </div>
    </>
  );
}
