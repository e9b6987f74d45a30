"""From an article's body paragraphs to blocks with stable ids.

Ids come from the numbers the newspaper printed, never from positions in the file,
so that a translation or note anchored to `opinion__sec4__cl8` or
`interview__q6__pt3` survives corrections elsewhere:

    interview__p1            paragraph before the first question
    interview__q6            question 6
    interview__q6__a1        first answer paragraph (or the lead before the points)
    interview__q6__pt3       point 三是 of answer 6
    opinion__p1              preamble before the first section
    opinion__sec4            heading of section 四
    opinion__sec4__p1        section text before its first clause
    opinion__sec4__cl8       clause (八); `__p2` … for its further paragraphs
    opinion__end__p1         closing paragraphs after the last clause
    producer-services__p3    paragraph 3 of a news article

A clause cut by a page break keeps the id of the clause it belongs to
(`opinion__sec3__cl4`), inferred from the next clause printed.
"""
from __future__ import annotations

from . import markers
from .model import Block
from .numerals import to_chinese, to_int
from .paragraphs import Paragraph
from .punctuation import display_text


def build_blocks(kind: str, body: list[Paragraph], aid: str, continued: bool) -> list[Block]:
    if kind == "interview":
        blocks = interview_blocks(body, aid)
    elif kind == "policy":
        blocks = document_blocks(body, aid, continued)
    else:
        blocks = [_block(p.slice(0), f"{aid}__p{n}") for n, p in enumerate(body, 1)]
    return _unique_ids([b for b in blocks if b.segments])


def _block(segments, block_id: str, type: str = "paragraph", **fields) -> Block:
    return Block(tuple(segments), id=block_id, type=type, **fields)


def interview_blocks(body: list[Paragraph], aid: str) -> list[Block]:
    blocks: list[Block] = []
    question, intro = 0, 0
    answer: list[Paragraph] = []
    for para in body:
        asked = markers.match("question", para.text)
        if asked:
            blocks += answer_blocks(answer, aid, question)
            answer = []
            question += 1
            blocks.append(_block(para.slice(0), f"{aid}__q{question}", "question",
                                 speaker=asked["speaker"], question=question))
        elif question == 0:
            intro += 1
            blocks.append(_block(para.slice(0), f"{aid}__p{intro}"))
        else:
            answer.append(para)
    return blocks + answer_blocks(answer, aid, question)


def answer_blocks(paras: list[Paragraph], aid: str, question: int) -> list[Block]:
    """An answer's paragraphs, with `一是…二是…` points split out where they form a sequence."""
    if not paras:
        return []
    label = markers.match("answer", paras[0].text) or markers.match("speaker", paras[0].text)
    speaker = label["speaker"] if label else None
    cuts = _point_sequence(paras)
    blocks: list[Block] = []
    paragraph = 0
    for index, para in enumerate(paras):
        here = [(offset, number) for i, offset, number in cuts if i == index]
        first_cut = here[0][0] if here else len(para.text)
        if para.text[:first_cut].strip():
            paragraph += 1
            blocks.append(_block(para.slice(0, first_cut), f"{aid}__q{question}__a{paragraph}", "answer",
                                 question=question, speaker=speaker if index == 0 else None))
        for k, (offset, number) in enumerate(here):
            end = here[k + 1][0] if k + 1 < len(here) else None
            blocks.append(_block(para.slice(offset, end), f"{aid}__q{question}__pt{number}", "point",
                                 question=question, point=number))
    return blocks


# A list may skip a number (a misprint, a point cut in editing) without ending.
POINT_GAP = 2


def _point_sequence(paras: list[Paragraph]) -> list[tuple[int, int, int]]:
    """(paragraph index, offset, number) of 一是, 二是 … in order; empty unless at least two.

    The sequence starts at 一是 and takes each later point whose printed number
    follows the last one by at most POINT_GAP, so ids keep the printed numbers.
    """
    found, last = [], 0
    for index, para in enumerate(paras):
        for match in markers.MARKERS["point"].finditer(para.text):
            number = to_int(match["num"])
            if (last == 0 and number == 1) or (last and last < number <= last + POINT_GAP):
                found.append((index, match.start(), number))
                last = number
    return found if len(found) >= 2 else []


