"""From source lines to paragraphs: undo column and page breaks, give each paragraph a role.

Two layouts exist:
- blank-line layout (the Xinhua bulletin): paragraphs separated by blank lines,
  no indentation; a column or page break splits a paragraph, even a word, into two
  (`…和可` / `操作性。…`). Such fragments are joined without a space.
- indented layout (People's Daily): one paragraph per line, indented with
  ideographic spaces; unindented lines are titles. An unindented line after an
  unfinished paragraph is that paragraph's continuation.

A paragraph gets a role: a marker line (`byline`, `dateline_end`, `credit`,
`subtitle`, `date`), `title`, or `body`. Titles, headings, bylines, datelines and
questions legitimately end without a full stop and are never treated as fragments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import markers
from .model import Segment, split_lines

# Roles of whole lines that open or close an article.
LINE_MARKERS = ("byline", "dateline_end", "credit", "subtitle", "date")
# A title known by its shape alone, in the blank-line layout: a guess, said so.
SHAPED_TITLE = "title (by its shape)"
# Markers that only ever stand in an article's header, above its text.
HEADER_ONLY = ("subtitle", "date")
# A title is recognised by what follows it.
HEADER_FOLLOWERS = ("subtitle", "byline", "continued", "dateline_start", "date")
# Body lines that start a new unit and so cannot continue a cut paragraph.
UNIT_STARTS = ("question", "answer", "section", "clause", "continued", "dateline_start", "subhead") + LINE_MARKERS
# Share of indented lines above which a text is in the indented layout.
INDENTED_LAYOUT = 0.3
# A next line whose first phrase is this short (`要。百亩…`) continues a cut word.
CUT_WORD_TAIL = 2
_FIRST_PHRASE = re.compile(r"^([^，,。、；;：:！!？?]*)[，,。、；;：:！!？?]")


@dataclass
class Line:
    number: int
    col: int  # 1-based column of the first non-space character
    text: str  # without surrounding whitespace
    indented: bool
    blank_before: bool = False  # a blank line (or the start of the file) comes before it


@dataclass
class Paragraph:
    segments: list[Segment]
    indented: bool
    role: str = "body"
    lines: list[Line] = field(default_factory=list)
    guessed: bool = False  # a title by its shape alone (short, no sentence punctuation), no marker around it

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    @property
    def line(self) -> int:
        return self.segments[0].line

    @property
    def last_line(self) -> int:
        return self.lines[-1].number if self.lines else self.segments[-1].line

    @property
    def blank_before(self) -> bool:
        return bool(self.lines) and self.lines[0].blank_before

    def slice(self, start: int, end: int | None = None) -> tuple[Segment, ...]:
        """Exact source segments of `text[start:end]`, with surrounding whitespace trimmed."""
        text = self.text
        end = len(text) if end is None else end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out, offset = [], 0
        for seg in self.segments:
            lo, hi = max(start, offset), min(end, offset + len(seg.text))
            if lo < hi:
                out.append(Segment(seg.line, seg.col + lo - offset, seg.text[lo - offset : hi - offset]))
            offset += len(seg.text)
        return tuple(out)


def read_lines(text: str) -> list[Line]:
    lines = []
    previous = 0
    for number, raw in enumerate(split_lines(text), 1):
        content = raw.strip()
        if content:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(number, lead + 1, content, lead > 0, blank_before=number > previous + 1))
            previous = number
    return lines


def line_marker(line: Line, indented_layout: bool) -> str | None:
    for name in LINE_MARKERS:
        if markers.match(name, line.text) and _can_mark(name, line, indented_layout):
            return name
    return None


def _can_mark(name: str, line: Line, indented_layout: bool) -> bool:
    """A header marker stands above the text: `——坚持…。`, the dash lists of a document's
    principles, is a body paragraph, not a subtitle; so is an indented line in the indented layout."""
    if name not in HEADER_ONLY:
        return True
    if indented_layout and line.indented:
        return False
    return not (name == "subtitle" and markers.ends_paragraph(line.text))


def starts_unit(text: str) -> bool:
    if any(markers.match(name, text) for name in UNIT_STARTS if name not in ("section", "clause")):
        return True
    return part_heading(text) is not None or bool(markers.match("clause", text) or markers.match("article", text))


def part_heading(text: str) -> str | None:
    """The heading of `一、…` or `第二章 …` printed alone on its line, else None."""
    chapter = markers.match("chapter", text)
    if chapter:
        return chapter["heading"] or ""
    section = markers.match("section", text)
    if section and is_part_heading(section["heading"]):
        return section["heading"]
    return None


def is_part_heading(heading: str) -> bool:
    """`聚力精准施策，决战决胜脱贫攻坚` is a heading; `凡…必须严格禁止。` is the part's text."""
    return 0 < len(heading) <= markers.PART_HEADING_MAX and not markers.ends_paragraph(heading)


def is_heading_line(text: str) -> bool:
    """A section heading, a clause heading on its own line, or a question."""
    if markers.match("question", text) or markers.match("subhead", text) or part_heading(text) is not None:
        return True
    clause = markers.match("clause", text)
    return bool(clause) and markers.looks_like_heading(clause["rest"]) and not markers.ends_paragraph(text)


