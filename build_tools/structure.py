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

from dataclasses import dataclass

from . import markers
from .model import Block, Guess
from .numerals import to_chinese, to_int
from .paragraphs import Paragraph, is_part_heading
from .punctuation import display_text


def build_blocks(kind: str, body: list[Paragraph], aid: str, continued: bool,
                 schemes: tuple[str | None, str | None] = (None, None), guesses: list | None = None) -> list[Block]:
    guesses = [] if guesses is None else guesses
    if kind == "interview":
        blocks = interview_blocks(body, aid, guesses)
    elif kind == "policy":
        blocks = document_blocks(body, aid, continued, schemes)
    else:
        blocks = [_block(p.slice(0), f"{aid}__p{n}") for n, p in enumerate(body, 1)]
    return _unique_ids([b for b in blocks if b.segments])


def _block(segments, block_id: str, type: str = "paragraph", **fields) -> Block:
    return Block(tuple(segments), id=block_id, type=type, **fields)


def interview_blocks(body: list[Paragraph], aid: str, guesses: list | None = None) -> list[Block]:
    """Questions, the answers under them, and what stands before the first question.

    A question is marked (问：, 记者：, 1　问：, or a number alone on the line above it); a 专访
    in reported speech has no marks, and each `■` subhead opens a topic that counts as one.
    A short line right above a marked question is its subhead.
    """
    by_subhead = question_scheme(body) == "subhead"
    if by_subhead and guesses is not None:
        topics = [p for p in body if markers.match("subhead", p.text)]
        guesses.append(Guess(topics[0].line, "questions", f"no question is marked (问：, 记者：): the {len(topics)} "
                             "subheads (■…) taken as its questions, the text under each as the answer"))
    blocks: list[Block] = []
    question, intro = 0, 0
    answer: list[Paragraph] = []
    skip = set()
    for index, para in enumerate(body):
        if index in skip:
            continue
        nxt = body[index + 1] if index + 1 < len(body) else None
        segments = para.slice(0)
        if not by_subhead and nxt is not None and _is_question(nxt.text) and _is_subhead(para.text):
            blocks += answer_blocks(answer, aid, question)
            answer = []
            blocks.append(_block(segments, f"{aid}__q{question + 1}__head", "subhead", question=question + 1))
            continue
        if not by_subhead and nxt is not None and markers.match("question_number", para.text) \
                and (_is_question(nxt.text) or nxt.text.endswith(("？", "?"))):
            segments = segments + nxt.slice(0)  # the number above, the question below: one block
            skip.add(index + 1)
            para = nxt
        asked = markers.match("subhead", para.text) if by_subhead else markers.match("question", para.text)
        if asked or len(segments) > len(para.slice(0)):
            blocks += answer_blocks(answer, aid, question)
            answer = []
            question += 1
            speaker = asked.groupdict().get("speaker") if asked else None
            blocks.append(_block(segments, f"{aid}__q{question}", "question", speaker=speaker, question=question))
        elif question == 0:
            intro += 1
            blocks.append(_block(segments, f"{aid}__p{intro}"))
        else:
            answer.append(para)
    return blocks + answer_blocks(answer, aid, question)


def question_scheme(body: list[Paragraph]) -> str | None:
    """How an interview marks its questions: "marked" (问：, 记者：), "subhead" (a 专访 whose
    topics open with ■ subheads and nothing else), or None."""
    if sum(_is_question(p.text) for p in body) >= 1:
        return "marked"
    if sum(bool(markers.match("subhead", p.text)) for p in body) >= 2:
        return "subhead"
    return None


def _is_question(text: str) -> bool:
    return bool(markers.match("question", text))


def _is_subhead(text: str) -> bool:
    return (markers.looks_like_heading(text) and not markers.ends_paragraph(text)
            and not markers.match("question_number", text))


def answer_blocks(paras: list[Paragraph], aid: str, question: int) -> list[Block]:
    """An answer's paragraphs, with `一是…二是…` points split out where they form a sequence."""
    if not paras:
        return []
    label = (markers.match("answer", paras[0].text) or markers.match("speaker", paras[0].text)
             or markers.match("speaker_title", paras[0].text))
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
            last = (index, offset) == cuts[-1][:2]
            tail = _after_the_list(para.text, offset, cuts, paras) if last and end is None else None
            blocks.append(_block(para.slice(offset, end if tail is None else tail), f"{aid}__q{question}__pt{number}", "point",
                                 question=question, point=number))
            if tail is not None:
                paragraph += 1
                blocks.append(_block(para.slice(tail), f"{aid}__q{question}__a{paragraph}", "answer",
                                     question=question))
    return blocks


