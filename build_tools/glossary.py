"""The glossary (`source_texts/glossary.yml`): terms, their readings and renderings, and
where they occur.

Material's abbreviations cannot mark terms in running Chinese (Python-Markdown's `abbr`
needs word boundaries, which Chinese text has none of), so the renderer marks them
itself: the first occurrence of a term on a page, in the Chinese and in the English.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .yamlfile import load_yaml

FILE = Path(__file__).resolve().parent.parent / "source_texts" / "glossary.yml"


@dataclass
class Term:
    zh: str
    pinyin: str
    en: str
    alternatives: list[str]
    definition_en: str
    definition_zh: str
    zh_hant: str | None = None
    occurrences: list[tuple] = field(default_factory=list)  # (bulletin, article, block id)

    @property
    def slug(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.en.lower()).strip("-")


def load_glossary(path: Path = FILE) -> list[Term]:
    if not path.exists():
        return []
    return [Term(e["zh"], e["pinyin"], e["en"], list(e.get("alternatives") or []), e["definition_en"],
                 e["definition_zh"], e.get("zh_hant")) for e in load_yaml(path).data or []]


def find_terms(text: str, terms: list[str], english: bool = False) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, term) in `text`, longest terms first."""
    taken = [False] * len(text)
    found = []
    haystack = text.lower() if english else text
    for term in sorted(set(terms), key=len, reverse=True):
        # Most terms are absent from a given block: a substring test spares the regex.
        if (term.lower() if english else term) not in haystack:
            continue
        pattern = rf"(?<![A-Za-z]){re.escape(term)}(?![A-Za-z])" if english else re.escape(term)
        for match in re.finditer(pattern, text, re.IGNORECASE if english else 0):
            if not any(taken[match.start() : match.end()]):
                for k in range(match.start(), match.end()):
                    taken[k] = True
                found.append((match.start(), match.end(), term))
    return sorted(found)
