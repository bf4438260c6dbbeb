// The operator's desk: suggestions while a call is typed (classifier, knowledge base, gazetteer),
// Alt+1/2/3 to take a suggested category. Ctrl+Enter and Alt+A use the shared data-shortcut keys.
(function () {
  "use strict";

  function debounce(work, milliseconds) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(work, milliseconds);
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("desk-form");
    if (!form) return;
    var place = document.getElementById("place");
    var placeList = document.getElementById("place-suggestions");
    var text = document.getElementById("request-text");
    var assist = document.getElementById("assist");
    var category = document.getElementById("category-code");
    var chosen = document.getElementById("category-chosen");

    var invalid = form.querySelector('[aria-invalid="true"]');
    if (invalid) invalid.focus();

    // The classifier's suggestions and the knowledge answers for what is typed so far.
    var lastAssist = "";
    var refreshAssist = debounce(function () {
      var query = "text=" + encodeURIComponent(text.value) + "&place=" + encodeURIComponent(place.value);
      if (query === lastAssist) return;
      lastAssist = query;
      Hotline.fragment("/ui/desk/assist?" + query).then(function (html) {
        if (query === lastAssist) assist.innerHTML = html;
      }).catch(function () { lastAssist = ""; });
    }, 300);
    text.addEventListener("input", refreshAssist);
    place.addEventListener("input", refreshAssist);

    // The caller's earlier tickets, once a phone number is typed.
    var phone = document.getElementById("caller-phone");
    var history = document.getElementById("caller-history");
    var lastPhone = "";
    var refreshHistory = debounce(function () {
      var typed = phone.value.trim();
      if (typed === lastPhone || typed.replace(/\D/g, "").length < 7) return;
      lastPhone = typed;
      Hotline.fragment("/ui/desk/caller?phone=" + encodeURIComponent(typed)).then(function (html) {
        if (typed === lastPhone) history.innerHTML = html;
      }).catch(function () { lastPhone = ""; });
    }, 400);
    phone.addEventListener("input", refreshHistory);

    // The gazetteer's places for what is typed in #place; ↓ enters the list, Enter takes one.
    var lastPlace = "";
    var refreshPlaces = debounce(function () {
      var typed = place.value.trim();
      if (typed === lastPlace) return;
      lastPlace = typed;
      if (!typed) { placeList.innerHTML = ""; return; }
      Hotline.fragment("/ui/desk/places?q=" + encodeURIComponent(typed)).then(function (html) {
        if (typed === lastPlace) placeList.innerHTML = html;
      }).catch(function () { lastPlace = ""; });
    }, 300);
    place.addEventListener("input", refreshPlaces);
    text.addEventListener("focus", function () { placeList.innerHTML = ""; });
    function placeButtons() { return Array.prototype.slice.call(placeList.querySelectorAll("button")); }
    place.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && placeButtons().length) {
        event.preventDefault();
        placeButtons()[0].focus();
      } else if (event.key === "Escape") {
        placeList.innerHTML = "";
      }
    });
    placeList.addEventListener("keydown", function (event) {
      var buttons = placeButtons();
      var index = buttons.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && index < buttons.length - 1) { event.preventDefault(); buttons[index + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? buttons[index - 1] : place).focus(); }
      if (event.key === "Escape") { event.preventDefault(); placeList.innerHTML = ""; place.focus(); }
    });
    placeList.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-place-value]");
      if (!button) return;
      place.value = button.getAttribute("data-place-value");
      lastPlace = place.value.trim();
      placeList.innerHTML = "";
      place.focus();
      refreshAssist();
    });

    // A suggested category (clicked, or Alt+1/2/3 through data-shortcut) becomes the operator's.
    assist.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-pick-category]");
      if (!button) return;
      category.value = button.getAttribute("data-pick-category");
      chosen.textContent = button.getAttribute("data-path") + " (" + category.value + ")";
      assist.querySelectorAll("button[data-pick-category]").forEach(function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
    });
  });
})();
