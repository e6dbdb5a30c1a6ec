// embed.js: put a Showreel showcase on any website with one line,
//   <script src="https://APP/embed.js" data-showreel="HANDLE" async></script>
// optionally with data-layout, data-theme, data-max, data-stats, data-title. Plain JavaScript, no
// dependency: it inserts an iframe where the tag stands, loads it when it nears the viewport, and
// sizes it from the embed's own resize messages (accepted only from this app's origin and only for
// the iframe that sent them).
(function () {
  var me = document.currentScript;
  if (!me || !me.src) return;
  var origin = new URL(me.src).origin;
  var registry = (window.__showreel = window.__showreel || {});
  var frames = (registry[origin] = registry[origin] || []);

  if (!frames.listening) {
    frames.listening = true;
    window.addEventListener('message', function (e) {
      if (e.origin !== origin || !e.data || e.data.type !== 'showreel:resize') return;
      var height = Number(e.data.height);
      if (!(height > 0 && height < 100000)) return;
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].contentWindow === e.source) frames[i].style.height = Math.ceil(height) + 'px';
      }
    });
  }

  function query(script) {
    var q = [];
    ['layout', 'theme', 'max', 'stats', 'title'].forEach(function (name) {
      var v = script.getAttribute('data-' + name);
      if (v !== null && v !== '') q.push(name + '=' + encodeURIComponent(v));
    });
    return q.length ? '?' + q.join('&') : '';
  }

  function mount(script) {
    script.setAttribute('data-showreel-mounted', '');
    var handle = script.getAttribute('data-showreel');
    var frame = document.createElement('iframe');
    frame.title = 'Showreel: ' + handle;
    frame.setAttribute('scrolling', 'no');
    frame.setAttribute('allow', 'autoplay; fullscreen; encrypted-media; picture-in-picture');
    frame.setAttribute('allowfullscreen', '');
    frame.style.cssText = 'display:block;width:100%;max-width:100%;height:320px;border:0;overflow:hidden;color-scheme:normal';
    var src = origin + '/embed/' + encodeURIComponent(handle) + query(script);
    frames.push(frame);
    script.parentNode.insertBefore(frame, script.nextSibling);
    if (!('IntersectionObserver' in window)) {
      frame.src = src;
      return;
    }
    var observer = new IntersectionObserver(
      function (entries) {
        if (!entries.some(function (x) { return x.isIntersecting; })) return;
        observer.disconnect();
        frame.src = src;
      },
      { rootMargin: '300px' },
    );
    observer.observe(frame);
  }

  // Every tag of this app that is not mounted yet, so several embeds on one page each get theirs
  // (whether the browser runs this file once or once per tag).
  var scripts = document.querySelectorAll('script[data-showreel]:not([data-showreel-mounted])');
  for (var i = 0; i < scripts.length; i++) {
    if (scripts[i].src && new URL(scripts[i].src, location.href).origin === origin) mount(scripts[i]);
  }
})();
