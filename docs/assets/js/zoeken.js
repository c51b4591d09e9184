/* Pagefind search in the header (overrides/partials/alternate.html).
   Loads the default Pagefind UI from this site's own pagefind/ folder: no other host.
   Adds what the default UI lacks: a real label, a spoken result count (role=status),
   arrow keys between results, Escape to close, and highlighted matches on the page a
   result leads to (?highlight=...). */
(function () {
  "use strict";
  var root = document.querySelector("[data-mk-search]");
  if (!root) return;
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
  // Pagefind's module without its filters: see pagefind-zonder-filters/pagefind.js.
  var withoutFilters = new URL("../assets/js/pagefind-zonder-filters/", bundle);
  var status = root.querySelector("[data-mk-search-status]");
  var HIGHLIGHT = "highlight";
  var SEARCHING = "Zoeken naar '[SEARCH_TERM]'…";

  highlightMatches();
  connectPageForm();
  loadScript(bundle.href + "pagefind-ui.js", start);

  function loadScript(src, onload) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = onload;
    document.head.appendChild(script);
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

  function start() {
    /* global PagefindUI */
    new PagefindUI({
      element: "#mk-search",
      bundlePath: withoutFilters.href,
      // Result links start from the site's root folder, also when it is not the domain root.
      baseUrl: bundle.pathname.replace(/pagefind\/$/, ""),
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: false,
      highlightParam: HIGHLIGHT,
      translations: {
        placeholder: "Zoek in de Menukaart",
        search_label: "Zoeken in de Menukaart",
        clear_search: "Wissen",
        load_more: "Meer resultaten tonen",
        filters_label: "Filters",
        zero_results: "Geen resultaten voor '[SEARCH_TERM]'",
        many_results: "[COUNT] resultaten voor '[SEARCH_TERM]'",
        one_result: "1 resultaat voor '[SEARCH_TERM]'",
        alt_search: "Geen resultaten voor '[SEARCH_TERM]'. Wel resultaten voor '[DIFFERENT_TERM]':",
        search_suggestion: "Geen resultaten voor '[SEARCH_TERM]'. Probeer een ander woord.",
        searching: SEARCHING
      }
    });
    var input = root.querySelector("input");
    if (!input) return;
    labelInput(input);
    announceResults(input);
    root.addEventListener("keydown", onKey);
    root.addEventListener("focusin", function () { open(true); });
    root.addEventListener("focusout", function (event) {
      if (!root.contains(event.relatedTarget)) open(false);
    });
    document.addEventListener("pointerdown", function (event) {
      if (!root.contains(event.target)) open(false);
    });
  }

  /* The search form on the home page hands its words to the header's search: one result
     list, the same keys (arrows, Escape). Until Pagefind is ready, when the header box is
     not shown, or without JavaScript, the form itself goes to the menukaart, whose text
     query (?q=) filters the cards. */
  function connectPageForm() {
    var form = document.querySelector("[data-mk-home-search]");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      var input = root.querySelector("#mk-search input");
      var words = form.querySelector('input[type="search"]').value.trim();
      if (!input || !words || !input.getClientRects().length) return;
      event.preventDefault();
      input.value = words;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
    });
  }

  /* A visible placeholder is no label: give the box a real (visually hidden) one. */
  function labelInput(input) {
    input.id = "mk-search-input";
    var label = document.createElement("label");
    label.className = "mk-visually-hidden";
    label.htmlFor = input.id;
    label.textContent = "Zoeken in de Menukaart";
    input.parentNode.insertBefore(label, input);
    input.removeAttribute("title");
  }

  /* Mirror Pagefind's message ("5 resultaten voor 'din'") into the status region once the
     visitor stops typing, so a screen reader says it once, not for every letter. */
  function announceResults(input) {
    var timer = null;
    var searching = SEARCHING.split("'")[0];
    new MutationObserver(function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var message = root.querySelector(".pagefind-ui__message");
        var text = input.value.trim() && message ? message.textContent.trim() : "";
        if (text.indexOf(searching) === 0) return;
        if (status.textContent !== text) status.textContent = text;
      }, 500);
    }).observe(root.querySelector("#mk-search"), { childList: true, subtree: true, characterData: true });
  }

  /* Closed = results hidden, query kept; focus or a click in the box opens them again. */
  function open(yes) {
    root.classList.toggle("mk-search--dicht", !yes);
  }

  function results() {
    return Array.prototype.slice.call(root.querySelectorAll(".pagefind-ui__result-link, .pagefind-ui__button"));
  }

  function onKey(event) {
    var input = root.querySelector("input");
    if (event.key === "Escape") {
      if (input.value) {
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        status.textContent = "";
      }
      input.focus();
      event.preventDefault();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = results();
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
