// Glossary terms in the text are links to their glossary entries. This shows the entry beside
// the term on hover, on keyboard focus and on a first tap (a second tap follows the link), so
// the reader need not leave the page. The entries are fetched on first use from the edition's
// assets/glossary.json (next to glossary/, which the links point into): a page carries only
// the links, however many terms it marks. The JSON holds HTML the build escaped.
(function () {
  if (!document.querySelector("a.term")) return;
  var entries = null;  // promise of {anchor: html}
  var tip = null;
  var current = null;  // the term whose entry is shown
  var hideTimer = 0;
  var touched = false; // the current pointer is a finger
  var shownAtPress = false;

  function load(link) {
    if (!entries) {
      entries = fetch(new URL("../assets/glossary.json", link.href))
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { entries = null; return {}; });  // try again next time
    }
    return entries;
  }

  function anchor(link) {
    return decodeURIComponent(new URL(link.href).hash.slice(1));
  }

  function element() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "term-tip";
      tip.className = "term-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      // The reader may move onto the entry (to select its text) without it closing.
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", hideSoon);
      document.body.appendChild(tip);
    }
    return tip;
  }

  function place(link) {
    var box = link.getClientRects()[0] || link.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
  }

  function show(link) {
    clearTimeout(hideTimer);
    return load(link).then(function (all) {
      var html = all[anchor(link)];
      if (!html) return;
      element();
      if (current && current !== link) current.removeAttribute("aria-describedby");
      tip.innerHTML = html;
      tip.lang = document.documentElement.lang;
      current = link;
      link.setAttribute("aria-describedby", tip.id);
      tip.hidden = false;
      place(link);
    });
  }

  function hide() {
    if (tip) tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  // One listener of each kind for the whole page (not one per term): nothing to set up at load.
  function termOf(event) {
    return event.target.closest ? event.target.closest("a.term") : null;
  }
  document.addEventListener("pointerdown", function (event) {
    var link = termOf(event);
    touched = event.pointerType === "touch";
    shownAtPress = !!link && current === link && !tip.hidden;
  });
  document.addEventListener("mouseover", function (event) {
    var link = termOf(event);
    if (link && !touched && link !== current) show(link);
  });
  document.addEventListener("mouseout", function (event) {
    var link = termOf(event);
    if (link && !touched && !link.contains(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var link = termOf(event);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event)) hideSoon();
  });
  document.addEventListener("click", function (event) {
    var link = termOf(event);
    if (link && touched && !shownAtPress) {
      event.preventDefault();
      show(link);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  // A tap elsewhere closes the entry on touch screens.
  document.addEventListener("pointerdown", function (event) {
    if (tip && !tip.hidden && !tip.contains(event.target) && !termOf(event)) hide();
  });
})();
