// Pagefind for three editions that share one bundle (overrides/main.html points the
// Component UI's `bundlePath` at this folder, so the UI imports this file instead of
// <site root>/pagefind/pagefind.js; this file wraps the real one). Use the site root's copy:
// the editions' copies (en/assets/…) would look for en/pagefind/.
//
// What it adds to Pagefind's JS API (createInstance, the only entry point the Component UI
// uses):
// - A query with Chinese characters is converted, character by character, to the script of
//   the edition's index with <site root>/assets/script-map.json (fetched on the first such
//   query): 新就業群體 finds 新就业群体 on the Simplified edition, and the reverse on zh-Hant.
// - `chineseIndex` (the English edition): Pagefind segments Chinese only in zh-* indexes, so
//   there a query with Chinese characters keeps only the results of that merged index (merged
//   with `baseUrl` set to the edition's root, so its links stay in this edition), and any
//   other query keeps only the results of the page's own index. One page is then found
//   through one index only: no duplicate results. Such results take the current edition's
//   page title from the links matched by `titleLinks` (the site navigation) when present.
// - A result's excerpt is also the excerpt of its best section: that section is dropped
//   from the sub-results, so one passage is not listed twice.
//
// Options, under `siteSearch` in the options given to createInstance (configureInstance):
//   scriptMap    URL of script-map.json
//   script       "s2t" or "t2s": which half of the map converts a query for this edition
//   chineseIndex optional, e.g. "zh-hans": the merged language index for Chinese queries
//   titleLinks   optional CSS selector of links whose text is the current edition's title
import * as pagefind from "../../../pagefind/pagefind.js";

const HAN = /\p{Script=Han}/u;

export function createInstance(options = {}) {
  const { siteSearch = {}, ...pagefindOptions } = options;
  const inner = pagefind.createInstance(pagefindOptions);
  let map = null;  // the loaded half of script-map.json
  let loading = null;

  function loadMap() {
    if (!loading) {
      loading = fetch(siteSearch.scriptMap)
        .then((response) => (response.ok ? response.json() : {}))
        .then((json) => { map = json[siteSearch.script] || {}; })
        .catch(() => { map = {}; loading = null; });  // search unconverted, retry next time
    }
    return loading;
  }

  function convert(term) {
    let out = "";
    for (const ch of term) out += map[ch] || ch;
    return out;
  }

  async function prepare(term) {
    const chinese = typeof term === "string" && HAN.test(term);
    if (chinese && siteSearch.scriptMap) {
      await loadMap();
      term = convert(term);
    }
    return { term, chinese };
  }

  function titles() {
    const found = new Map();
    if (!siteSearch.titleLinks) return found;
    document.querySelectorAll(siteSearch.titleLinks).forEach((link) => {
      const url = new URL(link.href, location.href);
      const text = link.textContent.replace(/\s+/g, " ").trim();
      if (!url.hash && text && !found.has(url.pathname)) found.set(url.pathname, text);
    });
    return found;
  }

  function route(response, chinese) {
    if (!response) return response;
    let names = new Map();
    if (siteSearch.chineseIndex) {
      const prefix = siteSearch.chineseIndex + "_";
      response.results = response.results.filter((result) => result.id.startsWith(prefix) === chinese);
      if (chinese) names = titles();
    }
    for (const result of response.results) {
      const data = result.data;
      result.data = async () => {
        const page = await data();
        // The page's excerpt is its best section's excerpt: do not show that passage twice.
        page.sub_results = (page.sub_results || []).filter((sub) => sub.excerpt !== page.excerpt);
        const title = names.get(new URL(page.url, location.href).pathname);
        if (title) page.meta = { ...page.meta, title };
        return page;
      };
    }
    return response;
  }

  return {
    options: (opts) => inner.options(opts),
    init: () => inner.init(),
    destroy: () => inner.destroy(),
    mergeIndex: (path, opts) => inner.mergeIndex(path, opts),
    filters: () => inner.filters(),
    async search(term, opts) {
      const query = await prepare(term);
      return route(await inner.search(query.term, opts), query.chinese);
    },
    async debouncedSearch(term, opts, timeout) {
      const query = await prepare(term);
      return route(await inner.debouncedSearch(query.term, opts, timeout), query.chinese);
    },
    async preload(term, opts) {
      return inner.preload((await prepare(term)).term, opts);
    },
  };
}
