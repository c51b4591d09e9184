/* Fase checklists: the browser remembers which boxes are ticked (localStorage, this device
   only; no cookies, nothing is sent anywhere). Printing shows the boxes as they are. */
(function () {
  "use strict";
  var PREFIX = "menukaart:checklist:";

  function load(key) {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(saved) ? saved.map(String) : [];
    } catch (e) {
      return [];
    }
  }

  function save(key, values) {
    try {
      if (values.length) window.localStorage.setItem(key, JSON.stringify(values));
      else window.localStorage.removeItem(key);
      return true;
    } catch (e) {
      return false; /* storage off or full: the boxes still work for this visit */
    }
  }

  function setUp(list) {
    var key = PREFIX + list.getAttribute("data-mk-checklist");
    var boxes = Array.prototype.slice.call(list.querySelectorAll('input[type="checkbox"]'));
    var ticked = load(key);
    boxes.forEach(function (box) { box.checked = ticked.indexOf(box.value) !== -1; });

    var tools = document.createElement("div");
    tools.className = "mk-checklist__tools";
    var progress = document.createElement("p");
    progress.className = "mk-checklist__voortgang";
    progress.setAttribute("role", "status");
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "mk-button mk-button--quiet";
    clear.textContent = "Vinkjes wissen";
    tools.appendChild(progress);
    tools.appendChild(clear);
    list.parentNode.insertBefore(tools, list.nextSibling);

    function refresh() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      progress.textContent = done + " van de " + boxes.length + " punten afgevinkt";
      clear.hidden = done === 0;
    }

    list.addEventListener("change", function () {
      save(key, boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }));
      refresh();
    });
    clear.addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      save(key, []);
      refresh();
      if (boxes[0]) boxes[0].focus();
    });
    refresh();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-mk-checklist]"), setUp);
})();