def _after_the_list(text: str, offset: int, cuts, paras: list[Paragraph]) -> int | None:
    """Where the answer goes on after its last point, in the same paragraph: where every other
    point of the list is one sentence, so is the last (四是明确…程序。为推动和保障党建责任落实，…)."""
    points = []
    for k, (index, start, _) in enumerate(cuts[:-1]):
        nxt = cuts[k + 1]
        stop = nxt[1] if nxt[0] == index else len(paras[index].text)
        points.append(paras[index].text[start:stop].strip())
    if len(points) < 2 or any(_sentences(p) != 1 for p in points):
        return None
    end = text.find("。", offset)
    return end + 1 if 0 <= end < len(text.rstrip()) - 1 else None


def _sentences(text: str) -> int:
    return sum(text.count(mark) for mark in "。！？") or 1


# A list may skip a number (a misprint, a point cut in editing) without ending.
POINT_GAP = 2


def _point_sequence(paras: list[Paragraph]) -> list[tuple[int, int, int]]:
    """(paragraph index, offset, number) of 一是, 二是 … in order; empty unless at least two.

    The sequence starts at 一是 and takes each later point whose printed number
    follows the last one by at most POINT_GAP, so ids keep the printed numbers.
    """
    for scheme in markers.POINT_SCHEMES:
        found, last = [], 0
        for index, para in enumerate(paras):
            for match in markers.MARKERS[scheme].finditer(para.text):
                number = to_int(match["num"])
                if (last == 0 and number == 1) or (last and last < number <= last + POINT_GAP):
                    found.append((index, match.start(), number))
                    last = number
        if len(found) >= 2:
            return found
    return []


@dataclass
class Mark:
    """A numbered line of a document: its level (1 part, 2 clause), scheme, number and text."""

    level: int
    scheme: str
    number: int
    numeral: str
    rest: str
    heading: str | None = None  # a part's heading alone on its line; None where the line is its text


def document_blocks(body: list[Paragraph], aid: str, continued: bool,
                    schemes: tuple[str | None, str | None] = (None, None)) -> list[Block]:
    lead = _lead_end(body)
    marks = _document_marks(body, lead, continued, schemes)
    numbered = [i for i, m in enumerate(marks) if m]
    first = marks[numbered[0]] if numbered else None
    parts = [m for m in marks if m and m.level == 1]
    last_clause = max((i for i, m in enumerate(marks) if m and m.level == 2), default=-1)
    inline_clauses = False

    part: Mark | None = None
    clause: Mark | None = None
    # A document continued from another page starts inside a clause of the part before
    # the first part heading printed here.
    if continued and first and first.level == 2 and parts:
        part = Mark(1, parts[0].scheme, parts[0].number - 1, to_chinese(parts[0].number - 1), "")
    fragment_of = None
    if continued and first and first.level == 2 and first.number > 1:
        before = first.number - 1
        fragment_of = Mark(2, first.scheme, before, str(before) if first.numeral.isdigit() else to_chinese(before), "")

    blocks: list[Block] = []
    counters: dict[str, int] = {}

    def prefix() -> str:
        return f"{aid}__{markers.ID_WORDS[part.scheme]}{part.number}" if part else aid

    def clause_id() -> str:
        return f"{prefix()}__{markers.ID_WORDS[clause.scheme]}{clause.number}"

    def numbered_fields() -> dict:
        return {"section": part.numeral if part else None, "clause": clause.numeral if clause else None,
                "section_number": part.number if part else None,
                "clause_number": clause.number if clause else None,
                "section_scheme": part.scheme if part else None, "clause_scheme": clause.scheme if clause else None}

    def next_id(base: str) -> str:
        counters[base] = counters.get(base, 0) + 1
        return f"{base}__p{counters[base]}"

    for index, (para, mark) in enumerate(zip(body, marks)):
        segments = para.slice(0)
        if index <= lead:
            blocks.append(_block(segments, next_id(f"{aid}__lead")))
        elif mark and mark.level == 1:
            part, clause = mark, None
            if mark.heading is not None:
                blocks.append(_block(segments, prefix(), "heading", heading=_display(mark.heading), **numbered_fields()))
            else:  # 一、凡…必须严格禁止。: the part's number opens its text
                counters[prefix()] = 1
                blocks.append(_block(segments, prefix(), "section", **numbered_fields()))
        elif mark and mark.level == 2:
            clause = mark
            inline_clauses = not (markers.looks_like_heading(mark.rest) and not markers.ends_paragraph(mark.rest))
            base = clause_id()
            counters[base] = 1 if inline_clauses else 0
            heading = _clause_heading(mark.rest) if mark.scheme != "article" else ""
            blocks.append(_block(segments, base, "clause", heading=heading, **numbered_fields()))
        elif clause is None and fragment_of and index < numbered[0]:
            clause = fragment_of
            base = clause_id()
            counters[base] = 1
            blocks.append(_block(segments, base, "clause", fragment=True, **numbered_fields()))
        elif (clause is not None and inline_clauses and index > last_clause and parts and part is parts[-1]
              and clause.scheme != "article"):
            blocks.append(_block(segments, next_id(f"{aid}__end")))
        elif clause is not None:
            blocks.append(_block(segments, next_id(clause_id()), **numbered_fields()))
        else:
            blocks.append(_block(segments, next_id(prefix()), **numbered_fields()))
    return blocks


