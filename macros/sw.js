/* Menukaart offline: the service worker, written to the site root by macros/offline.py
   (which fills in BUILD and PRECACHE). Only this site's own files, nothing from elsewhere.
   - On the first visit it stores the shell (styles, scripts, icons) and the pages a
     procesbegeleider needs in a buurthuis without wifi: routekaart, tools, principes,
     Mijn selectie, the planner, and the offline page.
   - Pages: network first, so an online visitor always gets the current page; a copy of
     every page opened is kept for later. Offline: the stored copy, or the offline page.
   - Other files: the stored shell copy, else network first with a stored copy as fallback.
   - The search index (pagefind/) is never stored: search says it needs a connection.
   - Every build has its own id, so a new build's worker deletes the old caches. */
"use strict";

var BUILD = "__MENUKAART_BUILD__";
var PRECACHE = __MENUKAART_PRECACHE__; /* URLs relative to this file */
var OFFLINE = "offline/";
var PREFIX = "menukaart-";
var SHELL = PREFIX + "shell-" + BUILD;
var PAGES = PREFIX + "pages-" + BUILD;
var SCOPE = new URL("./", self.location.href).href;
var NOT_STORED = /\/pagefind\/|\/livereload/;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) {
      /* One by one: a file that is missing does not stop the others being stored. */
      return Promise.all(PRECACHE.map(function (path) {
        var request = new Request(new URL(path, SCOPE).href, { cache: "reload", credentials: "same-origin" });
        return fetch(request).then(function (response) {
          if (response.ok) return cache.put(request, response);
        }).catch(function () { return null; });
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== SHELL && name !== PAGES;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0 || NOT_STORED.test(request.url)) return;
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});

function store(request, response) {
  if (!response.ok || response.type !== "basic") return;
  var copy = response.clone();
  caches.open(PAGES).then(function (cache) { return cache.put(request, copy); });
}

function stored(request, options) {
  return caches.open(PAGES).then(function (pages) { return pages.match(request, options); })
    .then(function (hit) { return hit || caches.open(SHELL).then(function (shell) { return shell.match(request, options); }); });
}

function page(request) {
  return fetch(request).then(function (response) {
    store(request, response);
    return response;
  }).catch(function () {
    /* A menukaart link with filters (?fase=…) opens the stored menukaart. */
    return stored(request, { ignoreSearch: true }).then(function (hit) { return hit || offlinePage(); });
  });
}

function file(request) {
  return caches.open(SHELL).then(function (shell) { return shell.match(request); }).then(function (hit) {
    if (hit) return hit;
    return fetch(request).then(function (response) {
      store(request, response);
      return response;
    }).catch(function (error) {
      return stored(request).then(function (copy) { if (copy) return copy; throw error; });
    });
  });
}

/* The offline page answers for any address; a <base> makes its relative links (styles,
   menu) work from wherever it is shown. */
function offlinePage() {
  var where = new URL(OFFLINE, SCOPE).href;
  return caches.open(SHELL).then(function (shell) { return shell.match(where); }).then(function (hit) {
    var headers = { "Content-Type": "text/html; charset=utf-8" };
    if (!hit) {
      return new Response('<!doctype html><html lang="nl"><meta charset="utf-8"><title>Geen verbinding</title><h1>Geen verbinding</h1><p>Er is geen internet, en deze pagina is niet op dit apparaat bewaard. Probeer het opnieuw als je weer verbinding hebt.</p>', { status: 503, headers: headers });
    }
    return hit.text().then(function (html) {
      return new Response(html.replace(/<head>/i, '<head><base href="' + where + '">'), { status: 503, headers: headers });
    });
  });
}
