/* Menukaart: cards from menukaart.json, facets with counts, a text query, all kept in the URL.
   Record text is only ever set with textContent, never parsed as HTML. Cards are built
   once and then shown or hidden, so filtering stays quick with thousands of practices. */
(function () {
  "use strict";
  var root = document.querySelector("[data-menukaart]");
  if (!root) return;

  var form = root.querySelector("[data-menukaart-filters]");
  var facetsBox = root.querySelector("[data-menukaart-facets]");
  var queryInput = root.querySelector("[data-menukaart-query]");
  var cardsBox = root.querySelector("[data-menukaart-cards]");
  var countEl = root.querySelector("[data-menukaart-count]");
  var nounEl = root.querySelector("[data-menukaart-noun]");
  var summaryEl = root.querySelector("[data-menukaart-summary]");
  var messageEl = root.querySelector("[data-menukaart-message]");
  var noJs = root.querySelector("[data-menukaart-nojs]");
  var resetButton = root.querySelector("[data-menukaart-reset]");
  var SHOWN_VALUES = 8; /* longer facets show a "toon alle" button */

  var indexUrl = new URL(root.getAttribute("data-index"), location.href);
  var siteRoot = new URL("../", indexUrl); /* menukaart.json sits in /menukaart/ */
  var data = null; /* {facets: [...], items: [...]} */
  var typeFacet = null;
  var cards = []; /* card element per item */
  var haystacks = []; /* normalised search text per item */
  var paths = []; /* URL path per item, to match the site search's results */
  var valueCounters = {}; /* facet name -> [count element per value] */
  var boxes = {}; /* facet name -> [checkbox per value] */

  function normalise(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /* -- building the page */

  function buildCard(item) {
    var typeValues = item.f.type || [];
    var typeName = typeFacet && typeValues.length ? typeFacet.values[typeValues[0]] : "";
    var card = el("article", "mk-card");
    card.setAttribute("data-menukaart-item", "");
    var title = el("h3", "mk-card__title");
    var link = el("a", null, item.t);
    link.href = new URL(item.u, siteRoot).href;
    title.appendChild(link);
    card.appendChild(title);
    if (typeName) card.appendChild(el("p", "mk-card__type", typeName));
    if (item.s) card.appendChild(el("p", "mk-card__summary", item.s));
    var meta = [];
    data.facets.forEach(function (facet, i) {
      if (facet.name === "fase" || facet.name === "wijk") {
        (item.f[facet.name] || []).forEach(function (v) { meta.push(facet.values[v]); });
      }
    });
    if (meta.length) card.appendChild(el("p", "mk-card__meta", meta.join(" · ")));
    return card;
  }

  /* The cards the HTML already has (principes and tools), by link: kept as they are, so
     nothing on screen is rebuilt or moves when the rest arrives. */
  function cardsInPage() {
    var found = {};
    cardsBox.querySelectorAll("[data-menukaart-item]").forEach(function (card) {
      var link = card.querySelector("a[href]");
      if (link) found[link.href] = card;
    });
    return found;
  }

  function buildFacet(facet, facetIndex) {
    var fieldset = el("fieldset", "mk-facet");
    fieldset.appendChild(el("legend", "mk-facet__legend", facet.label));
    var list = el("ul", "mk-facet__values");
    valueCounters[facet.name] = [];
    boxes[facet.name] = [];
    facet.values.forEach(function (value, valueIndex) {
      var li = el("li", "mk-facet__value");
      if (valueIndex >= SHOWN_VALUES) li.setAttribute("data-menukaart-extra", "");
      var id = "mk-f-" + facetIndex + "-" + valueIndex;
      var box = el("input");
      box.type = "checkbox";
      box.name = facet.name;
      box.value = value;
      box.id = id;
      var label = el("label");
      label.htmlFor = id;
      label.appendChild(el("span", "mk-facet__text", value));
      var counter = el("span", "mk-facet__count");
      label.appendChild(counter);
      li.appendChild(box);
      li.appendChild(label);
      list.appendChild(li);
      valueCounters[facet.name].push(counter);
      boxes[facet.name].push(box);
    });
    fieldset.appendChild(list);
    if (facet.values.length > SHOWN_VALUES) {
      list.id = "mk-facet-" + facetIndex;
      var more = el("button", "mk-button mk-button--quiet mk-facet__more");
      more.type = "button";
      more.setAttribute("aria-controls", list.id);
      var setExpanded = function (open) {
        more.setAttribute("aria-expanded", open ? "true" : "false");
        more.textContent = open ? "Toon minder" : "Toon alle " + facet.values.length;
        list.classList.toggle("mk-facet__values--open", open);
      };
      more.addEventListener("click", function () { setExpanded(more.getAttribute("aria-expanded") !== "true"); });
      setExpanded(false);
      fieldset.appendChild(more);
      fieldset._open = setExpanded;
    }
    return fieldset;
  }

  /* -- state: checkboxes + query <-> URL */

  function chosen() {
    var state = {};
    data.facets.forEach(function (facet) {
      var picked = [];
      boxes[facet.name].forEach(function (box, i) { if (box.checked) picked.push(i); });
      if (picked.length) state[facet.name] = picked;
    });
    return state;
  }

  function writeUrl(state, query) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    data.facets.forEach(function (facet) {
      (state[facet.name] || []).forEach(function (i) { params.append(facet.name, facet.values[i]); });
    });
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    queryInput.value = params.get("q") || "";
    data.facets.forEach(function (facet, facetIndex) {
      var wanted = params.getAll(facet.name);
      var openNeeded = false;
      boxes[facet.name].forEach(function (box, i) {
        box.checked = wanted.indexOf(facet.values[i]) !== -1;
        if (box.checked && i >= SHOWN_VALUES) openNeeded = true;
      });
      var fieldset = facetsBox.children[facetIndex];
      if (openNeeded && fieldset._open) fieldset._open(true);
    });
  }

  /* -- filtering */

  function matchesFacet(item, facetName, picked) {
    var values = item.f[facetName] || [];
    for (var i = 0; i < picked.length; i++) {
      if (values.indexOf(picked[i]) !== -1) return true;
    }
    return false;
  }

  /* The site search (window.menukaartZoek, zoeken.js) also answers the text query: cards it
     finds are shown too, best first, so a whole question or a synonym still finds cards.
     The cards show one query at a time, `current`: the query whose answer is on screen, its
     ranking (site path -> place) and what the search said about it. A new query leaves the
     cards as they are until its own answer arrives, so nothing jumps back to the original
     order while someone types; an answer to a query asked before the latest one is dropped. */
  var current = { query: "", rank: null, info: null };
  var asked = 0;
  var reordered = false;
  var helpEl = null;

  function ask(query) {
    var ticket = ++asked;
    if (!query || typeof window.menukaartZoek !== "function") { showQuery(query, null, null); return; }
    window.menukaartZoek(query, { max: 40 }).then(function (found) {
      if (ticket !== asked) return;
      var rank = {};
      found.forEach(function (r, i) {
        var path = new URL(r.url, siteRoot).pathname;
        if (!(path in rank)) rank[path] = i;
      });
      showQuery(query, rank, { verruimd: !!found.verruimd, gevonden: found.gevonden || [], bedoeld: found.bedoeld || null });
    }).catch(function () {
      if (ticket === asked) showQuery(query, null, null); /* the word filter alone still works */
    });
  }

  function showQuery(query, rank, info) {
    current = { query: query, rank: rank, info: info };
    update();
  }

  function showHelp(shown) {
    var info = current.info;
    var text = info && shown && window.menukaartZoek.uitleg ? window.menukaartZoek.uitleg(info) : "";
    helpEl.replaceChildren();
    if (text) helpEl.appendChild(el("span", "mk-kaart__verruimd", text + " "));
    if (info && info.bedoeld) {
      helpEl.appendChild(document.createTextNode("Bedoelde je: "));
      var b = el("button", "mk-button mk-button--quiet", info.bedoeld);
      b.type = "button";
      b.setAttribute("data-menukaart-bedoeld", "");
      b.addEventListener("click", function () { queryInput.value = info.bedoeld; ask(info.bedoeld); queryInput.focus(); });
      helpEl.appendChild(b);
      helpEl.appendChild(document.createTextNode("?"));
    }
    helpEl.hidden = !helpEl.childNodes.length;
  }

  function order() {
    var ranked = current.rank !== null;
    if (!ranked && !reordered) return;
    var list = cards.map(function (card, i) { return i; });
    if (ranked) {
      list.sort(function (a, b) {
        var ra = current.rank[paths[a]], rb = current.rank[paths[b]];
        ra = ra === undefined ? Infinity : ra;
        rb = rb === undefined ? Infinity : rb;
        return ra - rb || a - b;
      });
    }
    var fragment = document.createDocumentFragment();
    list.forEach(function (i) { fragment.appendChild(cards[i]); });
    cardsBox.appendChild(fragment);
    reordered = ranked;
  }

  function update() {
    var state = chosen();
    var query = current.query;
    var words = normalise(query).split(/\s+/).filter(Boolean);
    var found = current.rank;
    var names = Object.keys(state);
    var counts = {};
    data.facets.forEach(function (facet) { counts[facet.name] = facet.values.map(function () { return 0; }); });
    var shown = 0;
    data.items.forEach(function (item, index) {
      var textOk = words.every(function (w) { return haystacks[index].indexOf(w) !== -1; }) || (found !== null && paths[index] in found);
      var failed = [];
      if (textOk) {
        for (var n = 0; n < names.length && failed.length < 2; n++) {
          if (!matchesFacet(item, names[n], state[names[n]])) failed.push(names[n]);
        }
      }
      var visible = textOk && failed.length === 0;
      cards[index].hidden = !visible;
      if (visible) shown++;
      if (!textOk) return;
      /* A value's count: the cards it would show, given the query and the *other* facets. */
      data.facets.forEach(function (facet) {
        if (failed.length === 0 || (failed.length === 1 && failed[0] === facet.name)) {
          (item.f[facet.name] || []).forEach(function (v) { counts[facet.name][v]++; });
        }
      });
    });
    data.facets.forEach(function (facet) {
      valueCounters[facet.name].forEach(function (counter, i) { counter.textContent = " (" + counts[facet.name][i] + ")"; });
    });
    countEl.textContent = String(shown);
    nounEl.textContent = shown === 1 ? "resultaat" : "resultaten";
    var parts = [];
    if (query) parts.push("‘" + query + "’");
    data.facets.forEach(function (facet) {
      if (state[facet.name]) parts.push(state[facet.name].map(function (i) { return facet.values[i]; }).join(" of "));
    });
    summaryEl.textContent = parts.length ? " voor " + parts.join(", ") : "";
    order();
    showHelp(shown);
    messageEl.hidden = shown !== 0;
    messageEl.textContent = shown === 0 ? "Niets gevonden. Haal een filter weg of probeer een ander woord." : "";
    writeUrl(state, query);
    showActiveCount();
  }

  function start(json) {
    data = json;
    typeFacet = data.facets.filter(function (f) { return f.name === "type"; })[0] || null;
    var fragment = document.createDocumentFragment();
    var inPage = cardsInPage();
    data.items.forEach(function (item) {
      var card = inPage[new URL(item.u, siteRoot).href];
      if (!card) {
        card = buildCard(item);
        fragment.appendChild(card);
      }
      cards.push(card);
      var text = [item.t, item.a, item.s];
      data.facets.forEach(function (facet) {
        (item.f[facet.name] || []).forEach(function (v) { text.push(facet.values[v]); });
      });
      haystacks.push(normalise(text.join(" ")));
      paths.push(new URL(item.u, siteRoot).pathname);
    });
    helpEl = el("p", "mk-kaart__zoekhulp");
    helpEl.setAttribute("role", "status");
    helpEl.setAttribute("data-menukaart-zoekhulp", "");
    helpEl.hidden = true;
    messageEl.parentNode.insertBefore(helpEl, messageEl);
    cardsBox.appendChild(fragment);
    facetsBox.replaceChildren.apply(facetsBox, data.facets.map(buildFacet));
    readUrl();
    current.query = queryInput.value.trim(); /* the word filter at once, the ranking when it comes */
    form.hidden = false;
    if (noJs) noJs.hidden = true;
    root.classList.add("mk-kaart--ready");
    update();
    if (current.query) ask(current.query);

    var timer = null;
    queryInput.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { ask(queryInput.value.trim()); }, 150);
    });
    queryInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); clearTimeout(timer); ask(queryInput.value.trim()); }
    });
    facetsBox.addEventListener("change", update);
    resetButton.addEventListener("click", function () {
      queryInput.value = "";
      Object.keys(boxes).forEach(function (name) { boxes[name].forEach(function (b) { b.checked = false; }); });
      clearTimeout(timer);
      ask("");
      queryInput.focus();
    });
  }

  /* -- small screens: the filters behind a "Filters" button (a disclosure) */

  var toggle = root.querySelector("[data-menukaart-toggle]");
  var activeBadge = root.querySelector("[data-menukaart-active]");
  var closeButton = root.querySelector("[data-menukaart-close]");

  /* The number of chosen filters on the button: ticked values, plus the words if any. */
  function showActiveCount() {
    if (!activeBadge) return;
    var n = facetsBox.querySelectorAll("input[type=checkbox]:checked").length + (queryInput.value.trim() ? 1 : 0);
    activeBadge.hidden = n === 0;
    activeBadge.textContent = n ? String(n) : "";
    if (n) activeBadge.appendChild(el("span", "mk-visually-hidden", " actief"));
  }

  function setFiltersOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    form.classList.toggle("mk-kaart__filters--open", open);
  }

  function setupFilterToggle() {
    if (!toggle) return;
    toggle.addEventListener("click", function () {
      setFiltersOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    closeButton.addEventListener("click", function () { setFiltersOpen(false); toggle.focus(); });
    /* Escape closes the panel from anywhere inside it (or on the button) and returns focus. */
    root.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true" || !toggle.offsetParent) return;
      if (!form.contains(event.target) && event.target !== toggle) return;
      event.preventDefault();
      setFiltersOpen(false);
      toggle.focus();
    });
  }

  setupFilterToggle();

  fetch(indexUrl.href, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(start)
    .catch(function () {
      messageEl.hidden = false;
      messageEl.textContent = "De filters konden niet laden. Je ziet hieronder alle werkende principes en tools.";
      if (toggle) toggle.hidden = true; /* nothing to show behind it */
    });
})();
