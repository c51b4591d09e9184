/* Mijn selectie: tools, principes and fases a visitor puts together for a session.
   Kept in localStorage (this device only, no cookies). The /selectie/ page lists them and
   builds a printable session pack from the site's own record pages. Titles are set with
   textContent; the pack takes the record content from our own, already sanitised pages,
   drops scripts, ids and controls, and moves headings one level down. */
(function () {
  "use strict";
  var KEY = "menukaart:selectie";
  var script = document.currentScript;
  var siteRoot = script ? new URL("../../", script.src) : new URL("/", location.href); /* assets/js/selectie.js */

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(saved) ? saved.filter(function (i) { return i && typeof i.u === "string" && /^[a-z0-9-]+\/[a-z0-9-]+\/$/.test(i.u); }) : [];
    } catch (e) {
      return [];
    }
  }

  function save(items) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(items));
    } catch (e) { /* storage off: the selection lasts only for this page */ }
  }

  function has(items, url) {
    return items.some(function (i) { return i.u === url; });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* -- the buttons on a record page */

  function setUpRecordPage() {
    var button = document.querySelector("[data-mk-select]");
    var printButton = document.querySelector("[data-mk-print]");
    if (printButton) {
      printButton.hidden = false;
      printButton.addEventListener("click", function () { window.print(); });
    }
    if (!button) return;
    var url = button.getAttribute("data-mk-url");
    var link = document.querySelector("[data-mk-select-link]");
    var count = document.querySelector("[data-mk-select-count]");
    var status = document.querySelector("[data-mk-select-status]");

    function show(items) {
      var inIt = has(items, url);
      button.setAttribute("data-mk-selected", inIt ? "true" : "false");
      button.textContent = inIt ? "Haal uit mijn selectie" : "Bewaar in mijn selectie";
      if (count) count.textContent = String(items.length);
      if (link) link.hidden = items.length === 0;
    }

    button.hidden = false;
    show(load());
    button.addEventListener("click", function () {
      var items = load();
      var adding = !has(items, url);
      if (adding) {
        items.push({ u: url, t: button.getAttribute("data-mk-title"), s: button.getAttribute("data-mk-soort") });
      } else {
        items = items.filter(function (i) { return i.u !== url; });
      }
      save(items);
      show(items);
      if (status) status.textContent = adding ? "Bewaard in je selectie." : "Uit je selectie gehaald.";
    });
    window.addEventListener("storage", function (event) { if (event.key === KEY) show(load()); });
  }

  /* -- the /selectie/ page */

  function cleanPart(doc) {
    var record = doc.querySelector(".mk-record");
    if (!record) return null;
    record.querySelectorAll("script, style, button, .mk-record__actions, .mk-history, .headerlink, .mk-stepper, [data-pagefind-filter], [data-pagefind-meta], [data-pagefind-sort], .mk-checklist__tools").forEach(function (n) {
      if (n.tagName === "H1") { n.removeAttribute("data-pagefind-meta"); return; }
      n.remove();
    });
    record.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    record.querySelectorAll("[aria-labelledby]").forEach(function (n) { n.removeAttribute("aria-labelledby"); });
    record.querySelectorAll("[data-mk-checklist]").forEach(function (n) { n.removeAttribute("data-mk-checklist"); });
    record.querySelectorAll("input").forEach(function (n) { n.removeAttribute("name"); });
    record.querySelectorAll("a[href]").forEach(function (a) { a.setAttribute("href", a.href); }); /* absolute: the pack lives elsewhere */
    ["h5", "h4", "h3", "h2", "h1"].forEach(function (tag) {
      record.querySelectorAll(tag).forEach(function (h) {
        var lower = doc.createElement("h" + (Number(tag[1]) + 1));
        while (h.firstChild) lower.appendChild(h.firstChild);
        lower.className = h.className;
        h.replaceWith(lower);
      });
    });
    return record;
  }

  function setUpSelectionPage(box) {
    var list = box.querySelector("[data-mk-selectie-lijst]");
    var empty = box.querySelector("[data-mk-selectie-leeg]");
    var actions = box.querySelector("[data-mk-selectie-acties]");
    var pack = box.querySelector("[data-mk-selectie-pakket]");
    var status = box.querySelector("[data-mk-selectie-status]");
    var printButton = box.querySelector("[data-mk-selectie-print]");
    var clearButton = box.querySelector("[data-mk-selectie-wissen]");
    box.hidden = false;

    function render(announce) {
      var items = load();
      list.replaceChildren();
      items.forEach(function (item) {
        var li = el("li");
        li.setAttribute("data-mk-selectie-item", item.u);
        var text = el("span");
        var a = el("a", null, item.t || item.u);
        a.href = new URL(item.u, siteRoot).href;
        text.appendChild(a);
        if (item.s) text.appendChild(el("span", "mk-selectie__soort", " · " + item.s));
        var remove = el("button", "mk-button mk-button--quiet", "Haal weg");
        remove.type = "button";
        remove.setAttribute("aria-label", "Haal " + (item.t || item.u) + " uit je selectie");
        remove.addEventListener("click", function () {
          save(load().filter(function (i) { return i.u !== item.u; }));
          render("‘" + (item.t || item.u) + "’ is uit je selectie gehaald.");
          (printButton && !printButton.hidden ? printButton : list).focus();
        });
        li.appendChild(text);
        li.appendChild(remove);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      empty.hidden = items.length !== 0;
      actions.hidden = items.length === 0;
      if (status && announce) status.textContent = announce;
      buildPack(items);
    }

    var generation = 0;
    function buildPack(items) {
      var mine = ++generation;
      pack.replaceChildren();
      pack.setAttribute("aria-busy", "true");
      Promise.all(items.map(function (item) {
        return fetch(new URL(item.u, siteRoot).href, { credentials: "same-origin" })
          .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
          .then(function (html) { return cleanPart(new DOMParser().parseFromString(html, "text/html")); })
          .catch(function () { return null; });
      })).then(function (parts) {
        if (mine !== generation) return;
        parts.forEach(function (part, i) {
          var wrapper = el("article", "mk-pack__item");
          wrapper.setAttribute("data-mk-pack-item", items[i].u);
          if (part) {
            wrapper.appendChild(document.importNode(part, true));
          } else {
            wrapper.appendChild(el("h2", null, items[i].t || items[i].u));
            wrapper.appendChild(el("p", null, "Deze pagina kon niet worden geladen. Probeer het later opnieuw."));
          }
          pack.appendChild(wrapper);
        });
        pack.removeAttribute("aria-busy");
      });
    }

    printButton.addEventListener("click", function () { window.print(); });
    clearButton.addEventListener("click", function () {
      save([]);
      render("Je selectie is leeg gemaakt.");
    });
    window.addEventListener("storage", function (event) { if (event.key === KEY) render(); });
    render();
  }

  var selectionPage = document.querySelector("[data-mk-selectie]");
  if (selectionPage) setUpSelectionPage(selectionPage);
  else setUpRecordPage();
})();
