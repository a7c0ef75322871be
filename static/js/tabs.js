/* Samen op weg: on a phone the trajectory's tabs are one row that scrolls sideways within itself
 * (app.css); this brings the current tab into that row's view when the page opens, so the tab of
 * the page you are on is not hidden past the edge. Without JavaScript the row starts at the first
 * tab and still scrolls. Only the row moves, never the page.
 */
(function () {
  "use strict";

  function showCurrentTab() {
    var current = document.querySelector('.tabs a[aria-current="page"]');
    if (!current) return;
    var row = current.closest(".tabs");
    if (!row || row.scrollWidth <= row.clientWidth) return;
    var item = current.parentElement;
    row.scrollLeft = item.offsetLeft - (row.clientWidth - item.offsetWidth) / 2;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showCurrentTab);
  } else {
    showCurrentTab();
  }
})();
