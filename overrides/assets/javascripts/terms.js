// Glossary terms in the text are links to their glossary entries. This shows the entry beside
// the term on hover, on keyboard focus and on a first tap (a second tap follows the link), so
// the reader need not leave the page. The entries are fetched on first use from the edition's
// assets/glossary.json (next to glossary/, which the links point into): a page carries only
// the links, however many terms it marks. The JSON holds HTML the build escaped.
//
// A switch beside the reading view hides the marks; the choice is remembered for every page
// (localStorage "bulletin-terms", read before the page paints by overrides/main.html). Hidden
// terms are plain text: no underline, no entry, no link to tab to.
//
// On the glossary page, a filter box narrows the entries to those any of whose forms
// (Simplified, Traditional, English, pinyin with or without tone marks) contain what is typed.
(function () {
  var script = document.currentScript;
  var root = document.documentElement;
  var terms = document.querySelectorAll("a.term");
  if (!terms.length) return;
  var STORE = "bulletin-terms";

  function hidden() {
    return root.dataset.terms === "hidden";
  }

  // Hidden terms lose their href (kept in data-href): an <a> without one is not a link, for the
  // keyboard, screen readers and a stray click alike.
  function apply() {
    var off = hidden();
    terms.forEach(function (link) {
      if (off && link.hasAttribute("href")) {
        link.dataset.href = link.getAttribute("href");
        link.removeAttribute("href");
      } else if (!off && link.dataset.href) {
        link.setAttribute("href", link.dataset.href);
        delete link.dataset.href;
      }
    });
    if (off) hide();
    if (button) button.setAttribute("aria-pressed", String(!off));
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "term-switch";
  button.textContent = (script && script.dataset.switch) || "Glossary marks";
  button.addEventListener("click", function () {
    if (hidden()) delete root.dataset.terms; else root.dataset.terms = "hidden";
    try { localStorage.setItem(STORE, hidden() ? "hidden" : "shown"); } catch (e) {}
    apply();
  });
  // Beside the reading-view switch where the page has one, else under the title; a page may
  // name the place with an element marked data-term-switch.
  var slot = document.querySelector("[data-term-switch]");
  var view = document.querySelector(".md-typeset .view-switch");
  var title = document.querySelector(".md-typeset h1");
  if (slot) slot.appendChild(button);
  else if (view) view.after(button);
  else if (title) title.after(button);
  else button = null;
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
    return event.target.closest && !hidden() ? event.target.closest("a.term[href]") : null;
  }
  document.addEventListener("pointerdown", function (event) {
    var link = termOf(event);
    touched = event.pointerType === "touch";
    shownAtPress = !!link && current === link && !!tip && !tip.hidden;
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
  apply();
})();

// The glossary page: type to narrow the entries; the jump bar greys out letters left empty.
(function () {
  var bar = document.querySelector(".glossary-bar");
  if (!bar) return;
  var field = bar.querySelector(".glossary-filter");
  var count = bar.querySelector(".glossary-count");
  var none = document.querySelector(".glossary-none");
  var groups = Array.prototype.map.call(document.querySelectorAll(".glossary-group"), function (group) {
    return {
      element: group,
      letter: bar.querySelector('a[href="#' + group.id + '"]'),
      entries: Array.prototype.map.call(group.querySelectorAll(".glossary-entry"), function (entry) {
        return { element: entry, forms: entry.dataset.forms || "" };
      })
    };
  });

  // Lower case, tone marks off (lǜ → lu), runs of spaces as one: as the build wrote data-forms.
  function plain(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function filter() {
    var query = plain(field.value);
    var shown = 0;
    groups.forEach(function (group) {
      var inGroup = 0;
      group.entries.forEach(function (entry) {
        var match = !query || entry.forms.indexOf(query) >= 0;
        entry.element.hidden = !match;
        if (match) inGroup += 1;
      });
      group.element.hidden = inGroup === 0;
      if (group.letter) {
        if (inGroup) {
          group.letter.removeAttribute("aria-disabled");
          group.letter.removeAttribute("tabindex");
        } else {
          group.letter.setAttribute("aria-disabled", "true");
          group.letter.setAttribute("tabindex", "-1");
        }
      }
      shown += inGroup;
    });
    count.textContent = query ? (bar.dataset.count || "%d").replace("%d", shown) : "";
    if (none) none.hidden = shown > 0;
  }

  field.hidden = false;
  field.addEventListener("input", filter);
  if (field.value) filter();  // a value the browser restored
})();
