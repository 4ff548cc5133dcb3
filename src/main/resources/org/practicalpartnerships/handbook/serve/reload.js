// Handbook preview: reloads the page when `handbook serve` has rebuilt the site.
// Served only by the preview server, which adds it to pages as it sends them; never in a build.
(function () {
  "use strict";
  if (!("EventSource" in window)) {
    return;
  }
  var source = new EventSource("/__handbook/events");
  source.addEventListener("reload", function () {
    source.close();
    window.location.reload();
  });
})();
