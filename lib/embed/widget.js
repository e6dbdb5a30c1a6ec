// embed.js: put a Showreel showcase on any website with one line,
//   <script src="https://APP/embed.js" data-showreel="HANDLE" async></script>
// optionally with data-showcase (a showcase other than the default, by its slug), data-layout,
// data-theme, data-max, data-stats, data-title. Plain JavaScript, no
// dependency: it inserts an iframe where the tag stands, loads it when it nears the viewport, and
// sizes it from the embed's own resize messages (accepted only from this app's origin and only for
// the iframe that sent them).
(() => {
  const me = document.currentScript;
  if (!me?.src) return;
  const origin = new URL(me.src).origin;
  // One registry per page and per app origin, shared by every copy of this file the page runs.
  window.__showreel = window.__showreel || {};
  const registry = window.__showreel;
  registry[origin] = registry[origin] || { frames: [], listening: false };
  const state = registry[origin];

  if (!state.listening) {
    state.listening = true;
    window.addEventListener('message', (e) => {
      if (e.origin !== origin || !e.data || e.data.type !== 'showreel:resize') return;
      const height = Number(e.data.height);
      if (!(height > 0 && height < 100000)) return;
      const frame = state.frames.find((f) => f.contentWindow === e.source);
      if (frame) frame.style.height = `${Math.ceil(height)}px`;
    });
  }

  const query = (script) => {
    const q = [];
    for (const name of ['showcase', 'layout', 'theme', 'max', 'stats', 'title']) {
      const v = script.getAttribute(`data-${name}`);
      if (v !== null && v !== '') q.push(`${name}=${encodeURIComponent(v)}`);
    }
    return q.length ? `?${q.join('&')}` : '';
  };

  const mount = (script) => {
    script.setAttribute('data-showreel-mounted', '');
    const handle = script.getAttribute('data-showreel');
    const frame = document.createElement('iframe');
    frame.title = `Showreel: ${handle}`;
    frame.setAttribute('scrolling', 'no');
    frame.setAttribute('allow', 'autoplay; fullscreen; encrypted-media; picture-in-picture');
    frame.setAttribute('allowfullscreen', '');
    frame.style.cssText = 'display:block;width:100%;max-width:100%;height:320px;border:0;overflow:hidden;color-scheme:normal';
    const src = `${origin}/embed/${encodeURIComponent(handle)}${query(script)}`;
    state.frames.push(frame);
    script.parentNode.insertBefore(frame, script.nextSibling);
    if (!('IntersectionObserver' in window)) {
      frame.src = src;
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((x) => x.isIntersecting)) return;
        observer.disconnect();
        frame.src = src;
      },
      { rootMargin: '300px' },
    );
    observer.observe(frame);
  };

  // Every tag of this app that is not mounted yet, so several embeds on one page each get theirs
  // (whether the browser runs this file once or once per tag).
  for (const script of document.querySelectorAll('script[data-showreel]:not([data-showreel-mounted])')) {
    if (script.src && new URL(script.src, location.href).origin === origin) mount(script);
  }
})();
