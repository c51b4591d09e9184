/* Meeting planner (/bijeenkomst/) and the "Zet op de agenda" button on tool pages.

   The plan lives in this browser only (localStorage "menukaart:bijeenkomst", no cookies)
   and in the page address after "#plan=" (a fragment: browsers never send it to a server).
   The plan itself is data (bijeenkomst-plan.js); the texts of meetings and tools come from
   /bijeenkomst/planner.json, written at build time from the catalogue. Record text goes in
   with textContent; only the werkblad's rich text, sanitised at build time, as HTML. */
(function () {
  "use strict";
  var P = window.menukaartPlan;
  if (!P) return;
  var KEY = "menukaart:bijeenkomst";
  var script = document.currentScript;
  var siteRoot = script ? new URL("../../", script.src) : new URL("/", location.href); /* assets/js/bijeenkomst.js */

  function loadStored() {
    try {
      var raw = window.localStorage.getItem(KEY);
      return raw ? P.normalise(JSON.parse(raw)) : P.emptyPlan();
    } catch (e) {
      return P.emptyPlan(); /* storage off or a damaged entry: start empty */
    }
  }

  function store(plan) {
    try {
      if (P.isEmpty(plan)) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, JSON.stringify(plan));
    } catch (e) { /* storage off: the plan lasts for this page (and its link) */ }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /* -- tool pages: "Zet op de agenda" */

  function setUpToolButton(button) {
    var tool = button.getAttribute("data-plan-tool");
    var status = document.querySelector("[data-plan-tool-status]");
    var link = document.querySelector("[data-plan-link]");
    var count = document.querySelector("[data-plan-count]");

    function show(plan) {
      if (count) count.textContent = String(plan.punten.length);
      if (link) link.hidden = plan.punten.length === 0;
    }

    button.hidden = false;
    show(loadStored());
    button.addEventListener("click", function () {
      var plan = loadStored();
      if (plan.punten.length >= P.LIMITS.rows) {
        if (status) status.textContent = "De agenda is vol (" + P.LIMITS.rows + " punten). Haal eerst een punt weg in de planner.";
        return;
      }
      plan.punten.push(P.newRow({ tool: tool }));
      store(plan);
      show(plan);
      if (status) status.textContent = "Op de agenda gezet als punt " + plan.punten.length + ".";
    });
    window.addEventListener("storage", function (event) { if (event.key === KEY) show(loadStored()); });
  }

  /* -- the planner page */

  function setUpPlanner(box) {
    var data = { fases: [], tools: [] };
    var tools = {};
    var plan = P.emptyPlan();
    var previous = null; /* the stored plan a link replaced, to put back */
    var rowIds = 0;

    var q = function (sel) { return box.querySelector(sel); };
    var list = q("[data-plan-lijst]");
    var empty = q("[data-plan-leeg]");
    var total = q("[data-plan-total]");
    var status = q("[data-plan-status]");
    var notice = q("[data-plan-melding]");
    var origin = q("[data-plan-bron]");
    var share = q("[data-plan-share]");
    var handout = q("[data-plan-handout]");
    var fields = {};
    ["titel", "datum", "plaats", "start", "doel"].forEach(function (name) { fields[name] = q('[data-plan-veld="' + name + '"]'); });

    /* -- lookups in planner.json */

    function fase() {
      for (var i = 0; i < data.fases.length; i++) if (data.fases[i].id === plan.fase) return data.fases[i];
      return null;
    }

    function meeting() {
      var f = fase();
      return f && plan.bijeenkomst ? f.m[plan.bijeenkomst - 1] || null : null;
    }

    /* What a row says when its own title is empty: its agenda point, else its tool. */
    function derivedTitle(row) {
      var m = meeting();
      if (row.punt && m && m.p[row.punt - 1]) return m.p[row.punt - 1];
      if (row.tool && tools[row.tool]) return tools[row.tool].t;
      return "";
    }

    function rowTitle(row) {
      return row.titel || derivedTitle(row);
    }

    function derived(name) {
      var m = meeting();
      if (!m) return "";
      return name === "titel" ? m.t : name === "doel" ? m.doel : "";
    }

    /* A plan from a link must only name what exists; one from storage or an old file is
       mended instead (a tool renamed since stays as text). */
    function refsOk(p) {
      var saved = plan;
      plan = p;
      var ok = (!p.fase || !!fase()) && (!p.bijeenkomst || !!meeting()) && p.punten.every(function (r) {
        return (!r.tool || !!tools[r.tool]) && (!r.punt || !!(meeting() && meeting().p[r.punt - 1]));
      });
      plan = saved;
      return ok;
    }

    function mend(p) {
      var saved = plan;
      plan = p;
      p.punten.forEach(function (r) {
        if (r.punt && !(meeting() && meeting().p[r.punt - 1])) { r.titel = r.titel || "Punt " + r.punt; r.punt = 0; }
        if (r.tool && !tools[r.tool]) { r.titel = r.titel || r.tool; r.tool = ""; }
      });
      if (p.fase && !fase()) { p.fase = ""; p.bijeenkomst = 0; }
      if (p.bijeenkomst && !meeting()) p.bijeenkomst = 0;
      plan = saved;
      return p;
    }

    /* -- saving: storage, the address and the share link */

    function shareUrl() {
      var base = location.href.split("#")[0];
      return P.isEmpty(plan) ? base : base + "#plan=" + P.encode(plan);
    }

    function persist() {
      store(plan);
      var url = shareUrl();
      share.href = url;
      try { history.replaceState(null, "", url); } catch (e) { /* file:// and the like */ }
    }

    /* -- announcements: polite, and not on every keystroke */

    var announceTimer = null;
    function announce(message, now) {
      window.clearTimeout(announceTimer);
      var say = function () { status.textContent = message; };
      if (now) say();
      else announceTimer = window.setTimeout(say, 700);
    }

    function totalText() {
      var s = P.schedule(plan);
      var text = "Totaal: " + s.total + (s.total === 1 ? " minuut" : " minuten") + (s.total >= 60 ? " (" + P.duration(s.total) + ")" : "");
      if (s.end) text += ", van " + s.start + " tot " + s.end;
      return text + ".";
    }

    function showNotice(message, withRestore) {
      notice.replaceChildren();
      notice.appendChild(el("p", null, message));
      if (withRestore && previous && !P.isEmpty(previous)) {
        var restore = el("button", "mk-button mk-button--quiet", "Zet je vorige plan terug");
        restore.type = "button";
        restore.setAttribute("data-plan-terug", "");
        restore.addEventListener("click", function () {
          plan = previous;
          previous = null;
          hideNotice();
          persist();
          render();
          announce("Je vorige plan staat weer klaar.", true);
          fields.titel.focus();
        });
        notice.appendChild(restore);
      }
    }

    function hideNotice() {
      notice.replaceChildren(); /* the live region itself stays, so the next notice is announced */
    }

    /* -- the editor */

    function label(forId, text) {
      var l = el("label", "mk-plan__label", text);
      l.htmlFor = forId;
      return l;
    }

    function toolOptions(select, current) {
      select.appendChild(new Option("Geen", ""));
      var f = fase();
      var first = f ? f.k : [];
      var groups = [];
      if (first.length) groups.push(["Past bij " + (f.n !== undefined ? "fase " + f.n : f.t), first]);
      groups.push([first.length ? "Alle tools en werkvormen" : "", data.tools.map(function (t) { return t.id; }).filter(function (id) { return first.indexOf(id) === -1; })]);
      groups.forEach(function (g) {
        var parent = select;
        if (g[0]) { parent = el("optgroup"); parent.label = g[0]; select.appendChild(parent); }
        g[1].forEach(function (id) { if (tools[id]) parent.appendChild(new Option(tools[id].t, id)); });
      });
      select.value = current;
    }

    function toolLink(row) {
      var a = el("a", "mk-plan__toollink", null);
      a.setAttribute("data-plan-toollink", "");
      if (row.tool && tools[row.tool]) {
        a.href = new URL(tools[row.tool].u, siteRoot).href;
        a.textContent = "Over " + tools[row.tool].t;
      } else {
        a.hidden = true;
      }
      return a;
    }

    function moveButton(kind, text, index, count, title) {
      var b = el("button", "mk-button mk-button--quiet mk-plan__knop", text);
      b.type = "button";
      b.setAttribute("data-plan-" + kind, "");
      b.appendChild(el("span", "mk-visually-hidden", ": punt " + (index + 1) + ", " + (title || "zonder titel")));
      var off = (kind === "omhoog" && index === 0) || (kind === "omlaag" && index === count - 1);
      if (off) b.setAttribute("aria-disabled", "true");
      return b;
    }

    function renderRow(row, index, slots) {
      var id = "plan-" + (++rowIds);
      var li = el("li", "mk-plan__rij");
      li.setAttribute("data-plan-item", "");
      li.setAttribute("data-plan-index", String(index));
      var head = el("p", "mk-plan__rijkop");
      head.appendChild(el("span", "mk-plan__nummer", "Punt " + (index + 1)));
      var time = el("span", "mk-plan__tijd", slots[index].start ? slots[index].start + "–" + slots[index].end : "");
      time.setAttribute("data-plan-tijd", "");
      head.appendChild(time);
      li.appendChild(head);

      var grid = el("div", "mk-plan__velden mk-plan__velden--rij");
      function field(name, labelText, input, wide) {
        var wrap = el("div", "mk-plan__veld" + (wide ? " mk-plan__veld--breed" : ""));
        input.id = id + "-" + name;
        input.name = name;
        wrap.appendChild(label(input.id, labelText));
        wrap.appendChild(input);
        grid.appendChild(wrap);
        return wrap;
      }
      var title = el("input");
      title.type = "text";
      title.maxLength = P.LIMITS.titel;
      title.value = rowTitle(row);
      field("titel", "Onderwerp", title, true);
      var minutes = el("input");
      minutes.type = "number";
      minutes.min = "0";
      minutes.max = String(P.LIMITS.minuten);
      minutes.step = "5";
      minutes.inputMode = "numeric";
      minutes.value = String(row.minuten);
      field("minuten", "Minuten", minutes);
      var select = el("select");
      toolOptions(select, row.tool);
      var toolWrap = field("tool", "Tool of werkvorm", select);
      var link = toolLink(row);
      toolWrap.appendChild(link);
      var who = el("input");
      who.type = "text";
      who.maxLength = P.LIMITS.wie;
      who.value = row.wie;
      field("wie", "Wie", who);
      var note = el("textarea");
      note.rows = 2;
      note.maxLength = P.LIMITS.notitie;
      note.value = row.notitie;
      field("notitie", "Notitie", note, true);
      li.appendChild(grid);

      var buttons = el("div", "mk-plan__knoppen");
      var count = plan.punten.length;
      var shown = rowTitle(row);
      buttons.appendChild(moveButton("omhoog", "Omhoog", index, count, shown));
      buttons.appendChild(moveButton("omlaag", "Omlaag", index, count, shown));
      buttons.appendChild(moveButton("verwijder", "Verwijder", index, count, shown));
      li.appendChild(buttons);

      title.addEventListener("input", function () {
        row.titel = title.value === derivedTitle(row) ? "" : title.value;
        changed(false);
      });
      minutes.addEventListener("input", function () {
        var n = parseInt(minutes.value, 10);
        row.minuten = isFinite(n) ? Math.max(0, Math.min(P.LIMITS.minuten, n)) : 0;
        changed(false);
      });
      minutes.addEventListener("change", function () { announce(totalText()); });
      select.addEventListener("change", function () {
        var before = rowTitle(row);
        row.tool = select.value;
        if (!row.titel && !rowTitle(row)) row.titel = before; /* keep the text when the tool goes */
        title.value = rowTitle(row);
        link.replaceWith(link = toolLink(row));
        changed(false);
      });
      who.addEventListener("input", function () { row.wie = who.value; changed(false); });
      note.addEventListener("input", function () { row.notitie = note.value; changed(false); });
      return li;
    }

    function renderList(focus) {
      var slots = P.schedule(plan).rows;
      list.replaceChildren();
      plan.punten.forEach(function (row, i) { list.appendChild(renderRow(row, i, slots)); });
      list.hidden = plan.punten.length === 0;
      empty.hidden = plan.punten.length !== 0;
      if (focus) {
        var target = focus.index < plan.punten.length ? list.children[focus.index].querySelector(focus.selector) : q("[data-plan-nieuw-punt]");
        if (target) target.focus();
      }
    }

    function renderFields() {
      Object.keys(fields).forEach(function (name) {
        fields[name].value = plan[name] || derived(name);
      });
      var f = fase(), m = meeting();
      origin.replaceChildren();
      if (f) {
        origin.appendChild(document.createTextNode("Uit de routekaart: "));
        var a = el("a", null, "Fase " + f.n + ": " + f.t);
        a.href = new URL(f.u, siteRoot).href;
        origin.appendChild(a);
        if (m) origin.appendChild(document.createTextNode(", bijeenkomst ‘" + m.t + "’"));
        origin.appendChild(document.createTextNode("."));
      }
      origin.hidden = !f;
    }

    function updateTimes() {
      var slots = P.schedule(plan).rows;
      Array.prototype.forEach.call(list.children, function (li, i) {
        var t = li.querySelector("[data-plan-tijd]");
        if (t && slots[i]) t.textContent = slots[i].start ? slots[i].start + "–" + slots[i].end : "";
      });
      total.textContent = totalText();
      total.setAttribute("data-plan-minuten", String(P.totalMinutes(plan)));
    }

    var handoutTimer = null;
    function changed(structure) {
      persist();
      updateTimes();
      window.clearTimeout(handoutTimer);
      if (structure) renderHandout();
      else handoutTimer = window.setTimeout(renderHandout, 300);
    }

    function render(focus) {
      renderFields();
      renderList(focus);
      updateTimes();
      renderHandout();
      share.href = shareUrl();
    }

    Object.keys(fields).forEach(function (name) {
      fields[name].addEventListener("input", function () {
        var value = fields[name].value;
        plan[name] = value === derived(name) ? "" : value;
        if (name === "start" && plan.start && P.parseTime(plan.start) === null) plan.start = "";
        changed(false);
      });
    });
    fields.start.addEventListener("change", function () { announce(totalText()); });

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !list.contains(button)) return;
      var li = button.closest("[data-plan-item]");
      var i = Number(li.getAttribute("data-plan-index"));
      var row = plan.punten[i];
      var name = rowTitle(row) || "punt zonder titel";
      if (button.getAttribute("aria-disabled") === "true") {
        announce(button.hasAttribute("data-plan-omhoog") ? "‘" + name + "’ staat al bovenaan." : "‘" + name + "’ staat al onderaan.", true);
        return;
      }
      if (button.hasAttribute("data-plan-verwijder")) {
        plan.punten.splice(i, 1);
        changed(true);
        renderList({ index: Math.min(i, plan.punten.length), selector: "input[name=titel]" }); /* the next row, or "Punt toevoegen" */
        announce("‘" + name + "’ is van de agenda gehaald. " + totalText(), true);
        return;
      }
      var to = button.hasAttribute("data-plan-omhoog") ? i - 1 : i + 1;
      plan.punten.splice(i, 1);
      plan.punten.splice(to, 0, row);
      changed(true);
      var kind = button.hasAttribute("data-plan-omhoog") ? "[data-plan-omhoog]" : "[data-plan-omlaag]";
      renderList({ index: to, selector: kind });
      announce("‘" + name + "’ staat nu op plaats " + (to + 1) + " van " + plan.punten.length + ".", true);
    });

    q("[data-plan-nieuw-punt]").addEventListener("click", function () {
      if (plan.punten.length >= P.LIMITS.rows) {
        announce("De agenda is vol (" + P.LIMITS.rows + " punten).", true);
        return;
      }
      plan.punten.push(P.newRow());
      changed(true);
      renderList({ index: plan.punten.length - 1, selector: "input[name=titel]" });
      announce("Punt " + plan.punten.length + " toegevoegd. " + totalText(), true);
    });

    q("[data-plan-wissen]").addEventListener("click", function () {
      if (P.isEmpty(plan)) { announce("Het plan is al leeg.", true); return; }
      previous = plan;
      plan = P.emptyPlan();
      persist();
      render();
      showNotice("Je plan is gewist, ook uit de opslag van je browser.", true);
      announce("Je plan is gewist.", true);
      fields.titel.focus();
    });

    q("[data-plan-print]").addEventListener("click", function () {
      renderHandout();
      window.print();
    });

    var copy = q("[data-plan-kopieer]");
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(shareUrl()).then(
          function () { announce("De link is gekopieerd.", true); },
          function () { announce("Kopiëren lukte niet. Kopieer de link dan zelf.", true); }
        );
      });
    }

    q("[data-plan-download]").addEventListener("click", function () {
      var titles = plan.punten.map(rowTitle);
      var file = P.toFile(plan, titles);
      var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
      var a = el("a");
      a.href = URL.createObjectURL(blob);
      a.download = fileName() + ".json";
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    });

    function fileName() {
      var title = (plan.titel || derived("titel") || "bijeenkomst").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      var slug = title.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "bijeenkomst";
      return (plan.datum ? plan.datum + "-" : "") + slug;
    }

    var upload = q("[data-plan-upload]");
    upload.addEventListener("change", function () {
      var file = upload.files && upload.files[0];
      if (!file) return;
      if (file.size > 200000) {
        showNotice("Dit bestand is te groot voor een plan. Kies het bestand dat je eerder met ‘Download als bestand’ hebt bewaard.");
        upload.value = "";
        return;
      }
      file.text().then(function (content) {
        var loaded = mend(P.fromFile(JSON.parse(content)));
        loaded.punten.forEach(function (r) { if (r.titel === derivedTitleFor(loaded, r)) r.titel = ""; });
        replace(loaded, "Het plan uit ‘" + file.name + "’ staat klaar.");
      }).catch(function () {
        showNotice("Dit bestand kon niet worden geopend als plan. Kies een bestand dat je eerder met ‘Download als bestand’ hebt bewaard (een .json-bestand).", false);
      }).then(function () { upload.value = ""; });
    });

    function derivedTitleFor(p, row) {
      var saved = plan;
      plan = p;
      var t = derivedTitle(row);
      plan = saved;
      return t;
    }

    function replace(next, message) {
      var stored = plan;
      plan = next;
      if (!P.isEmpty(stored) && JSON.stringify(stored) !== JSON.stringify(next)) {
        previous = stored;
        showNotice(message + " Je vorige plan is vervangen.", true);
      } else if (message) {
        showNotice(message, false);
      } else {
        hideNotice();
      }
      persist();
      render();
    }

    /* -- the handout: agenda, a werkblad per tool, the fase's checklist */

    function renderHandout() {
      var s = P.schedule(plan);
      var f = fase();
      handout.replaceChildren();
      var agenda = el("section", "mk-handout__agenda");
      agenda.setAttribute("aria-label", "Hand-out: agenda");
      agenda.appendChild(el("h2", "mk-handout__titel", plan.titel || derived("titel") || "Agenda"));
      var meta = [];
      if (plan.datum) meta.push(dutchDate(plan.datum));
      if (s.start) meta.push(s.start + (s.end && s.total ? "–" + s.end : "") + " uur");
      if (plan.plaats) meta.push(plan.plaats);
      if (meta.length) agenda.appendChild(el("p", "mk-handout__meta", meta.join(" · ")));
      var goal = plan.doel || derived("doel");
      if (goal) {
        var g = el("p", "mk-handout__doel");
        g.appendChild(el("strong", null, "Doel: "));
        g.appendChild(document.createTextNode(goal));
        agenda.appendChild(g);
      }
      if (plan.punten.length) {
        var table = el("table", "mk-handout__tabel");
        table.appendChild(el("caption", null, "Agenda"));
        var head = el("tr");
        ["Tijd", "Minuten", "Onderwerp", "Wie"].forEach(function (h) { var th = el("th", null, h); th.scope = "col"; head.appendChild(th); });
        var thead = el("thead");
        thead.appendChild(head);
        table.appendChild(thead);
        var body = el("tbody");
        plan.punten.forEach(function (row, i) {
          var tr = el("tr");
          tr.setAttribute("data-plan-handout-item", "");
          tr.appendChild(el("td", "mk-handout__tijd", s.rows[i].start ? s.rows[i].start + "–" + s.rows[i].end : ""));
          tr.appendChild(el("td", "mk-handout__min", String(row.minuten)));
          var what = el("td");
          what.appendChild(el("span", "mk-handout__onderwerp", rowTitle(row) || "(zonder titel)"));
          if (row.tool && tools[row.tool] && rowTitle(row) !== tools[row.tool].t) what.appendChild(el("span", "mk-handout__tool", "Werkvorm: " + tools[row.tool].t));
          if (row.notitie) what.appendChild(el("span", "mk-handout__notitie", row.notitie));
          tr.appendChild(what);
          tr.appendChild(el("td", null, row.wie));
          body.appendChild(tr);
        });
        table.appendChild(body);
        agenda.appendChild(table);
        agenda.appendChild(el("p", "mk-handout__totaal", totalText()));
      } else {
        agenda.appendChild(el("p", null, "Nog geen agendapunten."));
      }
      handout.appendChild(agenda);

      var seen = {};
      plan.punten.forEach(function (row) {
        if (!row.tool || seen[row.tool] || !tools[row.tool]) return;
        seen[row.tool] = true;
        handout.appendChild(werkblad(tools[row.tool]));
      });

      if (f && f.c && f.c.length) {
        var check = el("section", "mk-handout__checklist");
        check.setAttribute("data-plan-checklist", f.id);
        check.appendChild(el("h2", null, "Checklist fase " + f.n + ": " + f.t));
        check.appendChild(el("p", null, "Wanneer is deze fase succesvol?"));
        var ul = el("ul", "mk-handout__vinkjes");
        f.c.forEach(function (item) { ul.appendChild(el("li", null, item)); });
        check.appendChild(ul);
        handout.appendChild(check);
      }
    }

    function richText(html) {
      /* HTML sanitised at build time (macros/richtext.py, an allowlist); parsed inertly. */
      var t = document.createElement("template");
      t.innerHTML = html;
      return t.content;
    }

    function werkblad(tool) {
      var sec = el("section", "mk-werkblad");
      sec.setAttribute("data-plan-werkblad", tool.id);
      sec.appendChild(el("p", "mk-werkblad__soort", "Werkblad"));
      var h = el("h2");
      var a = el("a", null, tool.t);
      a.href = new URL(tool.u, siteRoot).href;
      h.appendChild(a);
      sec.appendChild(h);
      if (tool.s) sec.appendChild(el("p", "mk-werkblad__lead", tool.s));
      [["Waarvoor?", "doel"], ["Stappen", "hoe"]].forEach(function (part) {
        if (!tool[part[1]]) return;
        var div = el("div", "mk-werkblad__" + part[1]);
        div.appendChild(el("h3", null, part[0]));
        div.appendChild(richText(tool[part[1]]));
        sec.appendChild(div);
      });
      var need = el("div", "mk-werkblad__nodig");
      need.appendChild(el("h3", null, "Wat heb je nodig?"));
      if (tool.wie) {
        need.appendChild(el("p", "mk-werkblad__label", "Wie doen mee:"));
        need.appendChild(richText(tool.wie));
      }
      if (tool.nodig && tool.nodig.length) {
        var dl = el("ul");
        tool.nodig.forEach(function (pair) { dl.appendChild(el("li", null, pair[0] + ": " + pair[1])); });
        need.appendChild(dl);
      } else {
        need.appendChild(el("p", null, "De bron noemt geen materialen, groepsgrootte of duur."));
      }
      sec.appendChild(need);
      if (tool.b && tool.b.length) {
        var src = el("div", "mk-werkblad__bron");
        src.appendChild(el("h3", null, "Bron"));
        var ul = el("ul");
        tool.b.forEach(function (b) {
          var li = el("li");
          if (b.u && /^(https:|mailto:)/.test(b.u)) {
            var link = el("a", null, b.t);
            link.href = b.u;
            link.rel = "noopener noreferrer";
            li.appendChild(link);
          } else {
            li.appendChild(document.createTextNode(b.t));
          }
          if (b.s) li.appendChild(document.createTextNode(", " + b.s));
          ul.appendChild(li);
        });
        src.appendChild(ul);
        sec.appendChild(src);
      }
      return sec;
    }

    var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    function dutchDate(iso) {
      var d = iso.split("-").map(Number);
      return d[2] + " " + MONTHS[d[1] - 1] + " " + d[0];
    }

    /* -- where the plan comes from when the page opens */

    var BROKEN = "Deze link naar een plan is beschadigd of onvolledig. Daarom zie je een lege planner. Vraag wie je de link stuurde om hem opnieuw te delen, of begin hier zelf een plan.";

    function fromAddress() {
      var hash = location.hash.replace(/^#/, "");
      var stored = data.failed ? loadStored() : mend(loadStored());
      previous = null;
      if (/^plan=/.test(hash)) {
        var next;
        try {
          next = P.decode(decodeURIComponent(hash.slice(5)));
        } catch (e) {
          next = null;
        }
        if (!next || !refsOk(next)) {
          plan = P.emptyPlan();
          previous = stored;
          showNotice(BROKEN, true);
          render();
          share.href = shareUrl();
          try { history.replaceState(null, "", location.href.split("#")[0]); } catch (e) { /* ignore */ }
          return; /* the stored plan stays until the visitor changes something */
        }
        plan = stored;
        replace(next, JSON.stringify(next) === JSON.stringify(stored) ? "" : "Het gedeelde plan staat klaar.");
        return;
      }
      var match = /^bijeenkomst=([a-z0-9-]+)\.(\d+)$/.exec(hash);
      if (match) {
        var f = null;
        data.fases.forEach(function (x) { if (x.id === match[1]) f = x; });
        var made = null;
        try { made = P.fromMeeting(f, Number(match[2])); } catch (e) { made = null; }
        plan = stored;
        if (!made) {
          plan = P.emptyPlan();
          previous = stored;
          showNotice("Deze bijeenkomst staat niet (meer) in de routekaart. Daarom zie je een lege planner.", true);
          render();
          return;
        }
        made.punten = made.punten.filter(function (r) { return !r.tool || tools[r.tool]; });
        var name = f.m[made.bijeenkomst - 1].t;
        replace(made, made.punten.length
          ? "De agenda van ‘" + name + "’ staat klaar. Vul de minuten in en zet de punten in de goede volgorde."
          : "De routekaart geeft voor ‘" + name + "’ geen agendapunten. Voeg ze hieronder zelf toe.");
        return;
      }
      plan = stored;
      hideNotice();
      render();
      try { history.replaceState(null, "", shareUrl()); } catch (e) { /* file:// and the like */ }
    }

    box.hidden = false;
    fetch(new URL("planner.json", location.href.split("#")[0]).href, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (json) { data = json; })
      .catch(function () { data = { fases: [], tools: [], failed: true }; })
      .then(function () {
        data.tools.forEach(function (t) { tools[t.id] = t; });
        fromAddress();
        if (data.failed && !notice.firstChild) showNotice("De tools en de routekaart konden niet worden geladen. Je kunt wel een plan maken; probeer het later opnieuw voor de werkbladen.", false);
        box.removeAttribute("aria-busy");
        box.setAttribute("data-plan-klaar", "");
      });
    window.addEventListener("hashchange", fromAddress);
    window.addEventListener("storage", function (event) {
      /* a tool put on the agenda in another tab shows up here too */
      if (event.key !== KEY || !box.hasAttribute("data-plan-klaar")) return;
      var next = mend(loadStored());
      if (JSON.stringify(next) === JSON.stringify(plan)) return;
      plan = next;
      render();
      try { history.replaceState(null, "", shareUrl()); } catch (e) { /* ignore */ }
    });
    window.addEventListener("beforeprint", renderHandout);
  }

  var planner = document.querySelector("[data-plan]");
  if (planner) setUpPlanner(planner);
  var toolButton = document.querySelector("button[data-plan-tool]");
  if (toolButton) setUpToolButton(toolButton);
})();
