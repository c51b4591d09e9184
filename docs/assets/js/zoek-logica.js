/* The pure part of the site search (zoeken.js): no DOM, no Pagefind, no network.
   Turns what a visitor types into a search plan (words, synonyms, compound parts,
   corrections), merges the scored answers and finds "Bedoelde je …?" suggestions.
   Tests call these functions directly (window.MenukaartZoekLogica, or require() in node). */
(function (root) {
  "use strict";

  /* Dutch words that carry no subject: question words, articles, pronouns, auxiliaries,
     prepositions, and words that fill a question ("tips", "manier"). Searching them only
     narrows Pagefind's every-word match to pages that happen to use them. */
  var STOPWOORDEN = (
    "de het een en of maar dus want als dan dat die dit deze daar hier er " +
    "hoe wat wie waar waarom wanneer welke welk waarmee waarop waarvoor hoeveel " +
    "ik je jij u we wij ze zij hij men jullie hun hen mij me mijn onze ons jouw uw zich zelf elkaar " +
    "is zijn ben bent was waren wordt worden werd heb hebt heeft hebben had kan kun kunt kunnen " +
    "moet moeten mag mogen wil wilt willen zal zullen zou zouden ga gaat gaan doe doet doen krijg krijgen " +
    "in op aan van voor met bij tot naar om te uit over door tegen tussen onder na zonder binnen " +
    "niet geen ook nog al wel heel hele veel meer meest erg zo toch even eens goed goede beter beste " +
    "iets alles iemand iedereen andere ander elk elke ieder iedere alle " +
    "tips tip idee ideeen manier manieren zoek zoeken vind vinden help helpen nodig"
  ).split(" ");
  var STOP = {};
  STOPWOORDEN.forEach(function (w) { STOP[w] = true; });

  var MIN_DEEL = 3; /* shortest part of a compound */
  var MIN_SAMENSTELLING = 8; /* shorter words are not split */
  var TUSSEN = ["", "s", "e", "en"]; /* linking letters between compound parts */

  /* Lower case, no accents, hyphens inside words dropped ("kick-off" -> "kickoff"), the way
     the word list and the synonym keys are written too. */
  function normaliseer(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/([a-z0-9])[-‐‑](?=[a-z0-9])/g, "$1");
  }

  function woorden(text) {
    return normaliseer(text).split(/[^a-z0-9]+/).filter(Boolean);
  }

  function isStopwoord(w) {
    return STOP[w] === true;
  }

  /* The words that carry the subject; a query of only stop words keeps them all. */
  function zonderStopwoorden(list) {
    var kept = list.filter(function (w) { return !isStopwoord(w); });
    return kept.length ? kept : list.slice();
  }

  /* Levenshtein distance, stopping early once it exceeds `max` (returns max + 1). */
  function afstand(a, b, max) {
    if (max === undefined) max = Infinity;
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (cur[j] < best) best = cur[j];
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  /* The edit distance allowed for a word of this length: short words have too many
     neighbours to correct safely. */
  function toegestaan(len) {
    return len >= 8 ? 2 : len >= 5 ? 1 : 0;
  }

  /* The closest known word within the allowed distance, or null. Ties go to the word that
     appears first in the list (the build puts frequent words first). */
  function dichtstbij(word, known) {
    var max = toegestaan(word.length);
    if (!max) return null;
    var best = null, bestD = max + 1;
    for (var i = 0; i < known.length; i++) {
      var d = afstand(word, known[i], bestD - 1);
      if (d < bestD && d > 0) { best = known[i]; bestD = d; if (d === 1) break; }
    }
    return best;
  }

  /* Split an unknown long word into known parts ("schuldenproblematiek" -> schulden +
     problematiek, "eenzaamheidsaanpak" -> eenzaamheid + aanpak). Prefers the fewest, then
     the longest first part; at most three parts. `isKnown(word)` says whether a part is
     a word of the site. */
  function splits(word, isKnown, depth) {
    depth = depth || 1;
    if (word.length < MIN_DEEL * 2) return null;
    for (var cut = word.length - MIN_DEEL; cut >= MIN_DEEL; cut--) {
      var head = word.slice(0, cut);
      if (!isKnown(head)) continue;
      for (var t = 0; t < TUSSEN.length; t++) {
        var link = TUSSEN[t];
        if (word.slice(cut, cut + link.length) !== link) continue;
        var tail = word.slice(cut + link.length);
        if (tail.length < MIN_DEEL) continue;
        if (isKnown(tail)) return [head, tail];
        if (depth < 2) {
          var rest = splits(tail, isKnown, depth + 1);
          if (rest) return [head].concat(rest);
        }
      }
    }
    return null;
  }

  /* The parts of a compound, or null when the word is known, short or not splittable. */
  function delen(word, isKnown) {
    if (word.length < MIN_SAMENSTELLING || isKnown(word) || /[0-9]/.test(word)) return null;
    return splits(word, isKnown) || helft(word, isKnown);
  }

  /* No split into known parts only: the longest known head or tail of at least five
     letters ("schulden" in "schuldenproblematiek" when "problematiek" is not a site word). */
  function helft(word, isKnown) {
    for (var len = word.length - MIN_DEEL; len >= 5; len--) {
      if (isKnown(word.slice(0, len))) return [word.slice(0, len)];
      if (isKnown(word.slice(word.length - len))) return [word.slice(word.length - len)];
    }
    return null;
  }

  /* The search plan for a query.
     woordenboek: {synoniemen: {word or "two words": [site words]}, woorden: [known words]}
     Returns {woorden: all words, kern: words without stop words, termen: [{woord,
     varianten: [{q, w, soort}]}]}. Each term is searched in each of its variants; a page
     scores the best variant per term. */
  function plan(query, woordenboek) {
    var syn = (woordenboek && woordenboek.synoniemen) || {};
    var known = (woordenboek && woordenboek.woorden) || [];
    var knownSet = woordenboek && woordenboek._set;
    if (!knownSet) {
      knownSet = {};
      known.forEach(function (w) { knownSet[w] = true; });
      Object.keys(syn).forEach(function (w) { knownSet[w] = true; });
      if (woordenboek) woordenboek._set = knownSet;
    }
    var isKnown = function (w) { return knownSet[w] === true; };
    var all = woorden(query);
    var kern = zonderStopwoorden(all);
    var termen = [];
    for (var i = 0; i < kern.length; i++) {
      var word = kern[i];
      var pair = i + 1 < kern.length ? word + " " + kern[i + 1] : null;
      if (pair && syn[pair]) { /* "theorie u", "kick off": a synonym of two words */
        termen.push(term(pair, syn[pair], null, null));
        i++;
        continue;
      }
      var parts = syn[word] ? null : delen(word, isKnown);
      var fix = null;
      if (!isKnown(word) && !parts && !syn[word]) fix = dichtstbij(word, known);
      termen.push(term(word, syn[word] || [], parts, fix));
    }
    /* Compound parts and corrections bring their own synonyms along. */
    termen.forEach(function (t) {
      t.varianten.slice().forEach(function (v) {
        if (v.soort === "synoniem") return;
        v.q.split(" ").forEach(function (w) {
          (syn[w] || []).forEach(function (s) { voegToe(t, s, v.w * 0.9, "synoniem"); });
        });
      });
    });
    return { woorden: all, kern: kern, termen: termen };
  }

  function term(word, synonyms, parts, fix) {
    var t = { woord: word, varianten: [] };
    voegToe(t, word, 1, "woord");
    synonyms.forEach(function (s) { voegToe(t, s, 0.9, "synoniem"); });
    if (parts) {
      voegToe(t, parts.join(" "), 0.9, "delen");
      parts.forEach(function (p) { voegToe(t, p, 0.6, "deel"); });
    }
    if (fix) voegToe(t, fix, 0.9, "correctie");
    return t;
  }

  function voegToe(t, q, w, soort) {
    for (var i = 0; i < t.varianten.length; i++) {
      if (t.varianten[i].q === q) {
        if (w > t.varianten[i].w) t.varianten[i].w = w;
        return;
      }
    }
    t.varianten.push({ q: q, w: w, soort: soort });
  }

  /* Merge scored hit lists into one ranking.
     antwoorden: [{term: index or -1 for the every-word search, w: weight, hits: [{id, score}]}]
     A page scores, per term, the best weighted score among that term's variants, summed
     over the terms; pages that hold every word get the every-word score on top, so they
     lead. Returns [{id, score, termen: number of terms matched}] best first. */
  function voegSamen(antwoorden, aantalTermen) {
    var pages = {};
    antwoorden.forEach(function (a) {
      a.hits.forEach(function (h) {
        var p = pages[h.id] || (pages[h.id] = { id: h.id, per: {}, alles: 0, volgorde: h.volgorde });
        var s = h.score * a.w;
        if (a.term < 0) { if (s > p.alles) p.alles = s; return; }
        if (!(a.term in p.per) || s > p.per[a.term]) p.per[a.term] = s;
      });
    });
    var list = Object.keys(pages).map(function (id) {
      var p = pages[id];
      var sum = 0, n = 0;
      Object.keys(p.per).forEach(function (k) { sum += p.per[k]; n++; });
      var dekking = aantalTermen ? n / aantalTermen : 1;
      return { id: id, score: (sum + p.alles) * (0.5 + 0.5 * dekking), termen: n };
    });
    list.sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
    return list;
  }

  /* Meta pages (about the site itself) never outrank content: they go last, in order. */
  function metaAchteraan(list, isMeta) {
    var content = [], meta = [];
    list.forEach(function (r) { (isMeta(r) ? meta : content).push(r); });
    return content.concat(meta);
  }

  /* A record whose title or alias is the query comes first, then any other page with that
     title; the rest keep their order. rows: [{title, aliassen: [..], record: bool}]. */
  function titelsEerst(rows, query) {
    var q = woorden(query).join(" ");
    var tier = function (r) {
      var names = [r.title].concat(r.aliassen || []);
      var exact = names.some(function (n) { return woorden(n).join(" ") === q; });
      return exact ? (r.record ? 0 : 1) : 2;
    };
    return rows.map(function (r, i) { return { r: r, t: tier(r), i: i }; })
      .sort(function (a, b) { return a.t - b.t || a.i - b.i; })
      .map(function (x) { return x.r; });
  }

  /* The same for plain URLs and a list of meta URLs (tests, outside scripts). */
  function metaAchteraanVolgens(urls, meta) {
    return metaAchteraan(urls, function (u) { return meta.indexOf(u) !== -1; });
  }

  /* "Bedoelde je …?": the whole query close to a title or alias (edit distance ≤ 2), or
     else the query with each unknown word replaced by the closest known word. Null when
     nothing is close or the query is already right. opties.alleenTitels: only the first;
     opties.bekend(word): words the index knows, never corrected. */
  function bedoeldeJe(query, woordenboek, opties) {
    opties = opties || {};
    var q = woorden(query).join(" ");
    if (!q) return null;
    var titles = (woordenboek && woordenboek.titels) || [];
    var best = null, bestD = 3;
    for (var i = 0; i < titles.length; i++) {
      var t = woorden(titles[i]).join(" ");
      if (t === q) return null;
      if (Math.abs(t.length - q.length) > 2 || q.length < 5) continue;
      var d = afstand(q, t, 2);
      if (d < bestD) { best = titles[i]; bestD = d; }
    }
    if (best || opties.alleenTitels) return best;
    var p = plan(query, woordenboek);
    var changed = false;
    var words = p.woorden.map(function (w) {
      var t = null;
      p.termen.forEach(function (term) {
        if (term.woord !== w) return;
        term.varianten.forEach(function (v) { if (v.soort === "correctie") t = v.q; });
      });
      if (t && !(opties.bekend && opties.bekend(w))) { changed = true; return t; }
      return w;
    });
    return changed ? words.join(" ") : null;
  }

  var api = {
    STOPWOORDEN: STOPWOORDEN,
    normaliseer: normaliseer,
    woorden: woorden,
    isStopwoord: isStopwoord,
    zonderStopwoorden: zonderStopwoorden,
    afstand: afstand,
    dichtstbij: dichtstbij,
    delen: delen,
    plan: plan,
    voegSamen: voegSamen,
    metaAchteraan: metaAchteraan,
    titelsEerst: titelsEerst,
    metaAchteraanVolgens: metaAchteraanVolgens,
    bedoeldeJe: bedoeldeJe
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.MenukaartZoekLogica = api;
})(this);
