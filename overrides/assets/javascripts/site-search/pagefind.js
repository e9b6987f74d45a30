// Pagefind for three editions that share one bundle, each index holding its edition's own
// language only (build_tools/pipeline.py keeps the translation beside the text out of it).
// search.js loads this file from the site root, like the bundle it imports: the editions'
// copies (en/assets/…) would look for en/pagefind/.
//
// What it adds to Pagefind's JS API:
// - A query with Chinese characters is converted, character by character, to the script of
//   the edition's index with <site root>/assets/script-map.<s2t|t2s>.json (fetched on the first such
//   query): 新就業群體 finds 新就业群体 on the Simplified edition, and the reverse on zh-Hant.
// - A query in the other language searches the other language's index: Pagefind segments
//   Chinese only in zh-* indexes, and the Chinese editions' index no longer holds the English.
//   Chinese queries on en/ search the zh-hans index, Latin queries on the Chinese editions
//   the en index. That index is merged on the first such query, not before (its metadata and
//   chunks would add to every first search), and its pages are linked in this edition: the
//   same path under this edition's root, titled from this edition's navigation when listed.
//   Once merged Pagefind searches both indexes; only the results of the one the query is for
//   are kept, so a page is never listed twice.
// - A Chinese query of two or more characters finds the pages that hold it as written, never a
//   page that holds one of its characters: Pagefind segments the query in the browser
//   (Intl.Segmenter) differently from the index (量子纠缠 matched the word 量 in 高质量). Pages
//   its exact-phrase search finds ("…") are certain; every other page it lists is kept only
//   if its text holds each part of the query (`raw_content`: the page's words, so this costs
//   the page's fragment, which a shown result downloads anyway). At most VERIFY such pages.
// - The bundle at pagefind/ holds the newest year's bulletins (build_tools/search_index.py); each
//   older year's is at pagefind/<year>/, listed in pagefind/groups.json. A query searches the
//   newest year first; `widen` merges the older years for the query's language (their metadata
//   and chunks, on the first bundle's WASM), and the next search covers the whole archive. A
//   first search so downloads one year's metadata, however many years the archive holds.
// - Every result leads to the block that holds the match (the nearest element with an id
//   before it, not only headings as Pagefind's sub-results), with ?h=<query> for landing.js
//   to mark the words there. One result per block that holds a match: the first is the page's
//   own link and excerpt, the others its sub-results. Excerpts are built here from the page's
//   words, as [text, marked] pieces, marking the query as written (not the index's words).
import * as pagefind from "../../../pagefind/pagefind.js";

const HAN = /\p{Script=Han}/u;
// Pages Pagefind lists for a Chinese query without finding the exact phrase, whose fragments
// are fetched to check them (the first ones in its ranking; the rest are dropped).
const VERIFY = 10;
// Words shown before and after a match in an excerpt (Pagefind's own excerpt is 30 words).
const BEFORE = 9;
const AFTER = 21;
// A block's title when it has no heading: its first sentence, cut at this many characters.
const LEAD = 28;
const WORD = /[^\s\u200b]+/g;  // raw_content separates the words Pagefind indexed with U+200B

