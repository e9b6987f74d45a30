// A page opened from a search result: site-search/pagefind.js links each result to the block
// that holds the match (#id) with the query in ?h=. This marks the query in the page's text
// and brings the first mark in that block (or, failing that, the first one shown) into view,
// below the sticky header. overrides/main.html imports it only when the address has ?h=, so
// other page views load nothing of it.
//
// What is marked follows the search: a Chinese query (already in this edition's script) is
// found as written, each part between spaces or punctuation; a Latin one word by word, as the
// start of a word (Pagefind matches "algorithm" in "algorithms"). The marks are a CSS Custom
// Highlight ("search-hit"), so the page's elements are left as they are; where the browser has
// no CSS.highlights, matches inside one text node are wrapped in <mark> instead.
const HAN = /\p{Script=Han}/u;
const BLOCK = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, figcaption, summary, blockquote, pre";
const SKIP = "script, style, .headerlink, .blk-link, .md-nav, .md-header, .md-footer, .site-search-dialog";

const term = (new URLSearchParams(location.search).get("h") || "").trim();
if (term) {
  const style = document.createElement("style");
  // Stronger than the page's own yellow marks (notes, shared wording), so the words searched stand out.
  style.textContent = "::highlight(search-hit) { color: #000; background-color: #ffb300; }"
    + " mark.search-hit { color: #000; background-color: #ffb300; }";
  document.head.append(style);
  if (document.readyState === "complete") land();
  else addEventListener("load", land, { once: true });
}

function land() {
  const root = document.querySelector("[data-pagefind-body]") || document.querySelector(".md-content") || document.body;
  const ranges = find(root, patternOf(term));
  if (!ranges.length) return;
  let first = null;
  if (window.CSS?.highlights && window.Highlight) {
    CSS.highlights.set("search-hit", new Highlight(...ranges));
    first = ranges;
  } else {
    first = ranges.filter((range) => range.startContainer === range.endContainer).map((range) => {
      const mark = document.createElement("mark");
      mark.className = "search-hit";
      range.surroundContents(mark);
      return mark;
    });
  }
  // Coming back (Back, Forward, reload), page.js puts the reader where they were: marks only.
  const navigation = performance.getEntriesByType?.("navigation")[0];
  if (navigation && (navigation.type === "back_forward" || navigation.type === "reload")) return;
  // After the browser's own jump to #id, which it makes once the page has loaded.
  requestAnimationFrame(() => requestAnimationFrame(() => show(first)));
}

// A regular expression for the query: its Chinese parts as written, or the starts of its words.
function patternOf(query) {
  const parts = query.split(/[\s\p{P}\p{S}]+/u).filter(Boolean).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (HAN.test(query)) return new RegExp(parts.join("|"), "giu");
  const stems = parts.map((part) => (part.length > 4 ? part.replace(/(ing|ed|es|s)$/i, "") : part));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.join("|")})[\\p{L}\\p{N}]*`, "giu");
}

// Ranges of the matches, in text order. The text nodes of one block are searched as one
// string, so a match may cross inline elements (a glossary link in the middle of a phrase).
function find(root, pattern) {
  const ranges = [];
  let nodes = [];
  let block = null;
  const flush = () => {
    if (nodes.length) ranges.push(...search(nodes, pattern));
    nodes = [];
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = node.parentElement.closest(BLOCK) || node.parentElement;
    if (owner !== block) {
      flush();
      block = owner;
    }
    nodes.push(node);
  }
  flush();
  return ranges;
}

function search(nodes, pattern) {
  const starts = [];
  let text = "";
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  const at = (offset, end) => {
    // The node holding character `offset` (for an end, the one holding the character before it).
    let i = starts.length - 1;
    while (i > 0 && (end ? starts[i] >= offset : starts[i] > offset)) i--;
    return [nodes[i], offset - starts[i]];
  };
  const ranges = [];
  for (const match of text.matchAll(pattern)) {
    if (!match[0]) continue;
    const range = document.createRange();
    range.setStart(...at(match.index, false));
    range.setEnd(...at(match.index + match[0].length, true));
    ranges.push(range);
  }
  return ranges;
}

// Brings the first match shown in the linked block (or anywhere) to a third of the way down
// the space below the header.
function show(marks) {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const element = (mark) => (mark instanceof Range ? mark.startContainer.parentElement : mark);
  const shown = marks.filter((mark) => element(mark).checkVisibility?.() ?? true);
  const first = shown.find((mark) => target && target.contains(element(mark))) || shown[0];
  if (!first) return;
  const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom || 0;
  const rect = first.getBoundingClientRect();
  if (rect.top >= header + 8 && rect.bottom <= innerHeight - 8) return;
  scrollBy(0, rect.top - header - (innerHeight - header) / 3);
}
