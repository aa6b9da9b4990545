/* tvdesk's side of the webphone bridge. Runs in an isolated world of tvdesk's host page:
   the vendor's scripts (the hidden mode loads one into the page) cannot reach it.
   Events are accepted only from the webphone frame and its origin; commands are posted
   only to that frame and that origin. */
(function () {
  'use strict';
  var origin = document.documentElement.getAttribute('data-webphone-origin');
  if (!origin) { return; }  /* not a webphone host page (the blank warm-up one) */
  var bridge = null;
  var early = [];

  function frame() {
    return document.getElementById('webphone') ||
      document.querySelector('#widget-evoline-api-container iframe');
  }

  window.addEventListener('message', function (event) {
    var f = frame();
    if (!origin || event.origin !== origin || !f || event.source !== f.contentWindow) {
      if (bridge) { bridge.rejected(String(event.origin)); }
      return;
    }
    var text;
    try { text = JSON.stringify(event.data); } catch (e) { return; }
    if (typeof text !== 'string' || text.length > 65536) { return; }
    if (bridge) { bridge.event(text, event.origin); } else { early.push(text); }
  });

  new QWebChannel(qt.webChannelTransport, function (channel) {
    bridge = channel.objects.bridge;
    bridge.command.connect(function (json) {
      var f = frame();
      if (!f || !f.contentWindow) { bridge.undelivered(json); return; }
      f.contentWindow.postMessage(JSON.parse(json), origin);
    });
    early.forEach(function (text) { bridge.event(text, origin); });
    early = [];
    bridge.ready();
  });
})();