def _lead_end(body: list[Paragraph]) -> int:
    """The last paragraph of a report's lead (`…《条例》全文如下。`) before the document it prints; -1 if none."""
    for index, para in enumerate(body):
        if markers.MARKERS["full_text"].search(para.text):
            return index
    return -1


def _document_marks(body: list[Paragraph], lead: int, continued: bool,
                    schemes: tuple[str | None, str | None]) -> list[Mark | None]:
    """The numbered lines that hold: each scheme's numbers must run 1, 2, 3 …, so that a number
    in a sentence (违反本法第十二条规定), a list inside a clause, or a table of contents is text.
    A document continued from another page starts where the page does (at clause （四）)."""
    found = [_candidates(p.text) if i > lead else {} for i, p in enumerate(body)]
    part_scheme = next((s for s in markers.PARTS if any(s in f for f in found)), None)
    clause_scheme = next((s for s in markers.CLAUSES if any(s in f for f in found)), None)
    # bulletin.yml may say otherwise (`parts: none`, `clauses: item`).
    part_scheme = part_scheme if schemes[0] is None else (None if schemes[0] == "none" else schemes[0])
    clause_scheme = clause_scheme if schemes[1] is None else (None if schemes[1] == "none" else schemes[1])
    # A table of contents repeats the parts' headings before the text: the text starts at the
    # last part numbered one.
    start = lead + 1
    if part_scheme:
        ones = [i for i, f in enumerate(found) if part_scheme in f and f[part_scheme].number == 1]
        start = ones[-1] if ones else start
    marks: list[Mark | None] = [None] * len(body)
    last_part, last_clause, clause_part = 0, 0, 0
    for index in range(start, len(body)):
        candidates = found[index]
        mark = candidates.get(part_scheme) if part_scheme else None
        if mark and (mark.number == last_part + 1 or (continued and last_part == 0)):
            marks[index], last_part = mark, mark.number
            continue
        mark = candidates.get(clause_scheme) if clause_scheme else None
        if mark and (mark.number == last_clause + 1 or (mark.number == 1 and clause_part != last_part)
                     or (continued and last_clause == 0)):
            marks[index], last_clause, clause_part = mark, mark.number, last_part
    return marks


def _candidates(text: str) -> dict[str, Mark]:
    out = {}
    chapter = markers.match("chapter", text)
    if chapter:
        out["chapter"] = Mark(1, "chapter", to_int(chapter["num"]), chapter["num"], chapter["heading"] or "",
                              chapter["heading"] or "")
    section = markers.match("section", text)
    if section:
        heading = section["heading"] if is_part_heading(section["heading"]) else None
        out["section"] = Mark(1, "section", to_int(section["num"]), section["num"], section["heading"], heading)
    for scheme in markers.CLAUSES:
        found = markers.match(scheme, text)
        if found:
            out[scheme] = Mark(2, scheme, to_int(found["num"]), found["num"], found["rest"])
    return out


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
