// Showreel's counting script, on the public page, the embed and /watch (docs/architecture.md,
// Insights). No cookie, no storage, no third party: it tells POST /api/events that the page was
// seen, that a video's player was opened and that a call-to-action link was followed. The tag:
//   <script src="/count.js?v=…" data-showcase="{showcaseId}" data-video="{videoId, on /watch}" defer>
// Hooks for the page's own code and markup:
//   (window.showreel ||= []).push(['play', videoId])   a player was opened (count-play.ts, player.js)
//   <a data-showreel-link="{videoId}" href="…">        a video's call-to-action link
(() => {
  const tag = document.currentScript;
  const showcase = tag?.dataset.showcase;
  if (!showcase || !navigator.sendBeacon) return;
  let ref = '';
  try {
    ref = document.referrer && new URL(document.referrer).host;
  } catch {}
  // The dashboard's preview of the embed (framed by this app) is the creator, not a visitor.
  if (window.top !== window && ref === location.host) return;
  const send = (type, video) => navigator.sendBeacon('/api/events', JSON.stringify({ type, showcase, video, ref }));
  // Sent once loaded and idle: paint and taps first.
  const idle = () => (window.requestIdleCallback ?? setTimeout)(() => send('view', tag.dataset.video));
  const view = () => (document.readyState === 'complete' ? idle() : addEventListener('load', idle, { once: true }));
  // A prerendered page is counted when it is shown, not when it is made.
  if (document.prerendering) document.addEventListener('prerenderingchange', view, { once: true });
  else view();
  const queue = Array.isArray(window.showreel) ? window.showreel : [];
  window.showreel = { push: ([type, video]) => type === 'play' && video && send('play', String(video)) };
  for (const entry of queue) window.showreel.push(entry);
  document.addEventListener(
    'click',
    (e) => {
      const link = e.target instanceof Element && e.target.closest('[data-showreel-link]');
      if (link) send('link', link.getAttribute('data-showreel-link'));
    },
    true,
  );
})();
