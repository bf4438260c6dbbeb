// The review queue by keyboard: J/K or ↓/↑ select a row, A accepts its suggested category,
// C opens an inline correction (catalog leaves offered as one types; Enter confirms, Esc cancels).
// Each decision posts to the screen route; the row then disappears and the next is selected.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("review-queue");
    if (!table) return;
    var message = document.getElementById("review-message");
    var empty = document.getElementById("review-empty");
    var correction = document.getElementById("correction");
    var input = document.getElementById("correct-category");
    var options = document.getElementById("correct-category-options");
    var correctionRow = null;

    function rows() { return Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-ticket-id]")); }
    function selected() { return table.querySelector("tbody tr.selected"); }
    function select(row) {
      rows().forEach(function (other) { other.classList.remove("selected"); });
      if (!row) return;
      row.classList.add("selected");
      row.scrollIntoView({ block: "nearest" });
    }
    function move(step) {
      var all = rows();
      if (!all.length) return;
      var index = all.indexOf(selected());
      select(all[Math.min(all.length - 1, Math.max(0, index + step))]);
    }
    function closeCorrection() {
      correction.hidden = true;
      document.querySelector("main").appendChild(correction);
      if (correctionRow) { correctionRow.remove(); correctionRow = null; }
    }
    function openCorrection(row) {
      closeCorrection();
      correctionRow = document.createElement("tr");
      correctionRow.className = "correction-row";
      var cell = document.createElement("td");
      cell.colSpan = row.cells.length;
      correctionRow.appendChild(cell);
      row.after(correctionRow);
      cell.appendChild(correction);
      correction.hidden = false;
      input.value = "";
      options.innerHTML = "";
      input.focus();
    }
    function decide(row, code) {
      if (!row || !code) return;
      Hotline.post("/ui/review/" + row.getAttribute("data-ticket-id") + "/classification", { category_code: code })
        .then(function (result) {
          if (!result.ok) { message.innerHTML = result.html; return; }
          message.innerHTML = "";
          closeCorrection();
          var index = rows().indexOf(row);
          row.remove();
          var rest = rows();
          select(rest[Math.min(index, rest.length - 1)] || null);
          if (!rest.length) empty.hidden = false;
        });
    }

    var lastWords = "";
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var words = input.value.trim();
        if (!words || words === lastWords) return;
        lastWords = words;
        Hotline.fragment("/ui/review/leaves?q=" + encodeURIComponent(words)).then(function (html) {
          if (words === lastWords) options.innerHTML = html;
        });
      }, 250);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); closeCorrection(); return; }
      if (event.key !== "Enter") return;
      event.preventDefault();
      var value = input.value.trim();
      var codes = Array.prototype.map.call(options.querySelectorAll("option"), function (option) { return option.value; });
      decide(selected(), codes.indexOf(value) >= 0 || !codes.length ? value : codes[0]);
    });

    // Accept buttons post through the script too, so the page stays where it is.
    table.addEventListener("submit", function (event) {
      var row = event.target.closest("tr[data-ticket-id]");
      if (!row) return;
      event.preventDefault();
      select(row);
      decide(row, row.getAttribute("data-code"));
    });

    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
      var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (key === "j" || key === "ArrowDown") { event.preventDefault(); move(1); }
      else if (key === "k" || key === "ArrowUp") { event.preventDefault(); move(-1); }
      else if (key === "a") { event.preventDefault(); decide(selected(), selected() && selected().getAttribute("data-code")); }
      else if (key === "c" && selected()) { event.preventDefault(); openCorrection(selected()); }
    });

    select(rows()[0] || null);
  });
})();
