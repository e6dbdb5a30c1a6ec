// The public page's player (served at /player.js; the markup is ./showcase-page.ts's): a click on a
// card's play button opens TikTok's embedded player for it in a modal dialog. It repeats what
// lib/tiktok/player.ts says of TikTok's player messages (the page ships no bundle to import it from):
// they come from https://www.tiktok.com, as JSON strings or objects marked "x-tiktok-player".
// When the player is not ready within its timeout, or reports an error other than "tap to play",
// the frame gives way to words and a link to the video on TikTok.
(() => {
  const grid = document.querySelector('.showcase-grid');
  const dialog = document.querySelector('dialog.player');
  const parts = document.getElementById('player-parts');
  if (!grid || !dialog || !parts) return;
  const TIKTOK_ORIGIN = 'https://www.tiktok.com';
  const TAP_TO_PLAY = 3002;
  const errors = JSON.parse(dialog.dataset.errors ?? '{}');
  const part = (selector) => parts.content.querySelector(selector).cloneNode(true);
  /** The open player: its button, and whether TikTok's player is loading, ready or failed. */
  let open = null;

  const fail = (note) => {
    if (!open || open.state === 'failed') return;
    open.state = 'failed';
    clearTimeout(open.timer);
    const fallback = part('.player-fallback');
    if (note && note !== errors[TAP_TO_PLAY]) fallback.querySelector('.player-fallback-text').textContent = note;
    fallback.querySelector('a').href = open.button.dataset.watch;
    dialog.querySelector('.player-note')?.remove();
    dialog.querySelector('iframe')?.replaceWith(fallback);
  };

  const show = (button) => {
    const label = button.querySelector('.title')?.textContent ?? '';
    const header = part('header');
    header.querySelector('h2').textContent = label;
    header.querySelector('a').href = button.dataset.watch;
    header.querySelector('button').addEventListener('click', () => dialog.close());
    const frame = part('iframe');
    frame.title = `TikTok player: ${label}`;
    frame.src = button.dataset.src;
    dialog.replaceChildren(header, frame);
    open = { button, frame, state: 'loading', timer: setTimeout(() => open?.state === 'loading' && fail(null), Number(dialog.dataset.readyTimeout)) };
    dialog.showModal();
    // Opening the player is a play (the counting script, /count.js, sends it once it runs).
    window.showreel = window.showreel ?? [];
    window.showreel.push(['play', button.dataset.play]);
  };

  window.addEventListener('message', (e) => {
    if (!open || e.origin !== TIKTOK_ORIGIN || e.source !== open.frame.contentWindow) return;
    let data = e.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        return;
      }
    }
    if (!data || data['x-tiktok-player'] !== true) return;
    if (data.type === 'onPlayerReady' && open.state === 'loading') open.state = 'ready';
    if (data.type !== 'onPlayerError') return;
    const note = errors[data.value] ?? errors.default;
    if (data.value !== TAP_TO_PLAY) return fail(note);
    if (open.state === 'failed') return;
    const shown = dialog.querySelector('.player-note') ?? open.frame.insertAdjacentElement('beforebegin', part('.player-note'));
    shown.textContent = note;
  });

  grid.addEventListener('click', (e) => {
    const button = e.target instanceof Element && e.target.closest('button[data-play]');
    if (button) show(button);
  });
  // A click on the backdrop closes the player; Escape is native to the dialog.
  dialog.addEventListener('click', (e) => e.target === dialog && dialog.close());
  dialog.addEventListener('close', () => {
    if (!open) return;
    clearTimeout(open.timer);
    const { button } = open;
    open = null;
    // Nothing keeps playing behind a closed dialog.
    dialog.replaceChildren();
    button.focus();
  });
})();
