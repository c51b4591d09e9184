/* Offline use: registers the service worker (sw.js at the site root, see macros/sw.js) and
   says plainly, under the header search box, that search needs a connection while there
   is none. Self-contained: it never touches the search box itself (zoeken.js). */
(function () {
  "use strict";
  var script = document.currentScript;

  function registerWorker() {
    if (!("serviceWorker" in navigator) || !script || !script.src) return;
    var worker = new URL("../../sw.js", script.src); /* this file is assets/js/offline.js */
    navigator.serviceWorker.register(worker.href, { scope: new URL("./", worker).pathname }).catch(function () {
      /* file:// or a browser that refuses: the site works as before, only not offline */
    });
  }

  var NOTE = "Geen internet: zoeken werkt nu niet. Pagina's die je eerder opende, kun je wel lezen.";
  var note = null;

  /* A line right under the header (near the search box), in the page flow: it covers nothing. */
  function showSearchNote(offline) {
    var search = document.querySelector("[data-mk-search]");
    if (!search) return;
    if (offline && !note) {
      note = document.createElement("p");
      note.className = "mk-offline-note";
      note.setAttribute("role", "status");
      note.setAttribute("data-mk-offline-note", "");
      note.textContent = NOTE;
      var header = search.closest("header") || search;
      header.insertAdjacentElement("afterend", note);
    } else if (!offline && note) {
      note.remove();
      note = null;
    }
  }

  /* The offline page's "Opnieuw proberen": load the address again. */
  function connectRetry() {
    var retry = document.querySelector("[data-mk-offline-retry]");
    if (retry) retry.addEventListener("click", function () { location.reload(); });
  }

  registerWorker();
  connectRetry();
  showSearchNote(navigator.onLine === false);
  window.addEventListener("offline", function () { showSearchNote(true); });
  window.addEventListener("online", function () { showSearchNote(false); });
})();
