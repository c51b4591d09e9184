/* The site search: window.menukaartZoek(q) and the search box in the header
   (overrides/partials/zoekvak.html). Wraps Pagefind's own JS API (pagefind/pagefind.js)
   and adds what Pagefind lacks: stop words, synonyms, Dutch compounds, loosening a
   question that no page answers word for word, and "Bedoelde je …?" for typing slips.
   The pure logic lives in zoek-logica.js; this file talks to Pagefind and the page.
   Record text is only ever set with textContent; excerpts keep only Pagefind's <mark>. */
(function () {
  "use strict";
  var L = window.MenukaartZoekLogica;
  var root = document.querySelector("[data-mk-search]");
  if (!root || !L) return;
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
  var bookUrl = new URL(root.getAttribute("data-woorden"), document.baseURI);
  var siteRoot = new URL(root.getAttribute("data-site") || "./", document.baseURI);
  var HIGHLIGHT = "highlight";
  var FIRST = 10; /* results whose page data is loaded at once: what the box shows, and some to spare */
  var SHOWN = 8;

  /* -- loading: Pagefind and the word book together, once, on the first search */

  var ready = null;
  function load() {
    if (!ready) {
      var pagefind = import(bundle.href + "pagefind.js").then(function (pf) {
        return pf.options({ baseUrl: siteRoot.pathname }).then(function () { return pf; });
      });
      var book = fetch(bookUrl.href, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
      ready = Promise.all([pagefind, book]).then(function (both) {
        return { pf: both[0], book: both[1] };
      });
    }
    return ready;
  }

  function isMeta(book) {
    var meta = (book.meta || []).map(function (u) { return new URL(u, siteRoot).pathname; });
    return function (r) { return meta.indexOf(new URL(r.url, siteRoot).pathname) !== -1; };
  }

  /* -- the search itself

     One round: the every-word search and every variant of every word (synonyms, compound
     parts, corrections) go to Pagefind together, so it fetches the index chunks for all of
     them at once; relaxing the question costs no second round. Stop words are never sent:
     a page with every word has every word that matters, and their index chunks cost bytes. */
  function zoek(query) {
    return load().then(function (env) {
      var pf = env.pf, book = env.book;
      var p = L.plan(query, book);
      var searches = [];
      if (p.kern.length > 1) searches.push({ term: -1, w: 1.5, q: p.kern.join(" ") });
      p.termen.forEach(function (t, i) {
        t.varianten.forEach(function (v) { searches.push({ term: i, w: v.w, q: v.q, soort: v.soort }); });
      });
      var close = L.bedoeldeJe(query, book, { alleenTitels: true });
      if (close) searches.push({ term: -1, w: 1.2, q: L.woorden(close).join(" ") });
      return Promise.all(searches.map(function (s) {
        return pf.search(s.q).then(function (answer) { return answer || { results: [] }; });
      })).then(function (answers) {
        var byId = {};
        /* A word Pagefind knows is not corrected: its correction would only add noise. */
        var known = p.termen.map(function (t, i) {
          return answers.some(function (a, j) { return searches[j].term === i && searches[j].soort === "woord" && a.results.length; });
        });
        var lists = [];
        answers.forEach(function (answer, i) {
          var s = searches[i];
          if (s.soort === "correctie" && known[s.term]) return;
          answer.results.forEach(function (r) { byId[r.id] = r; });
          lists.push({ term: s.term, w: s.w, hits: answer.results });
        });
        var merged = L.voegSamen(lists, p.termen.length);
        /* Pagefind quietly skips a word it cannot match, so "every word" is checked here. */
        var everyWord = known.every(Boolean) && answers.some(function (a, i) { return searches[i].term === -1 && searches[i].q === p.kern.join(" ") && a.results.length; });
        if (!close) close = L.bedoeldeJe(query, book, { bekend: function (w) { return p.termen.some(function (t, i) { return t.woord === w && known[i]; }); } });
        var matched = p.termen.filter(function (t, i) {
          return lists.some(function (l) { return l.term === i && l.hits.length; });
        }).map(function (t) { return t.woord; });
        return {
          query: query,
          results: merged.map(function (m) { return byId[m.id]; }),
          verruimd: p.kern.length > 1 && !everyWord && merged.length > 0,
          gevonden: matched,
          bedoeld: close,
          isMeta: isMeta(book),
          book: book
        };
      });
    });
  }

  /* Page data (url, title, excerpt) for results[from..to), meta pages moved after the rest
     of what is loaded. */
  function pages(found, count) {
    var slice = found.results.slice(0, count);
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (data) {
      var rows = data.map(function (d) {
        var meta = d.meta || {};
        return {
          url: d.url, title: meta.title || d.url, excerpt: d.excerpt || "",
          aliassen: meta.aliassen ? meta.aliassen.split(" | ") : [], record: !!meta.type
        };
      });
      return L.metaAchteraan(L.titelsEerst(rows, found.query), found.isMeta);
    });
  }

  /* Contract: window.menukaartZoek(q) → Promise of [{url, title}], best first. The list also
     carries what the search did for this very query (verruimd, gevonden, bedoeld), so a
     caller never has to read it from shared state that another search may have changed. */
  window.menukaartZoek = function (q, options) {
    var max = (options && options.max) || 20;
    if (!String(q || "").trim()) return Promise.resolve(withInfo([], { verruimd: false, gevonden: [], bedoeld: null }));
    return zoek(q).then(function (found) {
      return pages(found, max).then(function (rows) {
        return withInfo(rows.map(function (r) { return { url: r.url, title: r.title }; }), found);
      });
    });
  };
  function withInfo(list, found) {
    list.verruimd = found.verruimd;
    list.gevonden = found.gevonden;
    list.bedoeld = found.bedoeld;
    return list;
  }
  window.menukaartZoek.uitgebreid = function (q, max) {
    return zoek(q).then(function (found) {
      return pages(found, max || FIRST).then(function (rows) { found.rows = rows; return found; });
    });
  };

  /* Sentences the header and the menukaart both show. */
  window.menukaartZoek.uitleg = function (found) {
    if (!found.verruimd) return "";
    return "Geen pagina bevat alle woorden; dit zijn de beste treffers voor " +
      found.gevonden.map(function (w) { return "‘" + w + "’"; }).join(", ") + ".";
  };

  /* -- the header box */

  var form = root.querySelector("#mk-search");
  var input = root.querySelector("#mk-search-input");
  var drawer = root.querySelector("[data-mk-zoek-lade]");
  var status = root.querySelector("[data-mk-search-status]");
  var timer = null, announceTimer = null, asked = 0;

  highlightMatches();
  connectPageForm();
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
    if (input.value.trim()) load();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  root.addEventListener("keydown", onKey);
  root.addEventListener("focusin", function () { open(true); });
  root.addEventListener("focusout", function (event) {
    if (!root.contains(event.relatedTarget)) open(false);
  });
  document.addEventListener("pointerdown", function (event) {
    if (!root.contains(event.target)) open(false);
  });

  /* A list of links ({t: text, u: address from the site root}). */
  function linkList(links) {
    var list = el("ul", "mk-zoek__lijst");
    links.forEach(function (link) {
      var li = el("li");
      var a = el("a", null, link.t);
      a.href = new URL(link.u, siteRoot).href;
      li.appendChild(a);
      list.appendChild(li);
    });
    return list;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function run(query) {
    var ticket = ++asked;
    query = query.trim();
    if (!query) { drawer.replaceChildren(); drawer.hidden = true; say(""); return; }
    window.menukaartZoek.uitgebreid(query, FIRST).then(function (found) {
      if (ticket === asked) show(found);
    }).catch(function () {
      if (ticket !== asked) return;
      drawer.replaceChildren(el("p", "pagefind-ui__message", "Zoeken lukt nu niet. Probeer de menukaart."));
      drawer.hidden = false;
    });
  }

  function show(found) {
    var q = found.query;
    var count = found.results.length;
    var parts = [];
    var message = count === 0 ? "Geen resultaten voor '" + q + "'" : count === 1 ? "1 resultaat voor '" + q + "'" : count + " resultaten voor '" + q + "'";
    parts.push(el("p", "pagefind-ui__message", message));
    var spoken = [message];
    var notice = window.menukaartZoek.uitleg(found);
    if (notice) {
      var n = el("p", "mk-zoek__verruimd", notice);
      n.setAttribute("data-mk-zoek-verruimd", "");
      parts.push(n);
      spoken.push(notice);
    }
    if (found.bedoeld) {
      parts.push(suggestion(found.bedoeld, function (text) { input.value = text; run(text); input.focus(); }));
      spoken.push("Bedoelde je: " + found.bedoeld + "?");
    }
    if (count) {
      var list = el("ol", "pagefind-ui__results");
      var highlight = L.zonderStopwoorden(L.woorden(q));
      found.rows.forEach(function (row, i) { list.appendChild(resultItem(row, highlight, i >= SHOWN)); });
      parts.push(list);
      if (count > SHOWN) parts.push(moreButton(found, list, highlight));
    } else {
      parts.push(emptyHelp(found.book));
    }
    drawer.replaceChildren.apply(drawer, parts);
    drawer.hidden = false;
    open(true);
    say(spoken.join(" "));
  }

  function resultItem(row, highlight, hidden) {
    var li = el("li", "pagefind-ui__result");
    if (hidden) li.hidden = true;
    var title = el("p", "pagefind-ui__result-title");
    var a = el("a", "pagefind-ui__result-link", row.title);
    var url = new URL(row.url, location.href);
    highlight.forEach(function (w) { url.searchParams.append(HIGHLIGHT, w); });
    a.href = url.href;
    title.appendChild(a);
    li.appendChild(title);
    if (row.excerpt) li.appendChild(excerpt(row.excerpt));
    return li;
  }

  /* Pagefind's excerpt is escaped text with <mark> around the matches: keep just those. */
  function excerpt(html) {
    var p = el("p", "pagefind-ui__result-excerpt");
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") p.appendChild(el("mark", null, node.textContent));
      else p.appendChild(document.createTextNode(node.textContent));
    });
    return p;
  }

  function moreButton(found, list, highlight) {
    var button = el("button", "pagefind-ui__button", "Meer resultaten tonen");
    button.type = "button";
    button.addEventListener("click", function () {
      var hidden = list.querySelectorAll("li[hidden]");
      var loaded = list.children.length;
      var next = Array.prototype.slice.call(hidden, 0, SHOWN);
      var first = next[0];
      next.forEach(function (li) { li.hidden = false; });
      var grow = next.length < SHOWN && loaded < found.results.length
        ? pages(found, Math.min(found.results.length, loaded + SHOWN * 2)).then(function (rows) {
          rows.slice(loaded).forEach(function (row, i) { list.appendChild(resultItem(row, highlight, i >= SHOWN - next.length)); });
        })
        : Promise.resolve();
      grow.then(function () {
        var target = first || list.querySelector("li:not([hidden]):last-child");
        if (!list.querySelector("li[hidden]") && list.children.length >= found.results.length) button.remove();
        var link = target && target.querySelector("a");
        if (link) link.focus();
      });
    });
    return button;
  }

  function suggestion(text, onPick) {
    var p = el("p", "mk-zoek__bedoeld", "Bedoelde je: ");
    p.setAttribute("data-mk-zoek-bedoeld", "");
    var b = el("button", "mk-zoek__bedoeld-knop", text);
    b.type = "button";
    b.addEventListener("click", function () { onPick(text); });
    p.appendChild(b);
    p.appendChild(document.createTextNode("?"));
    return p;
  }

  /* Nothing matched a single word: offer the menukaart's filters and the most used tools. */
  function emptyHelp(book) {
    var box = el("div", "mk-zoek__leeg");
    box.setAttribute("data-mk-zoek-leeg", "");
    box.appendChild(el("p", null, "Kies liever op onderwerp in de menukaart:"));
    box.appendChild(linkList(book.facetten || []));
    if ((book.tools || []).length) {
      box.appendChild(el("p", null, "Of begin bij een veelgebruikte tool:"));
      box.appendChild(linkList(book.tools));
    }
    return box;
  }

  /* Once the visitor stops typing, so a screen reader says it once, not for every letter. */
  function say(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () {
      if (status.textContent !== text) status.textContent = text;
    }, text ? 400 : 0);
  }

  /* The words a visitor searched for, marked on the page a result led to. */
  function highlightMatches() {
    if (!new URLSearchParams(location.search).has(HIGHLIGHT)) return;
    import(bundle.href + "pagefind-highlight.js").then(function () {
      /* global PagefindHighlight */
      // addStyles: false — its inline <style> would break the Content-Security-Policy; the
      // colours live in assets/css/zoeken.css. Pagefind drops punctuation from the words it
      // passes on ("Doelen-Inspanningen" arrives as "doeleninspanningen"), so the marking
      // skips punctuation between letters too.
      new PagefindHighlight({
        highlightParam: HIGHLIGHT,
        addStyles: false,
        markOptions: {
          className: "pagefind-highlight",
          exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"],
          ignorePunctuation: ":;.,-–—‒_(){}[]!'\"+=/".split("")
        }
      });
    });
  }

  /* The search form on the home page hands its words to the header's search: one result
     list, the same keys. When the header box is not shown, or without JavaScript, the form
     itself goes to the menukaart, whose text query (?q=) filters the cards. */
  function connectPageForm() {
    var pageForm = document.querySelector("[data-mk-home-search]");
    if (!pageForm) return;
    pageForm.addEventListener("submit", function (event) {
      var words = pageForm.querySelector('input[type="search"]').value.trim();
      if (!words || !input.getClientRects().length) return;
      event.preventDefault();
      input.value = words;
      input.focus();
      run(words);
    });
  }

  /* Closed = results hidden, query kept; focus or a click in the box opens them again. */
  function open(yes) {
    root.classList.toggle("mk-search--dicht", !yes);
  }

  function focusables() {
    return Array.prototype.slice.call(drawer.querySelectorAll("a, button")).filter(function (n) {
      return n.getClientRects().length;
    });
  }

  function onKey(event) {
    if (event.key === "Escape") {
      if (input.value) {
        input.value = "";
        run("");
      }
      input.focus();
      event.preventDefault();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = focusables();
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next;
    if (event.key === "ArrowDown") next = at < 0 ? links[0] : links[Math.min(at + 1, links.length - 1)];
    else next = at <= 0 ? input : links[at - 1];
    if (at < 0 && event.key === "ArrowUp") return; // in the box: keep the caret keys
    open(true);
    next.focus();
    event.preventDefault();
  }
})();
