/* Pagefind search in the header. Loads the UI from the site's own /pagefind/ folder. */
(function () {
  "use strict";
  var holder = document.querySelector("[data-mk-search]");
  if (!holder) return;
  var bundle = holder.getAttribute("data-bundle");
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    /* global PagefindUI */
    new PagefindUI({
      element: "#mk-search",
      bundlePath: bundle,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      translations: { placeholder: "Zoek een tool, principe of praktijk" }
    });
  };
  document.head.appendChild(script);
})();
