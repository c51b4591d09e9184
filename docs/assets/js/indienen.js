/* Praktijk delen (/indienen/): turns the form into a practice file, entirely in the browser.
 *
 * The form and its checks come from the practice schema (macros/submission_form.py, the
 * JSON in #indienen-spec). This script shows each problem next to its field, writes the
 * YAML live into [data-indienen-yaml] and keeps the GitHub link [data-indienen-github]
 * up to date. Nothing is sent anywhere: the only request is for this site's own list of
 * existing ids. Text reaches the page through textContent only.
 */
(function () {
  "use strict";

  /* ------------------------------------------------------------ pure helpers */

  var SPECIAL_LETTERS = { "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "&": " en " };

  /** The id a title gives; macros/submission_form.py `slug` does the same (tests keep them equal). */
  function slug(title, limit) {
    limit = limit || 80;
    var text = String(title).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    text = Array.from(text).map(function (c) { return SPECIAL_LETTERS[c] || c; }).join("");
    text = text.replace(/['\u2018\u2019`\u00b4]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return text.slice(0, limit).replace(/-+$/, "");
  }

  /** Characters YAML (libyaml) reads as printable inside a scalar; line breaks excluded. */
  function printable(cp) {
    if (cp >= 0x20 && cp <= 0x7e) return true;
    if (cp >= 0xa0 && cp <= 0xd7ff) return cp !== 0x2028 && cp !== 0x2029;
    if (cp >= 0xe000 && cp <= 0xfffd) return cp !== 0xfeff;
    return cp >= 0x10000 && cp <= 0x10ffff;
  }

  function hex(cp, width) {
    var h = cp.toString(16).toUpperCase();
    while (h.length < width) h = "0" + h;
    return h;
  }

  /** A double-quoted YAML string: always read back as exactly this text, never as a number or date. */
  function quoted(text) {
    var out = '"';
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      if (ch === '"') out += '\\"';
      else if (ch === "\\") out += "\\\\";
      else if (ch === "\n") out += "\\n";
      else if (ch === "\t") out += "\\t";
      else if (ch === "\r") out += "\\r";
      else if (printable(cp)) out += ch;
      else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\uFFFD"; // half a character: cannot be stored
      else if (cp <= 0xff) out += "\\x" + hex(cp, 2);
      else if (cp <= 0xffff) out += "\\u" + hex(cp, 4);
      else out += "\\U" + hex(cp, 8);
    }
    return out + '"';
  }

  /** A literal block (|-) keeps longer texts readable for reviewers; only used when it is exact. */
  function blockSafe(text) {
    if (text.indexOf("\n") < 0 || /^[ \n]/.test(text) || /\s$/.test(text)) return false;
    for (var ch of text) {
      if (ch !== "\n" && !printable(ch.codePointAt(0))) return false;
    }
    return true;
  }

  /** Pasted text as an editor means it: tabs become spaces and Windows line ends plain ones,
   *  so a pasted block stays a readable YAML block instead of one escaped line. */
  function tidy(text) {
    return String(text).replace(/\r\n?/g, "\n").replace(/\t/g, "    ").replace(/[ ]+$/gm, "");
  }

  function scalar(value, kind, indent) {
    value = tidy(value);
    if (kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    if (kind === "integer" && /^-?(0|[1-9][0-9]*)$/.test(value)) return value;
    if (kind === "boolean" && (value === "true" || value === "false")) return value;
    if (blockSafe(value)) {
      return "|-\n" + value.split("\n").map(function (line) { return line ? indent + line : ""; }).join("\n");
    }
    return quoted(value);
  }

  function isEmpty(value) {
    if (Array.isArray(value)) return value.length === 0;
    if (value && typeof value === "object") return Object.keys(value).every(function (k) { return isEmpty(value[k]); });
    return value === undefined || value === null || value === "";
  }

  /** The practice as YAML, keys in schema order, empty values left out. */
  function toYaml(fields, record) {
    var lines = [];
    fields.forEach(function (f) {
      var value = record[f.name];
      if (isEmpty(value)) return;
      if (!Array.isArray(value)) {
        lines.push(f.name + ": " + scalar(value, f.kind, "  "));
        return;
      }
      var items = value.filter(function (v) { return !isEmpty(v); });
      if (!items.length) return;
      lines.push(f.name + ":");
      items.forEach(function (item) {
        if (typeof item !== "object") {
          lines.push("  - " + scalar(item, "string", "    "));
          return;
        }
        var first = true;
        (f.items || []).forEach(function (sub) {
          if (isEmpty(item[sub.name])) return;
          lines.push((first ? "  - " : "    ") + sub.name + ": " + scalar(item[sub.name], sub.kind, "      "));
          first = false;
        });
      });
    });
    return lines.join("\n") + "\n";
  }

  function length(text) {
    return Array.from(text).length; // code points, as the validator counts
  }

  function shorten(text, limit) {
    text = String(text).replace(/\n/g, " ");
    limit = limit || 40;
    return length(text) <= limit ? text : Array.from(text).slice(0, limit - 1).join("") + "\u2026";
  }

  function lowerFirst(text) {
    return text.charAt(0).toLowerCase() + text.slice(1);
  }

  function validDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    var d = new Date(value + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === value;
  }


  function today(offsetDays) {
    var d = new Date(Date.now() + (offsetDays || 0) * 86400000);
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  /** A link that is nearly right gets the right form, as the validator says it (macros/editor_checks.py). */
  function linkFix(url, messages) {
    var low = url.trim().toLowerCase();
    var fix = messages.linkFix;
    if (!fix) return "";
    if (["https://", "http://", "https:", "http:", "https", "www", "www."].indexOf(low) >= 0) return fix.bare;
    if (low.indexOf("http://") === 0) return fix.http.replace("{rest}", url.trim().slice(7));
    if (low.indexOf("www.") === 0) return fix.www.replace("{rest}", url.trim().slice(4));
    return "";
  }

  /** The first problem with one value, in Dutch, or "" — the validator's checks, field by field. */
  function problem(f, value, checks, messages) {
    if (value === "") return f.required ? "Dit veld is verplicht. Vul het in." : "";
    var hidden = checks.hidden.exec(value);
    if (hidden) {
      var code = hidden[0].charCodeAt(0).toString(16).toUpperCase();
      while (code.length < 4) code = "0" + code;
      return "Hier staat een onzichtbaar teken (U+" + code + "). Zulke tekens kunnen tekst verbergen voor wie het nakijkt. Haal het weg: typ de tekst op die plek opnieuw.";
    }
    var n = length(value);
    if (f.minLength && n < f.minLength) return "Dit is te kort (" + n + " tekens). Schrijf minstens " + f.minLength + " tekens.";
    if (f.maxLength && n > f.maxLength) return "Dit is " + n + " tekens lang. Het maximum is " + f.maxLength + " tekens: maak het korter.";
    if (f.link && linkFix(value, messages)) return "'" + shorten(value) + "' is geen bruikbaar webadres: " + linkFix(value, messages) + ".";
    if (f.link && !checks.linkPrefixes.some(function (p) { return value.toLowerCase().indexOf(p) === 0; })) {
      return messages.badLink.replace("{waarde}", shorten(value));
    }
    if (f.pattern && !new RegExp("^(?:" + f.pattern.source + ")$", f.pattern.flags).test(value)) {
      return "'" + shorten(value) + "' heeft niet de goede vorm: " + lowerFirst(f.description);
    }
    if (f.kind === "date" && !validDate(value)) return "Dit is geen geldige datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-23.";
    if (f.kind === "date" && f.name === "bijgewerkt" && value > today(1)) return value + " ligt in de toekomst. Zet hier de datum van je laatste wijziging, uiterlijk vandaag (" + today() + ").";
    if (f.kind === "integer") {
      if (!/^-?(0|[1-9][0-9]*)$/.test(value)) return "Schrijf een geheel getal, zonder voorloopnul, bijvoorbeeld 3.";
      var number = Number(value);
      if ((f.minimum !== null && number < f.minimum) || (f.maximum !== null && number > f.maximum)) {
        return "Kies een getal van " + f.minimum + " tot en met " + f.maximum + ".";
      }
    }
    if (f.markdown) {
      if (checks.htmlTag.test(value)) return messages.htmlInText;
      var links = new RegExp(checks.markdownLink.source, checks.markdownLink.flags + "g");
      var match;
      while ((match = links.exec(value)) !== null) {
        var url = match[1] !== undefined ? match[1] : match[2] !== undefined ? match[2] : match[3];
        if (!checks.linkPrefixes.some(function (p) { return url.toLowerCase().indexOf(p) === 0; }) || linkFix(url, messages)) {
          return messages.badLink.replace("{waarde}", shorten(url)).replace(/ — .*$/, linkFix(url, messages) ? " — " + linkFix(url, messages) : "$&");
        }
        if (match[0] === "") links.lastIndex += 1;
      }
    }
    return "";
  }

  /** Phone numbers and personal e-mail addresses: a warning, never a stop (see CONTRIBUTING, Privacy). */
  var CHECKS = null; /* the validator's patterns as RegExps, from the spec (macros/editor_checks.py) */

  function privacyWarning(value) {
    var what = [];
    if (!CHECKS) return "";
    var phone = CHECKS.phone.exec(value);
    if (phone) what.push("een telefoonnummer (" + phone[0].trim() + ")");
    var email = CHECKS.email.exec(value);
    if (email && CHECKS.mailboxes.indexOf(email[0].split("@")[0].toLowerCase()) < 0) what.push("een persoonlijk e-mailadres (" + email[0] + ")");
    if (!what.length) return "";
    return "Dit lijkt " + what.join(" en ") + ". Alles op GitHub is openbaar. Noem liever een organisatie, een algemeen e-mailadres (zoals info@…) of een website. Is het een functioneel contact, of heeft de persoon toestemming gegeven? Zeg dat dan bij je inzending; de redactie beslist.";
  }

  /** How to send the file: GitHub takes the text in the link up to a limit, a mail program far less. */
  function route(url, limit) {
    return url.length <= limit ? "link" : "kopieer-eerst";
  }

  /** The spec's {source, flags} patterns (translated from Python by macros/js_regex.py) as RegExps. */
  function compileChecks(checks) {
    var out = {};
    Object.keys(checks).forEach(function (name) {
      var c = checks[name];
      out[name] = c && typeof c.source === "string" ? new RegExp(c.source, c.flags) : c;
    });
    return out;
  }

  window.MenukaartIndienen = { slug: slug, toYaml: toYaml, quoted: quoted, tidy: tidy, route: route, privacyWarning: privacyWarning };

  /* ------------------------------------------------------------ the form */

  var specElement = document.getElementById("indienen-spec");
  var form = document.querySelector("[data-indienen-form]");
  if (!specElement || !form) return;
  var spec = JSON.parse(specElement.textContent);
  CHECKS = compileChecks(spec.checks);
  window.MenukaartIndienen.checks = CHECKS;
  form.hidden = false;
  document.querySelectorAll(".mk-indienen__bestand").forEach(function (el) { el.hidden = false; });
  document.querySelectorAll("[data-indienen-zonder-js]").forEach(function (el) { el.hidden = true; });
  var longPanel = document.querySelector("[data-indienen-lang]");
  var emptyGithub = document.querySelector("[data-indienen-github-leeg]");
  var mailLink = document.querySelector("[data-indienen-mail]");
  var mailHelp = document.querySelector("[data-indienen-mail-uitleg]");
  var newWijk = form.querySelector("[data-wijk-nieuw]");
  var newWijkName = form.querySelector("[data-wijk-nieuw-naam]");
  var newWijkId = form.querySelector("[data-wijk-nieuw-id]");
  var yamlOut = document.querySelector("[data-indienen-yaml]");
  var pathOut = document.querySelector("[data-indienen-path]");
  var problemsOut = document.querySelector("[data-indienen-problems]");
  var statusOut = document.querySelector("[data-indienen-status]");
  var githubLink = document.querySelector("[data-indienen-github]");
  var MAX_URL = spec.maxGithubUrl || 7500; // longer links are refused by GitHub; then the editor copies first
  var byFormName = {};
  spec.fields.forEach(function (f) {
    byFormName[f.formName] = f;
    (f.items || []).forEach(function (sub) { byFormName[sub.formName] = sub; });
  });
  var existing = [];
  var idEdited = false;
  var attempted = false;
  var dirty = false;
  var touched = new Set();
  var rowCounter = 1;

  function control(name) {
    return form.querySelector('[name="' + CSS.escape(name) + '"]');
  }

  function controls() {
    return Array.prototype.filter.call(form.querySelectorAll("input, select, textarea"), function (el) {
      return el.type !== "checkbox" && byFormName[el.name];
    });
  }

  function rowValue(row, f) {
    if (f.items.length === 1 && f.items[0].formName === f.name) {
      return row.querySelector('[name="' + CSS.escape(f.name) + '"]').value.trim();
    }
    var item = {};
    f.items.forEach(function (sub) {
      var el = row.querySelector('[name="' + CSS.escape(sub.formName) + '"]');
      item[sub.name] = el ? el.value.trim() : "";
    });
    return item;
  }

  function rows(f) {
    return Array.prototype.slice.call(form.querySelectorAll('[data-rows="' + CSS.escape(f.name) + '"] > [data-row]'));
  }

  function record() {
    var out = {};
    spec.fields.forEach(function (f) {
      if (f.kind === "choices") {
        out[f.name] = Array.prototype.map.call(form.querySelectorAll('input[type="checkbox"][name="' + CSS.escape(f.name) + '"]:checked'), function (el) { return el.value; });
      } else if (f.kind === "rows") {
        out[f.name] = rows(f).map(function (row) { return rowValue(row, f); }).filter(function (v) { return !isEmpty(v); });
      } else {
        var el = control(f.formName);
        out[f.name] = el ? el.value.trim() : "";
      }
    });
    if (newWijkChosen()) out[spec.groupedBy] = slug(newWijkName.value, spec.idMax);
    return out;
  }

  function newWijkChosen() {
    return !!(newWijk && newWijk.open && newWijkName.value.trim() && slug(newWijkName.value, spec.idMax));
  }

  function labelOf(el) {
    var label = form.querySelector('label[for="' + CSS.escape(el.id) + '"]');
    var text = label ? label.textContent.replace(/\s*\(verplicht\)\s*$/, "").trim() : el.name;
    var group = el.closest("fieldset.mk-row__group");
    return group ? group.querySelector("legend").textContent.trim() + ", " + lowerFirst(text) : text;
  }

  /** Every problem in the form, in page order: [{el, message}]. */
  function problems() {
    var found = [];
    controls().forEach(function (el) {
      var f = byFormName[el.name];
      var value = el.value.trim();
      var row = el.closest("[data-row]");
      var parent = row ? spec.fields.filter(function (p) { return p.name === el.name.split(".")[0]; })[0] : null;
      if (row && parent && value === "" && isEmpty(rowValue(row, parent))) {
        // an empty row is simply left out, unless the list is required and has no filled row at all
        var first = rows(parent)[0] === row && el === row.querySelector("input, select, textarea");
        if (parent.required && first && !rows(parent).some(function (r) { return !isEmpty(rowValue(r, parent)); })) {
          found.push({ el: el, message: parent.emptyMessage }); // the list's own words, from the schema
        }
        return;
      }
      if (f.name === spec.groupedBy && value === "" && newWijkChosen()) return;
      var message = problem(f, value, CHECKS, spec.messages);
      if (!message && f.name === spec.idField && existing.indexOf(value) >= 0) {
        message = "Er staat al een praktijk met het id '" + value + "' in de Menukaart. Gaat het om dezelfde praktijk? Vul dan die pagina aan. Anders: maak het id anders, bijvoorbeeld met de naam van de wijk erachter.";
      }
      if (message) found.push({ el: el, message: message });
    });
    return found;
  }

  function showProblem(el, message, visible) {
    var error = document.getElementById("fout-" + el.id.replace(/^veld-/, ""));
    var text = visible ? message : "";
    if (error && error.textContent !== text) error.textContent = text;
    if (text) el.setAttribute("aria-invalid", "true");
    else el.removeAttribute("aria-invalid");
  }

  function filePath(values) {
    return spec.folder + "/" + (values[spec.groupedBy] || "\u2026") + "/" + (values[spec.idField] || "\u2026") + ".yaml";
  }

  function githubBase(path) {
    // Slashes may stay as they are in a query string; the file name stays readable in the link.
    return spec.repository + "/new/" + encodeURIComponent(spec.branch) + "?filename=" + encodeURIComponent(path).replace(/%2F/g, "/");
  }

  function githubUrl(path, yaml) {
    var full = githubBase(path) + "&value=" + encodeURIComponent(yaml);
    return route(full, MAX_URL) === "link" ? full : githubBase(path);
  }

  function mailUrl(yaml) {
    var subject = "Praktijk voor de Menukaart: " + (current.path.split("/").pop() || "");
    var body = "Hierbij mijn praktijk voor de Menukaart. Het bestand " + current.path + " staat hieronder.\n\n" + yaml;
    return "mailto:" + spec.redactieEmail + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  }

  function warnings() {
    var out = [];
    controls().forEach(function (el) {
      var name = el.name.split(".")[0];
      if ((name === "contact" || name === "partners") && el.value.trim()) {
        var text = privacyWarning(el.value);
        if (text) out.push({ el: el, message: text });
      }
    });
    return out;
  }

  function renderWarnings() {
    var box = document.querySelector("[data-indienen-warnings]");
    var found = warnings();
    if (!box) {
      box = document.createElement("div");
      box.className = "mk-indienen__waarschuwing";
      box.setAttribute("data-indienen-warnings", "");
      problemsOut.parentNode.insertBefore(box, problemsOut.nextSibling);
    }
    box.textContent = "";
    box.hidden = !found.length;
    found.forEach(function (item) {
      var p = document.createElement("p");
      var a = document.createElement("a");
      a.href = "#" + item.el.id;
      a.textContent = "Let op, " + lowerFirst(labelOf(item.el)) + ": " + item.message;
      p.appendChild(a);
      box.appendChild(p);
    });
  }

  function renderProblems(found) {
    renderWarnings();
    problemsOut.textContent = "";
    var p = document.createElement("p");
    if (!found.length) {
      p.textContent = "Alles is ingevuld zoals het moet. Je kunt je praktijk nu op GitHub zetten, of het bestand kopiëren of downloaden.";
      problemsOut.className = "mk-indienen__problemen mk-indienen__problemen--klaar";
      problemsOut.appendChild(p);
      return;
    }
    problemsOut.className = "mk-indienen__problemen";
    var count = found.length === 1 ? "Nog 1 punt" : "Nog " + found.length + " punten";
    if (!attempted) {
      p.textContent = count + " te doen voordat je praktijk klaar is. Begin met de verplichte velden.";
      problemsOut.appendChild(p);
      return;
    }
    p.textContent = count + " om te verbeteren:";
    var list = document.createElement("ul");
    found.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + item.el.id;
      a.textContent = labelOf(item.el) + ": " + item.message;
      li.appendChild(a);
      list.appendChild(li);
    });
    problemsOut.appendChild(p);
    problemsOut.appendChild(list);
  }

  function updateCounters() {
    form.querySelectorAll("[data-count]").forEach(function (counter) {
      var el = counter.parentElement.querySelector("input, textarea");
      var f = el && byFormName[el.name];
      if (f) counter.textContent = length(el.value.trim()) + " van hoogstens " + f.maxLength + " tekens.";
    });
  }

  var current = { yaml: "", path: "", problems: [] };

  function update() {
    var values = record();
    current.yaml = toYaml(spec.fields, values);
    current.path = filePath(values);
    current.problems = problems();
    var shown = new Set(current.problems.map(function (p) { return p.el; }));
    controls().forEach(function (el) {
      var item = current.problems.filter(function (p) { return p.el === el; })[0];
      showProblem(el, item ? item.message : "", shown.has(el) && (attempted || touched.has(el)));
    });
    yamlOut.textContent = current.yaml;
    pathOut.textContent = current.path;
    if (githubLink) githubLink.href = githubUrl(current.path, current.yaml);
    if (emptyGithub) emptyGithub.href = githubBase(current.path);
    if (newWijkId) newWijkId.textContent = newWijkChosen() ? values[spec.groupedBy] : "\u2026";
    if (mailLink) {
      var mail = mailUrl(current.yaml);
      current.mailFits = route(mail, spec.maxMailtoUrl || 1800) === "link";
      mailLink.href = current.mailFits ? mail : "mailto:" + spec.redactieEmail + "?subject=" + encodeURIComponent("Praktijk voor de Menukaart");
    }
    updateCounters();
    renderProblems(current.problems);
  }

  function say(text) {
    statusOut.textContent = "";
    window.setTimeout(function () { statusOut.textContent = text; }, 50); // re-announce the same text too
  }

  /* -- the id follows the title until the editor types an id of their own */

  var titleInput = control(spec.titleField);
  var idInput = control(spec.idField);
  titleInput.addEventListener("input", function () {
    if (!idEdited) idInput.value = slug(titleInput.value, spec.idMax);
  });
  idInput.addEventListener("input", function () {
    idEdited = idInput.value.trim() !== "" && idInput.value !== slug(titleInput.value, spec.idMax);
  });

  /* -- rows (bronnen, partners): add and remove */

  function renumber(list) {
    Array.prototype.forEach.call(list.querySelectorAll(":scope > [data-row]"), function (row, i) {
      row.querySelectorAll("[data-row-number]").forEach(function (span) { span.textContent = String(i + 1); });
    });
  }

  form.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-row]");
    var remove = event.target.closest("[data-remove-row]");
    if (add) {
      var name = add.getAttribute("data-add-row");
      var template = form.querySelector('template[data-row-template="' + CSS.escape(name) + '"]');
      var list = form.querySelector('[data-rows="' + CSS.escape(name) + '"]');
      var clone = template.content.cloneNode(true);
      rowCounter += 1;
      clone.querySelectorAll("[id], [for], [aria-describedby]").forEach(function (el) {
        ["id", "for", "aria-describedby"].forEach(function (attr) {
          if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).split("__N__").join(String(rowCounter)));
        });
      });
      list.appendChild(clone);
      renumber(list);
      var rowsNow = list.querySelectorAll(":scope > [data-row]");
      rowsNow[rowsNow.length - 1].querySelector("input, select, textarea").focus();
      update();
    } else if (remove) {
      var row = remove.closest("[data-row]");
      var rowList = row.parentElement;
      var fieldset = row.closest("fieldset.mk-rows");
      if (rowList.querySelectorAll(":scope > [data-row]").length > 1) {
        row.remove();
      } else {
        row.querySelectorAll("input, select, textarea").forEach(function (el) { el.value = ""; touched.delete(el); });
      }
      renumber(rowList);
      fieldset.querySelector("[data-add-row]").focus();
      say("De regel is weggehaald.");
      update();
    }
  });

  /* -- live updates */

  form.addEventListener("input", function () { dirty = true; update(); });
  form.addEventListener("change", function (event) {
    if (event.target.matches("input, select, textarea")) touched.add(event.target);
    update();
  });
  form.addEventListener("focusout", function (event) {
    if (event.target.matches("input, select, textarea") && event.target.value.trim() !== "") touched.add(event.target);
    update();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function showAll() {
    attempted = true;
    update();
    problemsOut.focus();
  }

  if (githubLink) {
    githubLink.addEventListener("click", function (event) {
      update();
      if (current.problems.length) {
        event.preventDefault();
        showAll();
        return;
      }
      if (githubLink.href.indexOf("&value=") < 0) {
        // Too long for one link: never open an empty GitHub page first; offer copy, then GitHub.
        event.preventDefault();
        longPanel.hidden = false;
        longPanel.focus();
        say("Je praktijk is te lang voor één link. Kopieer eerst de tekst, open dan GitHub en plak hem daar.");
        return;
      }
      longPanel.hidden = true;
      dirty = false;
    });
  }

  if (mailLink) {
    mailLink.addEventListener("click", function (event) {
      update();
      if (current.problems.length) {
        event.preventDefault();
        showAll();
        return;
      }
      if (!current.mailFits) {
        event.preventDefault();
        mailHelp.hidden = false;
        mailHelp.focus();
        say("Je praktijk is te lang voor een e-mail die vanzelf wordt ingevuld. Download het bestand en stuur het als bijlage.");
        return;
      }
      mailHelp.hidden = true;
      dirty = false;
    });
  }

  if (newWijk) newWijk.addEventListener("toggle", update);

  function copy() {
    update();
    function selectText() {
      var range = document.createRange();
      range.selectNodeContents(yamlOut);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say("Kopiëren lukte niet vanzelf. De tekst is nu geselecteerd: druk op Ctrl+C (of Cmd+C op een Mac).");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(current.yaml).then(function () {
        dirty = false;
        say("De tekst staat op het klembord." + (current.problems.length ? " Let op: er zijn nog punten om te verbeteren." : ""));
      }, selectText);
    } else {
      selectText();
    }
  }
  document.querySelectorAll("[data-indienen-copy]").forEach(function (button) { button.addEventListener("click", copy); });

  document.querySelector("[data-indienen-download]").addEventListener("click", function () {
    update();
    var name = current.path.split("/").pop().replace("\u2026", "praktijk");
    var url = URL.createObjectURL(new Blob([current.yaml], { type: "text/yaml;charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    dirty = false;
    say("Het bestand " + name + " staat in je downloads." + (current.problems.length ? " Let op: er zijn nog punten om te verbeteren." : ""));
  });

  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  /* -- start: ?wijk=<id> (and any other choice) preselected, today's date filled in */

  var query = new URLSearchParams(window.location.search);
  spec.fields.forEach(function (f) {
    var el = f.kind === "select" ? control(f.formName) : null;
    var wanted = query.get(f.name);
    if (el && wanted && Array.prototype.some.call(el.options, function (o) { return o.value === wanted; })) el.value = wanted;
    if (f.kind === "date" && f.required) {
      var date = control(f.formName);
      if (date && !date.value) {
        var now = new Date();
        date.value = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
      }
    }
  });
  update();

  fetch(spec.existingIds, { credentials: "omit" })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (ids) { existing = Array.isArray(ids) ? ids : []; update(); })
    .catch(function () { /* no list, no warning: the check on GitHub still catches a duplicate id */ });
})();
