/* Meeting planner, the plan as plain data: check, encode for a link, decode, time.
   Pure functions without the DOM or storage, so tests call them directly
   (window.menukaartPlan in the browser, module.exports under Node).

   A plan refers to the routekaart and the tools by id and position, never by their text:
   a row made from agenda point 2 of meeting 1 of fase-1 stores only `punt: 2` (the plan
   stores fase and meeting once); a row with a tool stores its id. The text is looked up
   in /bijeenkomst/planner.json when the plan is shown. That keeps a shared link of a
   dozen rows far under 2,000 characters.

   Link format: "1." + base64url(UTF-8 JSON of arrays by position), version first, so a
   later format can be told apart and an old link still opens. */
(function (root) {
  "use strict";
  var VERSION = 1;
  var PREFIX = VERSION + ".";
  var DEFAULT_MINUTES = 15;
  var LIMITS = { titel: 200, plaats: 200, doel: 2000, notitie: 1000, wie: 120, rows: 60, minuten: 600 };
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

  function emptyPlan() {
    return { titel: "", datum: "", plaats: "", start: "", doel: "", fase: "", bijeenkomst: 0, punten: [] };
  }

  /* One agenda row. punt: 1-based agenda point of the plan's meeting (0 = none);
     titel: own text, "" = the text of that point or tool. */
  function newRow(fields) {
    var row = { titel: "", punt: 0, tool: "", minuten: DEFAULT_MINUTES, notitie: "", wie: "" };
    if (fields) Object.keys(row).forEach(function (k) { if (fields[k] !== undefined) row[k] = fields[k]; });
    return row;
  }

  function fail(why) {
    var e = new Error(why);
    e.name = "PlanError";
    throw e;
  }

  function text(value, max, what) {
    if (value === undefined || value === null) return "";
    if (typeof value !== "string") fail(what + " is geen tekst");
    if (value.length > max) fail(what + " is te lang");
    return value;
  }

  function whole(value, min, max, what, fallback) {
    if (value === undefined || value === null || value === "") return fallback;
    if (typeof value !== "number" || !isFinite(value) || Math.floor(value) !== value || value < min || value > max) fail(what + " is geen geldig getal");
    return value;
  }

  /* A plan from anything (a decoded link, a file, storage) or an error: every field is
     checked and unknown fields are dropped, so what reaches the page is always well formed. */
  function normalise(input) {
    if (!input || typeof input !== "object" || Array.isArray(input)) fail("geen plan");
    var plan = emptyPlan();
    plan.titel = text(input.titel, LIMITS.titel, "de titel");
    plan.plaats = text(input.plaats, LIMITS.plaats, "de plaats");
    plan.doel = text(input.doel, LIMITS.doel, "het doel");
    plan.datum = text(input.datum, 10, "de datum");
    if (plan.datum && !DATE.test(plan.datum)) fail("de datum is geen JJJJ-MM-DD");
    plan.start = text(input.start, 5, "de begintijd");
    if (plan.start && !TIME.test(plan.start)) fail("de begintijd is geen UU:MM");
    plan.fase = text(input.fase, 80, "de fase");
    if (plan.fase && !ID.test(plan.fase)) fail("de fase is geen geldig id");
    plan.bijeenkomst = whole(input.bijeenkomst, 0, 99, "de bijeenkomst", 0);
    if (plan.bijeenkomst && !plan.fase) fail("een bijeenkomst zonder fase");
    var rows = input.punten === undefined ? [] : input.punten;
    if (!Array.isArray(rows)) fail("de agenda is geen lijst");
    if (rows.length > LIMITS.rows) fail("te veel agendapunten");
    plan.punten = rows.map(function (r) {
      if (!r || typeof r !== "object" || Array.isArray(r)) fail("een agendapunt is geen punt");
      var row = newRow({
        titel: text(r.titel, LIMITS.titel, "de titel van een punt"),
        punt: whole(r.punt, 0, 99, "het nummer van een punt", 0),
        tool: text(r.tool, 80, "de tool van een punt"),
        minuten: whole(r.minuten, 0, LIMITS.minuten, "het aantal minuten", DEFAULT_MINUTES),
        notitie: text(r.notitie, LIMITS.notitie, "de notitie van een punt"),
        wie: text(r.wie, LIMITS.wie, "'wie' van een punt")
      });
      if (row.tool && !ID.test(row.tool)) fail("de tool van een punt is geen geldig id");
      if (row.punt && !plan.bijeenkomst) fail("een punt verwijst naar een bijeenkomst die het plan niet noemt");
      return row;
    });
    return plan;
  }

  function isEmpty(plan) {
    return !plan || (!plan.punten.length && !plan.titel && !plan.datum && !plan.plaats && !plan.start && !plan.doel && !plan.fase);
  }

  /* -- the link: arrays by position, trailing defaults left out */

  function trim(list, defaults) {
    var end = list.length;
    while (end > 0 && list[end - 1] === defaults[end - 1]) end--;
    return list.slice(0, end);
  }

  var PLAN_DEFAULTS = [VERSION, "", "", "", "", "", "", 0, null];
  var ROW_DEFAULTS = [0, "", DEFAULT_MINUTES, "", "", ""];

  function toArrays(plan) {
    var rows = plan.punten.map(function (r) {
      return trim([r.punt, r.tool, r.minuten, r.titel, r.notitie, r.wie], ROW_DEFAULTS);
    });
    return trim([VERSION, plan.titel, plan.datum, plan.plaats, plan.start, plan.doel, plan.fase, plan.bijeenkomst, rows.length ? rows : null], PLAN_DEFAULTS);
  }

  function fromArrays(a) {
    if (!Array.isArray(a) || a[0] !== VERSION) fail("onbekende versie");
    var rows = a[8] === undefined || a[8] === null ? [] : a[8];
    if (!Array.isArray(rows)) fail("de agenda is geen lijst");
    return normalise({
      titel: a[1], datum: a[2], plaats: a[3], start: a[4], doel: a[5], fase: a[6], bijeenkomst: a[7],
      punten: rows.map(function (r) {
        if (!Array.isArray(r)) fail("een agendapunt is geen lijst");
        return { punt: r[0], tool: r[1], minuten: r[2], titel: r[3], notitie: r[4], wie: r[5] };
      })
    });
  }

  function toBase64Url(str) {
    var bytes = new TextEncoder().encode(str);
    var bin = "";
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(code) {
    if (!/^[A-Za-z0-9_-]*$/.test(code) || code.length % 4 === 1) fail("de link is beschadigd");
    var bin;
    try {
      bin = atob(code.replace(/-/g, "+").replace(/_/g, "/"));
    } catch (e) {
      fail("de link is beschadigd");
    }
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (e) {
      return fail("de link is beschadigd");
    }
  }

  /* The plan as the short code after "#plan=". */
  function encode(plan) {
    return PREFIX + toBase64Url(JSON.stringify(toArrays(normalise(plan))));
  }

  /* The plan from a code; throws a PlanError for anything damaged or edited into nonsense. */
  function decode(code) {
    if (typeof code !== "string" || code.indexOf(PREFIX) !== 0) fail("de link is beschadigd");
    var json;
    try {
      json = JSON.parse(fromBase64Url(code.slice(PREFIX.length)));
    } catch (e) {
      if (e && e.name === "PlanError") throw e;
      fail("de link is beschadigd");
    }
    return fromArrays(json);
  }

  /* -- the file: readable keys, so a plan kept in a folder can be read and mended */

  var FILE_KIND = "menukaart-bijeenkomst";

  function toFile(plan, titles) {
    var p = normalise(plan);
    return {
      soort: FILE_KIND,
      versie: VERSION,
      titel: p.titel, datum: p.datum, plaats: p.plaats, start: p.start, doel: p.doel,
      fase: p.fase, bijeenkomst: p.bijeenkomst,
      punten: p.punten.map(function (r, i) {
        var out = { titel: r.titel || (titles ? titles[i] || "" : ""), minuten: r.minuten, tool: r.tool, wie: r.wie, notitie: r.notitie };
        if (r.punt) out.punt = r.punt;
        return out;
      })
    };
  }

  function fromFile(obj) {
    if (!obj || obj.soort !== FILE_KIND) fail("dit is geen plan van de Menukaart");
    if (obj.versie !== VERSION) fail("onbekende versie van het bestand");
    var copy = {};
    Object.keys(obj).forEach(function (k) { if (k !== "soort" && k !== "versie") copy[k] = obj[k]; });
    return normalise(copy);
  }

  /* -- time */

  function parseTime(value) {
    if (!TIME.test(value || "")) return null;
    return Number(value.slice(0, 2)) * 60 + Number(value.slice(3));
  }

  function formatTime(minutes) {
    var m = ((minutes % 1440) + 1440) % 1440;
    var h = Math.floor(m / 60);
    return (h < 10 ? "0" : "") + h + ":" + (m % 60 < 10 ? "0" : "") + (m % 60);
  }

  function totalMinutes(plan) {
    return plan.punten.reduce(function (sum, r) { return sum + (r.minuten || 0); }, 0);
  }

  /* Start and end of every row, and the end of the meeting; times are null without a start time. */
  function schedule(plan) {
    var start = parseTime(plan.start);
    var at = start;
    var rows = plan.punten.map(function (r) {
      if (at === null) return { start: null, end: null };
      var slot = { start: formatTime(at), end: formatTime(at + (r.minuten || 0)) };
      at += r.minuten || 0;
      return slot;
    });
    return { rows: rows, total: totalMinutes(plan), start: start === null ? null : formatTime(start), end: start === null ? null : formatTime(at) };
  }

  /* "1 uur en 15 minuten", "45 minuten": how a reader says a duration. */
  function duration(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    var parts = [];
    if (h) parts.push(h + " uur");
    if (m || !h) parts.push(m + (m === 1 ? " minuut" : " minuten"));
    return parts.join(" en ");
  }

  /* A new plan from meeting `index` (1-based) of a fase in planner.json: one row per agenda
     point, then one row per tool the meeting names, to be moved next to the point it serves. */
  function fromMeeting(fase, index) {
    var meeting = fase && fase.m && fase.m[index - 1];
    if (!meeting) fail("deze bijeenkomst bestaat niet");
    var plan = emptyPlan();
    plan.fase = fase.id;
    plan.bijeenkomst = index;
    plan.punten = meeting.p.map(function (_, i) { return newRow({ punt: i + 1 }); });
    (meeting.k || []).forEach(function (tool) { plan.punten.push(newRow({ tool: tool })); });
    return plan;
  }

  var api = {
    VERSION: VERSION,
    DEFAULT_MINUTES: DEFAULT_MINUTES,
    LIMITS: LIMITS,
    emptyPlan: emptyPlan,
    newRow: newRow,
    normalise: normalise,
    isEmpty: isEmpty,
    encode: encode,
    decode: decode,
    toFile: toFile,
    fromFile: fromFile,
    parseTime: parseTime,
    formatTime: formatTime,
    totalMinutes: totalMinutes,
    schedule: schedule,
    duration: duration,
    fromMeeting: fromMeeting
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.menukaartPlan = api;
})(typeof window !== "undefined" ? window : this);