// options:
//   bundle      absolute URL of <site root>/pagefind/
//   baseUrl     path of the site root (the own index's URLs are relative to it)
//   language    this edition's index, e.g. "zh-hant" (<html lang>, lower case)
//   scriptMap   URL of the script map this edition needs: script-map.s2t.json (to Traditional) or
//               script-map.t2s.json (to Simplified)
//   other       {language: "en", lang: "en", from: "/en/", to: "/"}: the other language's
//               index, its language tag, its edition's root path and this edition's
//   titleLinks  CSS selector of links whose text is this edition's title of a page
export function createSearch(options) {
  const { bundle, baseUrl, language, scriptMap, other, titleLinks } = options;
  // On the main thread: its work here is a few milliseconds (chunks of a few KB), and
  // pagefind-worker.js would add 11.6 KB gzip and a round trip to every first search.
  const inner = pagefind.createInstance({ basePath: bundle, baseUrl, noWorker: true });
  const ownChinese = language.startsWith("zh");
  let map = null;  // the loaded script map
  let loadingMap = null;
  let merging = null;
  let older = null;          // the older years' bundle names (a promise), from pagefind/groups.json
  let olderNames = null;     // and once read
  const merges = new Map();  // "<language> <year>" → its merge
  const merged = new Set();  // "<language> <year>" merged
  const fragments = new Map();  // result id → its page's data: a search after `widen` lists pages again

  function loadMap() {
    if (!loadingMap) {
      loadingMap = fetch(scriptMap)
        .then((response) => (response.ok ? response.json() : {}))
        .then((json) => { map = json || {}; })
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

  function loadOlder() {
    older = older || fetch(new URL("groups.json", bundle))
      .then((response) => (response.ok ? response.json() : { older: [] }))
      .then((json) => (olderNames = Array.isArray(json?.older) ? json.older.map(String) : []))
      .catch((error) => { older = null; throw error; });
    return older;
  }

  // Whether a search in `target` now covers every year.
  function whole(target) {
    return olderNames !== null && olderNames.every((name) => merged.has(`${target} ${name}`));
  }

  function languageOf(term) {
    return Boolean(other) && HAN.test(term) !== ownChinese ? other.language : language;
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

  // The address a result leads to: the block, and the query for landing.js.
  function landing(url, id, term) {
    const target = new URL(url, location.href);
    target.searchParams.set("h", term);
    target.hash = id ? "#" + id : "";
    return target.pathname + target.search + target.hash;
  }

  // What the dialog shows of one page: plain fields, the other language's marked with its tag.
  // `ok`: for a Chinese query, whether the page holds every part of it.
  function shape(page, foreign, names, term, parts) {
    const text = wordsOf(page.raw_content ?? page.content ?? "");
    const hits = parts ? phraseHits(text, parts) : wordHits(text, page.locations || []);
    const ok = !parts || parts.every((part) => hits.some((hit) => hit.part === part));
    const url = foreign ? relink(page.url) : page.url;
    const title = foreign && names.get(new URL(url, location.href).pathname);
    const sections = blocks(page.anchors || [], hits).map(({ anchor, hits: inside }) => ({
      url: landing(url, anchor?.id, term),
      title: anchor ? heading(anchor, text) : "",
      excerpt: excerpt(text, inside[0].word, hits),
    }));
    const [first, ...rest] = sections;
    return {
      ok,
      url: first ? first.url : landing(url, null, term),
      title: title || page.meta?.title || url,
      titleLang: foreign && !title ? other.lang : null,
      // The bulletin it is in (publisher and date: data-pagefind-meta in article.md.j2), which tells
      // apart a document printed in several bulletins; in the other edition's words if foreign.
      source: page.meta?.bulletin || "",
      excerpt: first ? first.excerpt : [[page.plain_excerpt || "", false]],
      lang: foreign ? other.lang : null,
      subResults: rest,
    };
  }
  return {
    // Starts loading the WASM and this edition's index metadata.
    init: () => inner.init(),

    // Merges the older years' bundles for the language `term` is searched in. Never fails: a year
    // that cannot be loaded is left out of this search and tried again at the next.
    async widen(term) {
      const target = languageOf(term);
      let names = [];
      try {
        names = await loadOlder();
      } catch (error) {
        console.error(error);
      }
      // Settled, not all: one year that fails is no reason to search without the others.
      const merging = await Promise.allSettled(names.map((name) => {
        const key = `${target} ${name}`;
        if (!merges.has(key)) {
          const path = new URL(`${name}/`, bundle).href;
          // Pagefind keeps an index that failed to load, and every later search fails on it: a year's
          // bundle is merged only once its entry is there (a deployment still uploading, say).
          merges.set(key, fetch(new URL("pagefind-entry.json", path))
            .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${path}: ${response.status}`))))
            .then((entry) => (entry?.languages?.[target] ? inner.mergeIndex(path, { language: target, baseUrl })
              : Promise.reject(new Error(`${path}: no ${target} index`))))
            .then(() => { merged.add(key); })
            .catch((error) => { merges.delete(key); throw error; }));
        }
        return merges.get(key);
      }));
      for (const failed of merging.filter((merge) => merge.status === "rejected")) console.error(failed.reason);
    },

    // {results: [{id, data: async () => shaped page}], best first ([] for a query with no words),
    // complete: whether every year was searched (else `widen`, and search again)}.
    async search(term) {
      const complete = whole(languageOf(term));
      return { results: await find(term), complete };
    },
  };

  async function find(term) {
    const chinese = HAN.test(term);
    if (chinese && scriptMap) {
      await loadMap();
      let converted = "";
      for (const ch of term) converted += map[ch] || ch;
      term = converted;
    }
    term = term.trim();
    const target = languageOf(term);
    const foreign = target !== language;
    if (foreign) await mergeOther();
    const prefix = target + "_";
    const mine = (result) => result.id.startsWith(prefix);
    const names = foreign ? titles() : null;
    // The parts of a Chinese query a page must hold: what is between spaces and punctuation.
    const parts = chinese ? partsOf(term) : null;
    const checked = parts && parts.join("").length > 1 ? parts : null;
    const wrap = (result) => {
      let shaped = null;
      const page = () => {
        if (!fragments.has(result.id)) {
          const loading = result.data();
          loading.catch(() => fragments.delete(result.id));  // fetched again next time
          fragments.set(result.id, loading);
        }
        return fragments.get(result.id);
      };
      return { id: result.id, data: () => (shaped = shaped || page().then((data) => shape(data, foreign, names, term, parts))) };
    };
    const listed = ((await inner.search(term))?.results || []).filter(mine).map(wrap);
    if (!checked) return listed;
    const exact = checked.length === 1 ? ((await inner.search(`"${checked[0]}"`))?.results || []).filter(mine) : [];
    const certain = new Set(exact.map((result) => result.id));
    for (const result of exact) if (!listed.some((r) => r.id === result.id)) listed.push(wrap(result));
    const unsure = listed.filter((result) => !certain.has(result.id)).slice(0, VERIFY);
    const held = new Set();
    await Promise.all(unsure.map(async (result) => { if ((await result.data()).ok) held.add(result.id); }));
    return listed.filter((result) => certain.has(result.id) || held.has(result.id));
  }
}

function partsOf(term) {
  return term.toLowerCase().split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
}

// The page's words as Pagefind counts them (its word locations index this list), each with
// where it stands in the text shown (`shown`) and in `compact` (the words run together, lower
// case), which phrases are looked up in. raw_content separates words with U+200B (dropped
// here) and escapes < and > (and nothing else: & is left as it is), which are unescaped.
function wordsOf(raw) {
  const words = [];
  let shown = "";
  let compact = "";
  let last = 0;
  for (const match of raw.matchAll(WORD)) {
    shown += raw.slice(last, match.index).replace(/\u200b/g, "");
    last = match.index + match[0].length;
    const word = match[0].replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    words.push({ start: shown.length, end: shown.length + word.length, at: compact.length });
    shown += word;
    compact += word.toLowerCase();
  }
  return { shown, words, compact };
}

// The word that holds the character at `offset` of `compact`.
function wordAt(text, offset) {
  let low = 0;
  let high = text.words.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (text.words[middle].at <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

// Where in the shown text the character at `offset` of `compact` is.
function shownAt(text, offset) {
  const word = text.words[wordAt(text, offset)];
  return word.start + (offset - word.at);
}

// Every occurrence of each part, in text order: {word, start, end (in shown), part}.
function phraseHits(text, parts) {
  const hits = [];
  for (const part of parts) {
    for (let at = text.compact.indexOf(part); at >= 0; at = text.compact.indexOf(part, at + part.length)) {
      hits.push({ word: wordAt(text, at), start: shownAt(text, at), end: shownAt(text, at + part.length - 1) + 1, part });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

// The words Pagefind matched (a Latin query: its stemming and prefixes decide).
function wordHits(text, locations) {
  return [...new Set(locations)].filter((word) => word < text.words.length).sort((a, b) => a - b)
    .map((word) => ({ word, start: text.words[word].start, end: text.words[word].end }));
}

// Hits grouped by the block they are in (the last element with an id before them), in text order.
function blocks(anchors, hits) {
  const marks = anchors.filter((anchor) => anchor.id).sort((a, b) => a.location - b.location);
  const groups = [];
  for (const hit of hits) {
    let anchor = null;
    for (const candidate of marks) {
      if (candidate.location > hit.word) break;
      anchor = candidate;
    }
    const group = groups.find((g) => g.anchor === anchor);
    if (group) group.hits.push(hit);
    else groups.push({ anchor, hits: [hit] });
  }
  return groups;
}

// A heading's text; for any other block, its first sentence (or its first LEAD characters).
function heading(anchor, text) {
  if (/^h\d$/i.test(anchor.element) && anchor.text?.trim()) return anchor.text.trim();
  const word = text.words[Math.min(anchor.location, text.words.length - 1)];
  if (!word) return "";
  const rest = text.shown.slice(word.start, word.start + 200).trim();
  const end = rest.search(/[。！？]|[.!?](?=\s|$)/);
  const sentence = end >= 0 ? rest.slice(0, end + 1) : rest;
  const most = HAN.test(sentence) ? LEAD : LEAD * 2.5;  // Latin letters are narrower
  return sentence.length > most ? sentence.slice(0, most).trimEnd() + "…" : sentence;
}

// The words around `word`, as [text, marked] pieces, the hits among them marked.
function excerpt(text, word, hits) {
  const first = Math.max(0, word - BEFORE);
  const last = Math.min(text.words.length - 1, word + AFTER);
  const from = text.words[first].start;
  const to = text.words[last].end;
  const pieces = [];
  let at = from;
  for (const hit of hits) {
    if (hit.end <= at || hit.start >= to) continue;
    const start = Math.max(hit.start, at);
    if (start > at) pieces.push([text.shown.slice(at, start), false]);
    at = Math.min(hit.end, to);
    pieces.push([text.shown.slice(start, at), true]);
  }
  if (at < to) pieces.push([text.shown.slice(at, to), false]);
  return pieces;
}
