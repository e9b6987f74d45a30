"""The glossary (`source_texts/glossary.yml`): terms, their readings and renderings, and
where they occur.

Material's abbreviations cannot mark terms in running Chinese (Python-Markdown's `abbr`
needs word boundaries, which Chinese text has none of), so the renderer marks them
itself: the first occurrence of a term on a page, in the Chinese and in the English.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .yamlfile import load_yaml


@dataclass
class Term:
    zh: str
    pinyin: str
    en: str
    alternatives: list[str]
    definition_en: str
    definition_zh: str
    zh_hant: str | None = None

    @property
    def slug(self) -> str:
        return term_anchor(self.en)


def term_anchor(english: str) -> str:
    """The anchor of a term's entry on the glossary page, from its English rendering."""
    return "term-" + re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-")


def load_glossary(path: Path) -> list[Term]:
    if not path.exists():
        return []
    return [Term(e["zh"], e["pinyin"], e["en"], list(e.get("alternatives") or []), e["definition_en"],
                 e["definition_zh"], e.get("zh_hant")) for e in load_yaml(path).data or []]


def find_terms(text: str, terms: list[str], english: bool = False) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, term) in `text`, longest terms first."""
    taken = None
    found = []
    haystack = text.lower() if english else text
    for term, needle, pattern in _longest_first(tuple(terms), english):
        # Most terms are absent from a given block: a substring test spares the regex.
        if needle not in haystack:
            continue
        taken = taken or [False] * len(text)
        for match in pattern.finditer(text):
            if not any(taken[match.start() : match.end()]):
                for k in range(match.start(), match.end()):
                    taken[k] = True
                found.append((match.start(), match.end(), term))
    return sorted(found)


@functools.lru_cache(maxsize=16)
def _longest_first(terms: tuple[str, ...], english: bool) -> tuple[tuple[str, str, re.Pattern], ...]:
    """(term, what to look for in the lowered text, its pattern), longest first: every block of a
    build is searched for the same terms."""
    ordered = sorted(set(terms), key=len, reverse=True)
    if english:
        return tuple((t, t.lower(), re.compile(rf"(?<![A-Za-z]){re.escape(t)}(?![A-Za-z])", re.IGNORECASE))
                     for t in ordered)
    return tuple((t, t, re.compile(re.escape(t))) for t in ordered)
