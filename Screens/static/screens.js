// The screens' shared script: fragments, forms, live streams, countdowns and keyboard shortcuts.
// Plain JavaScript, no library, nothing from the internet. Pages opt in with data attributes.
(function () {
  "use strict";

  function formToken() {
    var meta = document.querySelector('meta[name="form-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // GET a fragment (HTML) from the gateway; rejects on a status other than 2xx.
  function fragment(url) {
    return fetch(url, {
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "text/html" }
    }).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) { var error = new Error(text); error.status = response.status; error.html = text; throw error; }
        return text;
      });
    });
  }

  // POST fields (an object or FormData) with the form token; resolves with the response text.
  function post(url, fields) {
    var body = new URLSearchParams();
    if (fields instanceof FormData) { fields.forEach(function (v, k) { body.append(k, v); }); }
    else { Object.keys(fields || {}).forEach(function (k) { body.append(k, fields[k]); }); }
    if (!body.has("form_token")) body.append("form_token", formToken());
    return fetch(url, {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "X-Requested-With": "fetch", "X-Form-Token": formToken() }
    }).then(function (response) {
      return response.text().then(function (text) { return { ok: response.ok, status: response.status, html: text }; });
    });
  }

  // Follows a Server-Sent Events stream; the browser reconnects with Last-Event-ID by itself.
  // `onEvent(type, data, id)` gets each event; an element [data-live-status] shows the state.
  function live(url, types, onEvent) {
    var status = document.querySelector("[data-live-status]");
    var source = new EventSource(url);
    function show(state) {
      if (!status) return;
      status.setAttribute("data-state", state);
      status.textContent = status.getAttribute("data-label-" + state) || state;
    }
    source.onopen = function () { show("open"); };
    source.onerror = function () { show("reconnecting"); };
    types.forEach(function (type) {
      source.addEventListener(type, function (event) {
        var data = null;
        try { data = JSON.parse(event.data); } catch (e) { data = event.data; }
        onEvent(type, data, event.lastEventId);
      });
    });
    return source;
  }

  // Countdowns: [data-deadline] (ISO time) shows the time left against the server's clock
  // (<body data-now>), coloured by how close the deadline is.
  var serverOffset = 0;
  function startCountdowns() {
    var now = document.body.getAttribute("data-now");
    if (now) serverOffset = Date.parse(now) - Date.now();
    var speed = parseFloat(document.body.getAttribute("data-clock-speed") || "1");
    var loadedAt = Date.now();
    function tick() {
      var serverNow = loadedAt + serverOffset + (Date.now() - loadedAt) * speed;
      document.querySelectorAll("[data-deadline]").forEach(function (element) {
        var deadline = Date.parse(element.getAttribute("data-deadline"));
        if (isNaN(deadline)) return;
        var left = deadline - serverNow;
        var span = Math.abs(left) / 60000;
        var days = Math.floor(span / 1440), hours = Math.floor((span % 1440) / 60), minutes = Math.floor(span % 60);
        var labels = document.body.dataset;
        var text = (days ? days + (labels.unitDay || "d") : "") + hours + (labels.unitHour || "h") + minutes + (labels.unitMinute || "m");
        element.textContent = left < 0 ? (labels.overdue || "-") + text : text;
        var window = parseFloat(element.getAttribute("data-window") || "3600000");
        element.classList.toggle("due-over", left < 0);
        element.classList.toggle("due-soon", left >= 0 && left < window);
        element.classList.toggle("due-ok", left >= window);
      });
    }
    tick();
    setInterval(tick, 1000);
  }

  // [data-refresh=SECONDS][data-src=URL]: the element's content is fetched again every SECONDS
  // until it holds [data-refresh-done]; when the gateway is away the last content stays, marked
  // stale, until it answers again.
  function startRefreshers() {
    document.querySelectorAll("[data-refresh][data-src]").forEach(function (element) {
      var seconds = parseFloat(element.getAttribute("data-refresh")) || 10;
      var timer = null;
      function load() {
        fragment(element.getAttribute("data-src")).then(function (html) {
          element.innerHTML = html;
          element.removeAttribute("data-stale");
          if (element.querySelector("[data-refresh-done]")) clearInterval(timer);
          document.dispatchEvent(new CustomEvent("hotline:refreshed", { detail: element }));
        }).catch(function () { element.setAttribute("data-stale", "true"); });
      }
      timer = setInterval(load, seconds * 1000);
    });
  }

  // [data-shortcut="Alt+S"]: the key focuses (inputs) or clicks (buttons, links) the element.
  function startShortcuts() {
    document.addEventListener("keydown", function (event) {
      var parts = [];
      if (event.altKey) parts.push("Alt");
      if (event.ctrlKey) parts.push("Ctrl");
      if (event.shiftKey && event.key.length > 1) parts.push("Shift");
      var key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
      parts.push(key);
      var combo = parts.join("+");
      var target = document.querySelector('[data-shortcut="' + combo + '"]');
      if (!target) return;
      event.preventDefault();
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) target.focus(); else target.click();
    });
  }

  window.Hotline = { formToken: formToken, fragment: fragment, post: post, live: live };
  document.addEventListener("DOMContentLoaded", function () {
    startCountdowns();
    startRefreshers();
    startShortcuts();
  });
})();
