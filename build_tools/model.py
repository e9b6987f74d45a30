"""The document model: what a bulletin is once parsed.

Every piece of source text the model holds keeps the exact source slices it came
from (`Segment`s), so the conservation check can prove that nothing was lost or
counted twice, and error messages can name a line and column.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .punctuation import display_text


@dataclass(frozen=True)
class Segment:
    """An exact slice of one source line: `text` starts at `line`:`col` (both 1-based)."""

    line: int
    col: int
    text: str


@dataclass
class Piece:
    """Source text with a role: a title, a byline, a block's text …"""

    segments: tuple[Segment, ...]

    # Cached: pages, exports and checks read them thousands of times; segments never change.
    @cached_property
    def raw(self) -> str:
        """The text exactly as in the source, line breaks removed."""
        return "".join(s.text for s in self.segments)

    @cached_property
    def text(self) -> str:
        """The text as displayed: Chinese punctuation restored."""
        return display_text(self.raw)

    @property
    def line(self) -> int:
        return self.segments[0].line


@dataclass
class Block(Piece):
    """One addressable unit of an article: a paragraph, a question, a point, a clause.

    `type` is one of: paragraph, question, answer, point, heading, clause, section (a part whose
    number opens its text: 一、凡…必须严格禁止。), subhead (a line over a question).
    Interview blocks carry `question` (and `point` for points); document blocks
    carry `section` and `clause` as printed (Chinese numerals) and as numbers.
    """

    id: str = ""
    type: str = "paragraph"
    speaker: str | None = None
    question: int | None = None
    point: int | None = None
    section: str | None = None
    clause: str | None = None
    section_number: int | None = None
    clause_number: int | None = None
    heading: str | None = None
    fragment: bool = False
    # How the document numbers them (markers.PARTS, markers.CLAUSES): 第二章 and 第七条 are
    # named so, 二、 and （七） otherwise.
    section_scheme: str | None = None
    clause_scheme: str | None = None


@dataclass
class Article:
    id: str
    kind: str  # interview, policy, news, photo
    title: Piece | None
    kicker: Piece | None = None
    subtitle: Piece | None = None
    date: Piece | None = None
    byline: Piece | None = None
    continued: Piece | None = None
    continued_from: str | None = None
    opening_dateline: str | None = None
    dateline: Piece | None = None
    credit: Piece | None = None
    blocks: list[Block] = field(default_factory=list)

    @property
    def title_text(self) -> str:
        return self.title.text if self.title else "（无标题）"

    def pieces(self) -> list[Piece]:
        header = [self.kicker, self.title, self.subtitle, self.date, self.byline, self.continued]
        footer = [self.dateline, self.credit]
        return [p for p in header if p] + list(self.blocks) + [p for p in footer if p]


@dataclass(frozen=True)
class Guess:
    """A decision the parser made without a marker that settles it, for `inspect` to show.

    `topic` names the kind of guess (`start`, `headline`, `kind`, `numbering`, …) and so the
    correction in bulletin.yml that overrides it; `corrected` is true where bulletin.yml did.
    """

    line: int
    topic: str
    text: str
    corrected: bool = False


@dataclass
class Bulletin:
    id: str
    path: Path
    text: str
    meta: dict
    articles: list[Article] = field(default_factory=list)
    guesses: list[Guess] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return split_lines(self.text)


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them; only LF and CRLF end a line.

    `str.splitlines` would also split on form feeds and U+2028, shifting line
    numbers away from what a contributor sees.
    """
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


@dataclass
class Target:
    """What an answer can explain: a clause, or a section's own text, of a document.

    `present` is false for a clause or section known only from the outline the
    interview gives (its text is not in the bulletin); `block` is then the id it
    would have, which anchors its entry in the outline.
    """

    article: Article
    bulletin: Bulletin
    block: str
    section: str | None
    clause: str | None
    heading: str
    text: str
    present: bool = True
    blocks: tuple[str, ...] = ()  # every block of the clause or section, first the one it starts with
    section_number: int | None = None
    clause_number: int | None = None
    section_scheme: str | None = None  # chapter or section (markers.PARTS)
    clause_scheme: str | None = None  # article, clause or item (markers.CLAUSES)

    @property
    def order(self) -> tuple[int, int]:
        return (self.section_number or 0, self.clause_number or 0)


@dataclass
class Evidence:
    kind: str  # "title" (the clause's title named in the answer) or "quote" (shared wording)
    text: str


@dataclass
class Link:
    """An answer point (or paragraph) explains a clause (or a section)."""

    source: Block
    source_article: Article
    source_bulletin: Bulletin
    target: Target
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    origin: str = "auto"  # or "curated"
    reason: str | None = None
