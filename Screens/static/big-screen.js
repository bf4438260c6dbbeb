// The big screen: a clock on the platform's time and new tickets highlighted as they arrive. The
// panels refresh themselves through screens.js ([data-refresh]); the board's grid fills the
// window without scrolling (big-screen.css).
(function () {
  "use strict";

  function startClock() {
    var clock = document.getElementById("screen-clock");
    if (!clock) return;
    var offset = Date.parse(document.body.getAttribute("data-now") || "") - Date.now();
    if (isNaN(offset)) offset = 0;
    function tick() {
      var now = new Date(Date.now() + offset);
      clock.textContent = now.toLocaleString(document.documentElement.lang || undefined, { hour12: false });
    }
    tick();
    setInterval(tick, 1000);
  }

  var seen = null;
  function markFresh() {
    var items = document.querySelectorAll("#latest-tickets li[data-ticket-number]");
    var numbers = Array.prototype.map.call(items, function (item) { return item.getAttribute("data-ticket-number"); });
    if (seen) {
      items.forEach(function (item) {
        if (seen.indexOf(item.getAttribute("data-ticket-number")) < 0) item.classList.add("fresh");
      });
    }
    seen = numbers;
  }

  document.addEventListener("DOMContentLoaded", function () {
    startClock();
    markFresh();
    document.addEventListener("hotline:refreshed", function (event) {
      if (event.detail && event.detail.closest && event.detail.closest("#latest-tickets")) markFresh();
    });
  });
})();
