/* tvdesk's side of the webphone bridge. Runs in an isolated world of tvdesk's host page:
   the vendor's scripts (the hidden mode loads one into the page's main world) cannot reach
   it, and nothing they do is trusted. The webphone's frame is the one whose address is on
   the webphone's origin (not "the first frame"); events count only when the browser itself
   delivered them (isTrusted) from that frame and origin; commands go only to that frame
   and origin. */
(function () {
  'use strict';
  var origin = document.documentElement.getAttribute('data-webphone-origin');
  if (!origin) { return; }  /* not a webphone host page (the blank warm-up one) */
  var bridge = null;
  var early = [];

  function originOf(src) {
    try { return new URL(src, location.href).origin; } catch (e) { return null; }
  }
  function frame() {
    var found = null;
    var all = document.getElementsByTagName('iframe');
    for (var i = 0; i < all.length; i++) {
      if (originOf(all[i].src) !== origin) { continue; }
      if (all[i].id === 'webphone') { return all[i]; }
      found = found || all[i];
    }
    return found;
  }

  window.addEventListener('message', function (event) {
    var f = frame();
    if (!event.isTrusted || event.origin !== origin || !f || event.source !== f.contentWindow) {
      if (bridge) { bridge.rejected(String(event.origin)); }
      return;
    }
    var text;
    try { text = JSON.stringify(event.data); } catch (e) { return; }
    if (typeof text !== 'string' || text.length > 65536) { return; }
    if (bridge) { bridge.event(text, event.origin); } else { early.push(text); }
  });

  /* Hidden mode: the vendor's script builds the frame. Say when it is there, so that tvdesk
     can frame the URL itself when the script builds none. */
  function watchForFrame() {
    if (frame()) { bridge.framed(); return; }
    var observer = new MutationObserver(function () {
      if (frame()) { observer.disconnect(); bridge.framed(); }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true,
                                                 attributes: true, attributeFilter: ['src'] });
  }

  new QWebChannel(qt.webChannelTransport, function (channel) {
    bridge = channel.objects.bridge;
    bridge.command.connect(function (json) {
      var f = frame();
      if (!f || !f.contentWindow) { bridge.undelivered(json); return; }
      f.contentWindow.postMessage(JSON.parse(json), origin);
    });
    early.forEach(function (text) { bridge.event(text, origin); });
    early = [];
    watchForFrame();
    bridge.ready();
  });
})();
