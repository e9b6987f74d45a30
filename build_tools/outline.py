"""The full outline of a document, read from the interview's answer on its framework.

An interview often has one answer that walks through the document part by part:

    《意见》共6个部分。第一部分为总体要求，包括指导思想、主要目标……第三部分为依法维护
    合法权益，提出依法规范用工管理，强化合法权益保障，加强互联网平台算法治理、完善监督
    管理等4方面举措。……

From it come the part titles and, where a part lists its measures with a count that
matches, the clause titles. Clause numbers are assigned in order (continuously, or
restarting in each part) and kept only if they agree with the clauses printed in the
bulletin, so that a document whose beginning is on another page gets an outline of what
is missing without anything being invented: the outline holds titles the interview
printed, never clause text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Article
from .numerals import to_chinese, to_int
from .similarity import dice

_PART = re.compile(r"第(?P<num>[一二三四五六七八九十]+)部分(?:为|是)(?P<title>[^，,。；;]+)(?P<rest>[^。]*)。")
_MEASURES = re.compile(
    r"提出(?P<list>.+?)等(?:(?P<count>\d+|[一二三四五六七八九十]+)个?方面)?(?:举措|任务|措施|要求)")
_ITEM_SPLIT = re.compile(r"[，,、；;]")
# How alike a printed clause heading and the interview's name for it must be.
AGREEMENT = 0.5


@dataclass
class OutlineEntry:
    section: str
    clause: str | None
    title: str
    id: str  # the block's id, or the id it would have: missing entries are anchored by it in the outline
    present: bool  # printed in this bulletin (partly, for a clause cut by a page break)
    partial: bool = False


def read_outline(document: Article, interview: Article) -> list[OutlineEntry]:
    """The outline of `document` as the interview describes it; empty if it does not."""
    parts = _parts(interview)
    if not parts:
        return []
    printed = {(b.section_number, b.clause_number): b for b in document.blocks
               if b.type == "clause" and b.clause_number}
    headings = {b.section_number: b.id for b in document.blocks if b.type in ("heading", "section")}
    clause_titles = _numbered_clauses(parts, printed)
    entries = []
    for number, title, _ in parts:
        section = to_chinese(number)
        entries.append(OutlineEntry(section, None, title, headings.get(number, f"{document.id}__sec{number}"),
                                    number in headings))
        for clause_number, clause_title in clause_titles.get(number, []):
            block = printed.get((number, clause_number))
            entries.append(OutlineEntry(
                section, to_chinese(clause_number), clause_title,
                block.id if block else f"{document.id}__sec{number}__cl{clause_number}",
                present=block is not None, partial=bool(block and block.fragment)))
    return entries


def _parts(interview: Article) -> list[tuple[int, str, list[str] | None]]:
    """(part number, title, clause titles or None) from the first answer that lists parts."""
    for block in interview.blocks:
        if block.type not in ("answer", "point"):
            continue
        found = list(_PART.finditer(block.text))
        if len(found) >= 2:
            return [(to_int(m["num"]), m["title"].strip(), _measures(m["rest"])) for m in found]
    return []


def _measures(rest: str) -> list[str] | None:
    listed = _MEASURES.search(rest)
    if not listed:
        return None
    items = [item.strip() for item in _ITEM_SPLIT.split(listed["list"]) if item.strip()]
    count = listed["count"]
    if count and to_int(count) != len(items):
        return None  # the list does not split cleanly: better no titles than wrong ones
    return items


def _numbered_clauses(parts, printed) -> dict[int, list[tuple[int, str]]]:
    """Clause numbers for the listed titles: the numbering that agrees with the printed clauses."""
    for restart in (False, True):
        numbered: dict[int, list[tuple[int, str]]] = {}
        counter = 0
        for number, _, titles in parts:
            if restart:
                counter = 0
            for title in titles or []:
                counter += 1
                numbered.setdefault(number, []).append((counter, title))
        if _agrees(numbered, printed):
            return numbered
    return {}


def _agrees(numbered, printed) -> bool:
    checked = 0
    for part, titles in numbered.items():
        for clause_number, title in titles:
            block = printed.get((part, clause_number))
            if block is None or not block.heading:
                continue
            checked += 1
            if dice(block.heading, title) < AGREEMENT:
                return False
    return checked > 0
