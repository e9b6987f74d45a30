"""The data files the pages' scripts read: the glossary's entries (for the tips) and the script map
(for the search box, which converts a query between Simplified and Traditional)."""
from __future__ import annotations

import json
from collections import Counter

from .editions import Edition
from .model import Bulletin
from .pagetext import tip_html


SCRIPT_MAP = "assets/script-map.{}.json"  # s2t (read on zh-Hant), t2s (on zh-Hans and en)

GLOSSARY_JSON = "assets/glossary.json"

def glossary_json(terms, edition: Edition) -> str:
    """Each term's entry as HTML (escaped here: the page script inserts it as is), by its anchor."""
    entries = {term.slug: tip_html(edition, term) for term in sorted(terms, key=lambda t: t.slug)}
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"

def script_maps(bulletins: list[Bulletin], to_traditional) -> dict[str, str]:
    """Simplified → Traditional and back for every character of the bulletins whose forms differ,
    a file each way (an edition's search reads one: half the bytes before its first results).

    The search box converts a query with it (新就業群體 finds 新就业群体 on the Simplified
    edition and the reverse), so that one index per edition serves both scripts. Built from
    the text as converted, so it follows the override list too.
    """
    pairs: Counter = Counter()  # (Simplified, Traditional) character pairs, counted in C
    for bulletin in bulletins:
        for article in bulletin.articles:
            for piece in article.pieces():
                simplified = piece.text
                traditional = to_traditional(simplified)
                if len(traditional) == len(simplified):
                    pairs.update(zip(simplified, traditional))
    forms: dict[str, Counter] = {}
    for (a, b), count in pairs.items():
        forms.setdefault(a, Counter())[b] += count
    # A character takes its most frequent form: 了 stays 了 although 了解 becomes 瞭解.
    s2t = {a: count.most_common(1)[0][0] for a, count in forms.items() if count.most_common(1)[0][0] != a}
    # Back to Simplified from every form seen (製造 and 制度 both lead to 制).
    t2s = {}
    for a, count in sorted(forms.items()):
        for b in sorted(count):
            if b != a:
                t2s.setdefault(b, a)
    return {SCRIPT_MAP.format(name): json.dumps(half, ensure_ascii=False, separators=(",", ":")) + "\n"
            for name, half in (("s2t", dict(sorted(s2t.items()))), ("t2s", t2s))}
