// Every page: the search button and its shortcuts, the reading view, the language switcher.
// Search itself (assets/javascripts/site-search/search.js and assets/stylesheets/search.css,
// from the site root) loads on the first open, not with the page; then it loads Pagefind.
(function () {
  var button = document.querySelector("[data-site-search]");
  var root = new URL(button.dataset.searchRoot, location.href);
  var loading = null;

  function load() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("assets/stylesheets/search.css", root).href;
    // The dialog opens styled: wait for its stylesheet (or its failure) too.
    var styled = new Promise(function (done) { css.onload = css.onerror = done; });
    document.head.appendChild(css);
    return Promise.all([import(new URL("assets/javascripts/site-search/search.js", root).href), styled])
      .then(function (loaded) { return loaded[0]; });
  }

  // Until the dialog has loaded, what the reader types goes into a stand-in field, focused
  // at once (on phones this also brings up the keyboard, which only a tap may do), and
  // moves into the dialog's field when it opens: no keystroke is lost on a slow network.
  function standIn() {
    var field = document.createElement("input");
    field.type = "search";
    field.className = "site-search__standin";
    field.setAttribute("aria-label", button.getAttribute("aria-label"));
    field.style.cssText = "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;font-size:16px";
    document.body.appendChild(field);
    field.focus();
    return field;
  }

  function open() {
    var from = document.activeElement;
    var field = null;
    if (!loading) {
      loading = load();
      field = standIn();
    }
    loading.then(function (search) {
      var typed = field ? field.value : "";
      if (field) field.remove();
      search.open(from, typed);
    }, function (err) {
      if (field) field.remove();
      if (from) from.focus();
      loading = null;  // let the next click try again
      console.error(err);
    });
  }

  function typing(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  button.addEventListener("click", open);
  document.addEventListener("keydown", function (e) {
    var modK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k";
    var slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target);
    if (modK || slash) {
      e.preventDefault();
      open();
    }
  });
})();

// Parallel or single-language view: remembered by the browser for every page.
document.querySelectorAll(".view-switch button").forEach(function (choice) {
  choice.setAttribute("aria-pressed", String(choice.dataset.view === document.documentElement.dataset.view));
  choice.addEventListener("click", function () {
    document.documentElement.dataset.view = choice.dataset.view;
    try { localStorage.setItem("bulletin-view", choice.dataset.view); } catch (e) {}
    document.querySelectorAll(".view-switch button").forEach(function (other) {
      other.setAttribute("aria-pressed", String(other === choice));
    });
  });
});

// The language switcher keeps the reader's place: same page, same anchor.
document.querySelectorAll("a[data-edition-link]").forEach(function (link) {
  link.addEventListener("click", function () {
    link.href = link.href.split("#")[0] + location.hash;
  });
});

// Back and forward land on the block the reader left, always. Blocks off screen are sized by
// `contain-intrinsic-size` until shown (site.css), so a page rebuilt rather than restored from the
// back-forward cache would put the browser's remembered offset on other text: the place is kept
// as "this block, this far under the header" instead, and the browser's own restoring is off.
(function () {
  var key = "bulletin-place:" + location.pathname;
  var selector = ".md-typeset .blk[id], .md-typeset h2[id], .md-typeset h3[id]";
  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }
  function place() {
    var top = headerBottom();
    var blocks = document.querySelectorAll(selector);
    for (var i = 0; i < blocks.length; i++) {
      var box = blocks[i].getBoundingClientRect();
      if (box.bottom > top + 1) return { id: blocks[i].id, offset: box.top - top, y: window.scrollY };
    }
    return null;
  }
  function restore(saved) {
    var block = document.getElementById(saved.id);
    if (!block) return;
    window.scrollTo(0, window.scrollY + block.getBoundingClientRect().top - headerBottom() - saved.offset);
  }
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  window.addEventListener("pagehide", function () {
    try { sessionStorage.setItem(key, JSON.stringify(place())); } catch (e) {}
  });
  var navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  var returning = navigation && (navigation.type === "back_forward" || navigation.type === "reload");
  var saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(key)); } catch (e) {}
  if (returning && saved && saved.id) {
    restore(saved);
    // Blocks near the screen are laid out now and may change size: put the block back once more.
    requestAnimationFrame(function () { requestAnimationFrame(function () { restore(saved); }); });
  } else if (location.hash) {
    // Manual restoring also means the browser's own jump to an anchor is ours to make on reload.
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && returning) target.scrollIntoView();
  }
})();
