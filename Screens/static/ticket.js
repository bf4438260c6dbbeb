// The ticket page: after a handling action, the notice saying it was done takes the focus, so
// a keyboard or screen-reader user hears it and continues from there.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var notice = document.getElementById("action-notice");
    if (notice) notice.focus();
  });
})();
