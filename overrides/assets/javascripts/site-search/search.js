// The search dialog. overrides/main.html imports this module from the site root on the first
// open (button, "/" or Ctrl/Cmd+K), together with assets/stylesheets/search.css; a page view
// loads neither, nor anything of Pagefind. Settings and strings come from the header button's
// data-search-* attributes (partials/header.html), so each edition speaks its language.
import { createSearch } from "./pagefind.js";

// Results are listed a few at a time: each one shown downloads its page's fragment (1–7 KB gzip).
const STEP = 5;
// Sub-results (the matching sections of a page) listed before the rest fold away.
const SECTIONS = 3;
const CLOSE_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';

let dialog = null;

// `typed`: what the reader typed while this module was loading (main.html keeps it).
export function open(from, typed = "") {
  dialog = dialog || build();
  dialog.show(from, typed);
}

function build() {
  const button = document.querySelector("[data-site-search]");
  const data = button.dataset;
  const t = JSON.parse(data.searchStrings);
  const root = new URL(data.searchRoot, location.href);
  const language = document.documentElement.lang.toLowerCase();
  const engine = createSearch({
    bundle: new URL("pagefind/", root).href,
    baseUrl: root.pathname,
    language,
    // The half of the script map this edition needs (build_tools/page_data.py).
    scriptMap: new URL(`assets/script-map.${/^zh-(hant|tw|hk|mo)\b/.test(language) ? "s2t" : "t2s"}.json`, root).href,
    other: data.searchOther && {
      language: data.searchOther.toLowerCase(),
      lang: data.searchOther,
      from: new URL(data.searchOtherRoot, location.href).pathname,
      to: new URL(data.searchEdition, location.href).pathname,
    },
    titleLinks: ".md-nav--primary a[href]",
  });
  // The WASM and index metadata load while the reader types the first query.
  engine.init().catch((error) => console.error(error));

  const box = document.createElement("dialog");
  box.className = "site-search-dialog";
  box.setAttribute("aria-label", t.placeholder);
  box.innerHTML = `
    <div class="site-search__box">
      <form class="site-search__bar" role="search">
        <label class="site-search__icon" for="site-search-input"><span class="site-search__hidden"></span></label>
        <input class="site-search__input" id="site-search-input" type="search" autocomplete="off"
          autocapitalize="off" spellcheck="false" enterkeyhint="go" aria-describedby="site-search-status">
        <button class="site-search__close" type="button">${CLOSE_ICON}</button>
      </form>
      <div class="site-search__body">
        <p class="site-search__status" id="site-search-status" role="status"></p>
        <ol class="site-search__results"></ol>
        <button class="site-search__more" type="button" hidden></button>
      </div>
    </div>`;
  const input = box.querySelector("input");
  const status = box.querySelector(".site-search__status");
  const list = box.querySelector("ol");
  const more = box.querySelector(".site-search__more");
  const close = box.querySelector(".site-search__close");
  box.querySelector(".site-search__hidden").textContent = t.placeholder;
  box.querySelector(".site-search__icon").prepend(button.querySelector("svg").cloneNode(true));
  input.placeholder = t.placeholder;
  close.setAttribute("aria-label", t.close);
  close.title = t.close;
  more.textContent = t.more;
  document.body.appendChild(box);

  let opener = null;
  let following = false;  // a result was chosen: focus goes to where it leads, not back
  let results = [];       // of the current query, best first
  let shown = 0;
  let run = 0;            // the current query; answers to older ones are dropped
  let timer = 0;

  function count(n) {
    return n === 0 ? t.none : n === 1 ? t.one : t.other.replace("#", n);
  }

  async function query() {
    const term = input.value.trim();
    const mine = ++run;
    if (!term) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    list.setAttribute("aria-busy", "true");
    try {
      // The newest year first (pagefind.js); the older years at once when it has too few results.
      let found = await engine.search(term);
      if (!found.complete && found.results.length < STEP) {
        await engine.widen(term);
        found = await engine.search(term);
      }
      if (mine !== run) return;
      results = found.results;
      shown = 0;
      list.replaceChildren();
      await showMore(mine);
      if (mine !== run) return;
      // Then the older years: the results shown stay where they are, the others follow in rank order.
      if (!found.complete) {
        await engine.widen(term);
        const all = (await engine.search(term)).results;
        if (mine !== run) return;
        const listed = new Set(results.slice(0, shown).map((result) => result.id));
        results = [...results.slice(0, shown), ...all.filter((result) => !listed.has(result.id))];
        more.hidden = shown >= results.length;
      }
      status.textContent = count(results.length);  // announced once, when the count is the archive's
    } catch (error) {
      if (mine !== run) return;
      console.error(error);
      status.textContent = t.none;
    } finally {
      if (mine === run) list.removeAttribute("aria-busy");
    }
  }

  // The next STEP results: their fragments load in parallel, then appear together, in order.
  async function showMore(mine) {
    const next = results.slice(shown, shown + STEP);
    const pages = await Promise.all(next.map((result) => result.data()));
    if (mine !== run) return null;
    shown += next.length;
    const items = pages.map(item);
    list.append(...items);
    more.hidden = shown >= results.length;
    return items[0];
  }

  function item(page) {
    const li = document.createElement("li");
    li.className = "site-search__result";
    li.append(link(page.url, page.title, page.titleLang, page.excerpt, page.lang, "site-search__link", page.source));
    const subs = page.subResults.map((sub) => {
      const entry = document.createElement("li");
      entry.append(link(sub.url, sub.title, page.lang, sub.excerpt, page.lang, "site-search__sub"));
      return entry;
    });
    if (subs.length) li.append(listOf(subs.slice(0, SECTIONS)));
    if (subs.length > SECTIONS) {
      // Material's own words for it: "# more on this page".
      const rest = subs.length - SECTIONS;
      const fold = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = rest === 1 ? t.moreOne : t.moreOther.replace("#", rest);
      fold.append(summary, listOf(subs.slice(SECTIONS)));
      li.append(fold);
    }
    return li;
  }

  function listOf(items) {
    const ul = document.createElement("ul");
    ul.className = "site-search__subs";
    ul.append(...items);
    return ul;
  }

  // Page text is untrusted: titles and excerpts go in as text, with <mark>s where they match.
  function link(url, title, titleLang, excerpt, lang, className, source = "") {
    const a = document.createElement("a");
    a.className = className;
    a.href = sameSite(url);
    const head = document.createElement("span");
    head.className = "site-search__title";
    head.textContent = title;
    if (titleLang) head.lang = titleLang;
    a.append(head);
    if (source) {
      const from = document.createElement("span");
      from.className = "site-search__source";
      from.textContent = source;
      if (lang) from.lang = lang;
      a.append(from);
    }
    const text = document.createElement("span");
    text.className = "site-search__excerpt";
    text.append(...marked(excerpt));
    if (lang) text.lang = lang;
    a.append(text);
    return a;
  }

  // The excerpt comes as [text, marked] pieces of the page's text (pagefind.js): text nodes
  // and <mark> elements, never parsed as HTML.
  function marked(pieces) {
    return pieces.map(([text, mark]) => {
      if (!mark) return document.createTextNode(text);
      const element = document.createElement("mark");
      element.textContent = text;
      return element;
    });
  }

  function sameSite(url) {
    const target = new URL(url, location.href);
    return target.origin === location.origin ? target.pathname + target.search + target.hash : "#";
  }

  function hide() {
    box.close();
  }

  // One search per pause in typing, not per keystroke; none for the pinyin (or other
  // romanisation) an input method shows while composing, which would search the English index.
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(query, 120);
  }
  input.addEventListener("input", (event) => {
    if (!event.isComposing) schedule();
  });
  input.addEventListener("compositionend", schedule);

  // Enter follows the first result.
  box.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.click();
  });

  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      // Focus moves to the first new result: the button may be gone after the last step.
      const first = await showMore(run);
      first?.querySelector("a").focus();
    } catch (error) {
      console.error(error);
    } finally {
      more.disabled = false;
    }
  });

  close.addEventListener("click", hide);

  // A click on the backdrop (outside .site-search__box, which fills the dialog) closes it.
  box.addEventListener("click", (event) => {
    if (event.target === box) hide();
    const opensHere = !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    if (opensHere && event.target.closest("a[href]")) {
      following = true;  // the result may be on this page: the dialog must not stay over it
      hide();
    }
  });

  // Arrow keys move between the field, the results and the button below them.
  box.addEventListener("keydown", (event) => {
    if (event.isComposing) return;  // the keys belong to the input method
    if (event.key === "Escape") {
      // One press closes, also in a search field with text (where Chromium would first clear it).
      event.preventDefault();
      hide();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const stops = [input, ...box.querySelectorAll(".site-search__results a, .site-search__results summary, .site-search__more")]
      .filter((el) => el.checkVisibility());
    const at = stops.indexOf(document.activeElement);
    if (at < 0) return;
    const to = stops[at + (event.key === "ArrowDown" ? 1 : -1)];
    if (to) {
      event.preventDefault();
      to.focus();
    }
  });

  // Focus goes back where the reader was; after "/" from nowhere in particular, to the button.
  box.addEventListener("close", () => {
    if (!following) (opener && opener !== document.body && opener.isConnected ? opener : button).focus();
    following = false;
  });

  return {
    show(from, typed) {
      if (!box.open) {
        opener = from;
        box.showModal();
      }
      input.focus();
      if (typed) {
        input.value = typed;
        schedule();
      } else {
        input.select();  // a new query replaces the last one; the results stay until then
      }
    },
  };
}
