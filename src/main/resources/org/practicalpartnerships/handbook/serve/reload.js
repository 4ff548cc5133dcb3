// Handbook preview: reloads the page when `handbook serve` has rebuilt the site.
// Served only by the preview server, which adds it to pages as it sends them; never in a build.
(function () {
  "use strict";
  // The error panel stays folded across reloads while it reports the same problems.
  var panel = document.querySelector("#handbook-errors details");
  if (panel && window.sessionStorage) {
    var summary = panel.querySelector("summary").textContent;
    try {
      if (sessionStorage.getItem("handbook-errors-folded") === summary) {
        panel.open = false;
      }
      panel.addEventListener("toggle", function () {
        sessionStorage.setItem("handbook-errors-folded", panel.open ? "" : summary);
      });
    } catch (e) {
      // Storage refused (private mode, say): the panel simply opens each time.
    }
  }
  if (!("EventSource" in window)) {
    return;
  }
  var source = new EventSource("/__handbook/events");
  source.addEventListener("reload", function () {
    source.close();
    window.location.reload();
  });
})();
