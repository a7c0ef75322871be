/* Samen op weg: a live count of the characters left in a long text.
 *
 * Every textarea with data-maxlength (core.fields.LongTextField) gets a small line after it,
 * an aria-live="polite" region that stays empty until the text comes close to its limit (the
 * last tenth), then says "Nog 120 tekens." and, above the limit, how many are too many. The
 * textarea has no maxlength attribute on purpose: the browser would cut a pasted text without a
 * word. The server refuses a text that is too long and keeps it in the form and in its draft.
 * The words come from the page (data-counter-left, data-counter-over), translated by Django.
 *
 * It only listens to "input" and never stops it, so the autosave and the plain-language check
 * (both htmx, on the same textarea) see every key as before. Forms that htmx brings in later
 * get their counter on htmx:load.
 */
(function () {
  "use strict";

  var WAIT_MS = 600; // speak after a pause in typing, not on every key

  function threshold(limit) {
    return Math.max(50, Math.round(limit / 10));
  }

  function say(template, count) {
    return template.replace("%(count)s", String(count));
  }

  function attach(textarea) {
    if (textarea.dataset.counterReady) {
      return;
    }
    var limit = parseInt(textarea.dataset.maxlength, 10);
    if (!(limit > 0)) {
      return;
    }
    textarea.dataset.counterReady = "1";
    var region = document.createElement("p");
    region.className = "char-count";
    region.id = (textarea.id || "text") + "-count";
    region.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", region);
    var described = textarea.getAttribute("aria-describedby");
    textarea.setAttribute("aria-describedby", described ? described + " " + region.id : region.id);

    var timer = null;
    function update() {
      var left = limit - textarea.value.length;
      var text = "";
      if (left < 0) {
        text = say(textarea.dataset.counterOver || "", -left);
      } else if (left <= threshold(limit)) {
        text = say(textarea.dataset.counterLeft || "", left);
      }
      region.classList.toggle("over", left < 0);
      if (region.textContent !== text) {
        region.textContent = text;
      }
    }
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, WAIT_MS);
    });
    update(); // a form shown again with a text that is too long says so at once
  }

  function attachAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var found = scope.querySelectorAll("textarea[data-maxlength]");
    for (var i = 0; i < found.length; i++) {
      attach(found[i]);
    }
    if (scope.matches && scope.matches("textarea[data-maxlength]")) {
      attach(scope);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { attachAll(document); });
  } else {
    attachAll(document);
  }
  document.addEventListener("htmx:load", function (event) { attachAll(event.target); });
})();