def document_blocks(body: list[Paragraph], aid: str, continued: bool) -> list[Block]:
    bracket_clauses = _has_bracket_clauses(body)
    marks = [_document_mark(p.text, bracket_clauses) for p in body]
    numbered = [i for i, m in enumerate(marks) if m]
    first = marks[numbered[0]] if numbered else None
    sections = [m for m in marks if m and m[0] == "section"]
    last_clause = max((i for i, m in enumerate(marks) if m and m[0] == "clause"), default=-1)
    inline_clauses = False

    section = clause = None
    # A document continued from another page starts inside a clause of the section
    # before the first section heading printed here.
    if continued and first and first[0] == "clause" and sections:
        section = to_chinese(to_int(sections[0][1]) - 1)
    fragment_of = None
    if continued and first and first[0] == "clause" and to_int(first[1]) > 1:
        before = to_int(first[1]) - 1
        fragment_of = str(before) if first[1].isdigit() else to_chinese(before)

    blocks: list[Block] = []
    counters: dict[str, int] = {}

    def prefix() -> str:
        return f"{aid}__sec{to_int(section)}" if section else aid

    def numbered_fields() -> dict:
        return {"section": section, "clause": clause,
                "section_number": to_int(section) if section else None,
                "clause_number": to_int(clause) if clause else None}

    def next_id(base: str) -> str:
        counters[base] = counters.get(base, 0) + 1
        return f"{base}__p{counters[base]}"

    for index, (para, mark) in enumerate(zip(body, marks)):
        segments = para.slice(0)
        if mark and mark[0] == "section":
            section, clause = mark[1], None
            blocks.append(_block(segments, prefix(), "heading", heading=_display(mark[2]), **numbered_fields()))
        elif mark and mark[0] == "clause":
            clause = mark[1]
            inline_clauses = not (markers.looks_like_heading(mark[2]) and not markers.ends_paragraph(mark[2]))
            base = f"{prefix()}__cl{to_int(clause)}"
            counters[base] = 1 if inline_clauses else 0
            blocks.append(_block(segments, base, "clause", heading=_clause_heading(mark[2]), **numbered_fields()))
        elif clause is None and fragment_of and index < numbered[0]:
            clause = fragment_of
            base = f"{prefix()}__cl{to_int(clause)}"
            counters[base] = 1
            blocks.append(_block(segments, base, "clause", fragment=True, **numbered_fields()))
        elif clause is not None and inline_clauses and index > last_clause and section == _last_section(sections):
            blocks.append(_block(segments, next_id(f"{aid}__end")))
        elif clause is not None:
            blocks.append(_block(segments, next_id(f"{prefix()}__cl{to_int(clause)}"), **numbered_fields()))
        else:
            blocks.append(_block(segments, next_id(prefix()), **numbered_fields()))
    return blocks


def _has_bracket_clauses(body: list[Paragraph]) -> bool:
    return any(markers.match("clause", p.text) for p in body)


def _document_mark(text: str, bracket_clauses: bool) -> tuple[str, str, str] | None:
    """('section' | 'clause', number as printed, the rest of the line) or None."""
    section = markers.match("section", text)
    if section and markers.looks_like_heading(section["heading"]):
        return ("section", section["num"], section["heading"])
    clause = markers.match("clause", text) or (None if bracket_clauses else markers.match("item", text))
    if clause:
        return ("clause", clause["num"], clause["rest"])
    return None


def _last_section(sections: list[tuple[str, str, str]]) -> str | None:
    return sections[-1][1] if sections else None


def _clause_heading(rest: str) -> str:
    """`强化合法权益保障。督促…` → `强化合法权益保障`; a heading line is its own heading."""
    for stop in "。.":
        head, found, _ = rest.partition(stop)
        if found and 0 < len(head) <= markers.HEADING_MAX:
            return _display(head)
    return _display(rest) if markers.looks_like_heading(rest) else ""


def _display(text: str) -> str:
    return display_text(text.strip())


def _unique_ids(blocks: list[Block]) -> list[Block]:
    """A repeated number (a second `一是` list, a misprint) gets `_2`, `_3` …"""
    seen: dict[str, int] = {}
    for block in blocks:
        if block.id in seen:
            seen[block.id] += 1
            block.id = f"{block.id}_{seen[block.id]}"
        else:
            seen[block.id] = 1
    return blocks
