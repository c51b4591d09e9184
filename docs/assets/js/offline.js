/* Offline use: registers the service worker (sw.js at the site root, see macros/sw.js) and
   says plainly, under the header search box, that search needs a connection while there
   is none. Self-contained: it never touches the search box itself (zoeken.js). */
(function () {
  "use strict";
  var script = document.currentScript;

  /* `make serve` (mkdocs serve) reloads on every edit: stored copies would only get in the
     way there, so no worker, and one left from a built site is removed. */
  function liveReloading() {
    return Array.prototype.some.call(document.querySelectorAll("script:not([src])"), function (s) {
      return s.textContent.indexOf("livereload(") !== -1;
    });
  }

  function registerWorker() {
    if (!("serviceWorker" in navigator) || !script || !script.src) return;
    if (liveReloading()) {
      navigator.serviceWorker.getRegistrations().then(function (all) {
        all.forEach(function (registration) { registration.unregister(); });
      });
      return;
    }
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

  /* After the page has loaded: storing files never competes with the page itself (and
     mkdocs serve's live-reload script, added after this one, is in place by then). */
  window.addEventListener("load", registerWorker);
  connectRetry();
  showSearchNote(navigator.onLine === false);
  window.addEventListener("offline", function () { showSearchNote(true); });
  window.addEventListener("online", function () { showSearchNote(false); });
})();