def continues_cut_word(text: str) -> bool:
    """`要。百亩…` after `…增产之`: the next line finishes a word the break cut."""
    if text[0] in "，,。、；;：:！!？?）)”’》":
        return True
    phrase = _FIRST_PHRASE.match(text)
    return bool(phrase) and 0 < len(phrase.group(1)) <= CUT_WORD_TAIL


def build_paragraphs(text: str) -> list[Paragraph]:
    lines = read_lines(text)
    if not lines:
        return []
    indented_layout = sum(line.indented for line in lines) >= INDENTED_LAYOUT * len(lines)
    paragraphs: list[Paragraph] = []
    i = 0
    while i < len(lines):
        first = lines[i]
        para = Paragraph([Segment(first.number, first.col, first.text)], first.indented, lines=[first])
        para.role = line_marker(first, indented_layout) or "body"
        i += 1
        while i < len(lines):
            decision = _join_or_title(para, lines[i], paragraphs, indented_layout)
            if decision in ("title", SHAPED_TITLE):
                para.role, para.guessed = "title", decision == SHAPED_TITLE
            if decision != "join":
                break
            nxt = lines[i]
            para.segments.append(Segment(nxt.number, nxt.col, nxt.text))
            para.lines.append(nxt)
            i += 1
        if i >= len(lines) and para.role == "body" and len(para.lines) == 1:
            role = _title_without_follower(para, paragraphs, indented_layout)
            para.role, para.guessed = ("title", True) if role == SHAPED_TITLE else (role, False)
        paragraphs.append(para)
    return paragraphs


def _join_or_title(para: Paragraph, nxt: Line, before: list[Paragraph], indented_layout: bool) -> str:
    """'join' the next line to `para`, or end `para` as a 'title' or as it is ('end')."""
    text = para.text
    single = len(para.lines) == 1
    if para.role != "body":
        return "end"
    if indented_layout and single and _set_apart(para, nxt):
        # A line standing alone between blank lines and indented text is a header line,
        # whatever its last mark (食用野生动物，重罚！).
        return "title"
    if single and _exclaimed_title(text) and _header_follows(nxt):
        return "title"  # 食用野生动物，重罚！ over its subtitle
    if markers.ends_paragraph(text):
        return "end"
    if single and is_heading_line(text):
        return "end"
    if single and markers.match("signoff_date", nxt.text):
        return "end"  # a letter's signature above its date
    if indented_layout:
        if nxt.blank_before and not nxt.indented:
            # A page break never leaves a blank line: after one stands a headline, or nothing.
            return "title" if single and not para.indented and _can_be_title(text) else "end"
        if nxt.indented or starts_unit(nxt.text):
            return "title" if single and not para.indented and _can_be_title(text) else "end"
        return "join" if para.indented or not single else ("title" if _can_be_title(text) else "end")
    if not single:
        return "end" if starts_unit(nxt.text) else "join"
    if _header_follows(nxt):
        return "title" if _can_be_title(text) else "end"
    unit = starts_unit(nxt.text)
    if not unit and continues_cut_word(nxt.text):
        return "join"
    if markers.match("question", nxt.text):
        return "end"  # a question never opens an article: the line above it is its subhead
    if _after_article_end(before):
        return "title" if _can_be_title(text) else "end"
    if markers.looks_like_heading(text):
        return SHAPED_TITLE if _can_be_title(text) else "end"
    return "end" if unit else "join"


def _title_without_follower(para: Paragraph, before: list[Paragraph], indented_layout: bool) -> str:
    """The last line of a file: a title only by the rules that do not look ahead."""
    text = para.text
    if markers.ends_paragraph(text) or is_heading_line(text) or not _can_be_title(text):
        return "body"
    if indented_layout:
        return "body" if para.indented else "title"
    if _after_article_end(before):
        return "title"
    return SHAPED_TITLE if markers.looks_like_heading(text) else "body"


def _set_apart(para: Paragraph, nxt: Line) -> bool:
    """An unindented line after a blank line (or opening the file), followed by a header line or
    by the indented text: the three-line header of the people.com.cn layout."""
    first = para.lines[0]
    return (not para.indented and first.blank_before and (nxt.indented or nxt.blank_before or
            _header_follows(nxt))
            and len(para.text) <= 2 * markers.HEADING_MAX and not markers.match("signoff_date", para.text))


def _header_follows(nxt: Line) -> bool:
    """The next line is one that only stands under a title: a subtitle, byline, date, dateline …"""
    return any(markers.match(name, nxt.text) for name in HEADER_FOLLOWERS)


def _exclaimed_title(text: str) -> bool:
    """A headline may end with ！ or ？, never with a full stop, semicolon or colon."""
    stripped = text.rstrip(markers.CLOSING_QUOTES)
    return bool(stripped) and stripped[-1] in "！!？?" and len(text) <= markers.HEADING_MAX


def _can_be_title(text: str) -> bool:
    """A letter's salutation (`同志们：`) ends with a colon and is not a title; nor is its date."""
    return (not markers.ends_paragraph(text) and len(text) <= 2 * markers.HEADING_MAX
            and not markers.match("signoff_date", text))


def _after_article_end(before: list[Paragraph]) -> bool:
    return not before or before[-1].role in ("dateline_end", "credit")
