/* Hidden webphone loader: the host page includes this script, as the vendor's samples do,
   next to <div id="widget-evoline-api-container">. It creates the webphone iframe there
   with id="webphone": the vendor's sample functions post through that global
   (webphone.contentWindow.postMessage(...)). */
(function () {
  'use strict';
  var src = __WEBPHONE_SRC__;
  function mount() {
    var container = document.getElementById('widget-evoline-api-container');
    if (!container) {
      container = document.createElement('div');
      container.id = 'widget-evoline-api-container';
      document.body.appendChild(container);
    }
    var frame = document.createElement('iframe');
    frame.id = 'webphone';
    frame.src = src;
    frame.allow = 'microphone; autoplay';
    frame.title = 'webphone';
    frame.setAttribute('data-webphone', 'hidden');
    /* invisible, yet laid out: a display:none frame may be starved by the browser */
    frame.style.cssText = 'position:absolute;left:-10000px;top:0;width:1px;height:1px;border:0;';
    container.appendChild(frame);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mount);
  } else {
    mount();
  }
})();
