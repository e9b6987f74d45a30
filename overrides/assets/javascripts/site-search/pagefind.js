// Pagefind for three editions that share one bundle, each index holding its edition's own
// language only (build_tools/pipeline.py keeps the translation beside the text out of it).
// search.js loads this file from the site root, like the bundle it imports: the editions'
// copies (en/assets/…) would look for en/pagefind/.
//
// What it adds to Pagefind's JS API:
// - A query with Chinese characters is converted, character by character, to the script of
//   the edition's index with <site root>/assets/script-map.json (fetched on the first such
//   query): 新就業群體 finds 新就业群体 on the Simplified edition, and the reverse on zh-Hant.
// - A query in the other language searches the other language's index: Pagefind segments
//   Chinese only in zh-* indexes, and the Chinese editions' index no longer holds the English.
//   Chinese queries on en/ search the zh-hans index, Latin queries on the Chinese editions
//   the en index. That index is merged on the first such query, not before (its metadata and
//   chunks would add to every first search), and its pages are linked in this edition: the
//   same path under this edition's root, titled from this edition's navigation when listed.
//   Once merged Pagefind searches both indexes; only the results of the one the query is for
//   are kept, so a page is never listed twice.
// - A result's excerpt is also the excerpt of its best section: that section is dropped from
//   the sub-results, so one passage is not listed twice.
import * as pagefind from "../../../pagefind/pagefind.js";

const HAN = /\p{Script=Han}/u;

// options:
//   bundle      absolute URL of <site root>/pagefind/
//   baseUrl     path of the site root (the own index's URLs are relative to it)
//   language    this edition's index, e.g. "zh-hant" (<html lang>, lower case)
//   scriptMap   URL of script-map.json; script: "s2t" or "t2s", the half for this edition
//   other       {language: "en", lang: "en", from: "/en/", to: "/"}: the other language's
//               index, its language tag, its edition's root path and this edition's
//   titleLinks  CSS selector of links whose text is this edition's title of a page
export function createSearch(options) {
  const { bundle, baseUrl, language, scriptMap, script, other, titleLinks } = options;
  // On the main thread: its work here is a few milliseconds (chunks of a few KB), and
  // pagefind-worker.js would add 11.6 KB gzip and a round trip to every first search.
  const inner = pagefind.createInstance({ basePath: bundle, baseUrl, noWorker: true });
  const ownChinese = language.startsWith("zh");
  let map = null;  // the loaded half of script-map.json
  let loadingMap = null;
  let merging = null;

  function loadMap() {
    if (!loadingMap) {
      loadingMap = fetch(scriptMap)
        .then((response) => (response.ok ? response.json() : {}))
        .then((json) => { map = json[script] || {}; })
        .catch(() => { map = {}; loadingMap = null; });  // search unconverted, retry next time
    }
    return loadingMap;
  }

  function mergeOther() {
    // An absolute bundle URL, or Pagefind skips a merge whose path prefixes its own bundle's.
    merging = merging || inner.mergeIndex(bundle, { language: other.language, baseUrl })
      .catch((error) => { merging = null; throw error; });
    return merging;
  }

  function titles() {
    const found = new Map();
    if (!titleLinks) return found;
    document.querySelectorAll(titleLinks).forEach((link) => {
      const url = new URL(link.href, location.href);
      const text = link.textContent.replace(/\s+/g, " ").trim();
      if (!url.hash && text && !found.has(url.pathname)) found.set(url.pathname, text);
    });
    return found;
  }

  // The other edition's page at the same path in this one; anchors are the same in every edition.
  function relink(href) {
    const url = new URL(href, location.href);
    if (url.pathname.startsWith(other.from)) url.pathname = other.to + url.pathname.slice(other.from.length);
    return url.pathname + url.hash;
  }

  // What the dialog shows of one page: plain fields, the other language's marked with its tag.
  function shape(page, foreign, names) {
    const subs = (page.sub_results || []).filter((sub) => sub.excerpt !== page.excerpt);
    const url = foreign ? relink(page.url) : page.url;
    const title = foreign && names.get(new URL(url, location.href).pathname);
    return {
      url,
      title: title || page.meta?.title || url,
      titleLang: foreign && !title ? other.lang : null,
      excerpt: page.excerpt || "",
      lang: foreign ? other.lang : null,
      subResults: subs.map((sub) => ({
        url: foreign ? relink(sub.url) : sub.url,
        title: sub.title || "",
        excerpt: sub.excerpt || "",
      })),
    };
  }

  return {
    // Starts loading the WASM and this edition's index metadata.
    init: () => inner.init(),

    // [{id, data: async () => shaped page}], best first; [] for a query with no words.
    async search(term) {
      const chinese = HAN.test(term);
      if (chinese && scriptMap) {
        await loadMap();
        let converted = "";
        for (const ch of term) converted += map[ch] || ch;
        term = converted;
      }
      const foreign = Boolean(other) && chinese !== ownChinese;
      if (foreign) await mergeOther();
      const response = await inner.search(term);
      const prefix = (foreign ? other.language : language) + "_";
      const names = foreign ? titles() : null;
      return (response?.results || [])
        .filter((result) => result.id.startsWith(prefix))
        .map((result) => ({ id: result.id, data: async () => shape(await result.data(), foreign, names) }));
    },
  };
}
