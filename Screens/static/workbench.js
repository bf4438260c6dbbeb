// The unit's workbench: the live inbox (Server-Sent Events through Hotline.live), the counts by
// kind, acknowledging without leaving the page, and the kind filter. Items arriving live are
// built with DOM methods from the event's JSON and the words the page embeds
// (#workbench-labels), never from HTML strings.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("workbench");
    if (!root) return;
    var labels = JSON.parse(document.getElementById("workbench-labels").textContent);
    var list = document.getElementById("inbox-items");
    var selected = root.getAttribute("data-kind");
    var canAcknowledge = root.getAttribute("data-can-acknowledge") === "true";
    var acknowledgeUrl = root.getAttribute("data-acknowledge");

    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined && text !== null) node.textContent = text;
      return node;
    }

    // The open count of `kind` changes by `delta`.
    function count(kind, delta) {
      var item = document.querySelector('#inbox-counts [data-kind="' + kind + '"]');
      if (!item) return;
      var number = item.querySelector(".count");
      var value = Math.max(0, (parseInt(number.textContent, 10) || 0) + delta);
      number.textContent = String(value);
      item.classList.toggle("none", value === 0);
    }

    // As the server shows times: 2026-12-04 17:30 in the city's time zone (<body data-time-zone>).
    var cityTime = new Intl.DateTimeFormat("sv-SE", {
      timeZone: document.body.getAttribute("data-time-zone") || undefined, year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false
    });
    function shown(iso) {
      var date = new Date(iso);
      return isNaN(date) ? iso : cityTime.format(date);
    }

    // An <li> like the server renders for `item` (the API's inbox item JSON).
    function render(item) {
      var li = element("li", "inbox-item unread fresh");
      li.setAttribute("data-item-id", String(item.id));
      li.setAttribute("data-kind", item.kind);
      var ticketId = item.ticket_id ? String(item.ticket_id).toLowerCase() : "";
      li.setAttribute("data-ticket-id", ticketId);
      li.appendChild(element("span", "tag kind", labels.kinds[item.kind] || item.kind));
      li.appendChild(document.createTextNode(" "));
      if (ticketId) {
        // Early warnings are about no single ticket.
        var link = element("a", "ticket-link", item.ticket_number || ticketId);
        link.href = "/ui/tickets/" + encodeURIComponent(ticketId);
        li.appendChild(link);
        li.appendChild(document.createTextNode(" "));
      }
      var time = element("time", null, shown(item.created_at));
      time.setAttribute("datetime", item.created_at);
      li.appendChild(time);
      if (item.due_at) {
        var due = element("span", "due");
        due.appendChild(element("span", "muted", labels.text.due));
        due.appendChild(document.createTextNode(" "));
        var countdown = element("span", "countdown", item.due_at);
        countdown.setAttribute("data-deadline", item.due_at);
        due.appendChild(countdown);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(due);
      }
      if (item.note) li.appendChild(element("div", "note", item.note));
      var state = element("span", "item-state");
      state.appendChild(element("span", "unread-mark", labels.text.unread));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(state);
      if (canAcknowledge && !item.acknowledged_at) {
        var form = element("form", "inline ack");
        form.method = "post";
        form.action = acknowledgeUrl;
        var token = element("input");
        token.type = "hidden"; token.name = "form_token"; token.value = Hotline.formToken();
        var id = element("input");
        id.type = "hidden"; id.name = "item"; id.value = String(item.id);
        var button = element("button", "secondary acknowledge", labels.text.acknowledge);
        button.type = "submit";
        form.appendChild(token); form.appendChild(id); form.appendChild(button);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(form);
      }
      return li;
    }

    // The item `li` is acknowledged: its button goes, its mark says so, its kind counts one less.
    function acknowledged(li) {
      if (li.classList.contains("acknowledged")) return;
      li.classList.add("acknowledged");
      li.classList.remove("unread");
      var form = li.querySelector("form.ack");
      if (form) form.remove();
      var state = li.querySelector(".item-state");
      if (state) { state.textContent = ""; state.appendChild(element("span", "acknowledged-mark", labels.text.acknowledged)); }
      count(li.getAttribute("data-kind"), -1);
    }

    Hotline.live(root.getAttribute("data-stream"), Object.keys(labels.kinds), function (type, item) {
      if (!item || typeof item !== "object") return;
      if (list.querySelector('[data-item-id="' + item.id + '"]')) return;
      if (!item.acknowledged_at) count(item.kind, 1);
      var empty = document.getElementById("inbox-empty");
      if (selected && item.kind !== selected) return;
      if (empty) empty.remove();
      list.insertBefore(render(item), list.firstChild);
    });

    // Acknowledge in place; if the gateway refuses, the form is sent the ordinary way and the
    // error page says why.
    list.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.classList || !form.classList.contains("ack")) return;
      event.preventDefault();
      var li = form.closest("li");
      Hotline.post(form.action, new FormData(form)).then(function (result) {
        if (result.ok) acknowledged(li); else form.submit();
      }, function () { form.submit(); });
    });

    var filter = document.getElementById("inbox-kind");
    if (filter) filter.addEventListener("change", function () { filter.form.submit(); });
  });
})();
