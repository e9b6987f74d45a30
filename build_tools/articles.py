"""From paragraphs to articles: where each article starts, its header, its kind.

An article starts at a title line. Around the title stand, in print order: an
overline (kicker), the title, a subtitle (`——…`), a date line (`（2019年1月31日）`), a
byline (`□…`), and on the first body line a continuation marker (`■上接第1版`) or an
opening dateline (`新华社北京4月26日电 （记者…）`). A closing dateline (`（新华社…电）`)
or a photo credit (`… 摄`) ends it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import markers
from .corrections import ROLES, Corrections
from .model import Article, Guess, Piece
from .paragraphs import INDENTED_LAYOUT, Paragraph

HEADER_ROLES = ("title", "subtitle", "date", "byline")
# The people.com.cn e-paper text gives every article three header lines, overline (引题),
# title and subtitle (副题), any of them empty: a line's place above the text says its role.
SLOTS = {3: "kicker", 2: "title", 1: "subtitle"}


@dataclass
class Draft:
    """An article before its body is structured into blocks."""

    article: Article
    body: list[Paragraph] = field(default_factory=list)
    guesses: list[Guess] = field(default_factory=list)
    line: int = 0  # where the article starts


def split_articles(paragraphs: list[Paragraph], corrections: Corrections | None = None) -> list[Draft]:
    corrections = corrections or Corrections()
    slotted = three_line_headers(paragraphs)
    _demote_titles_without_body(paragraphs, slotted)
    drafts: list[Draft] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        if _starts_article(para, drafts[-1] if drafts else None):
            if para.role == "title":
                i = _read_headers(paragraphs, i, drafts, slotted, corrections)
                continue
            drafts.append(Draft(Article(id="", kind="news", title=None), line=para.line))
            if len(drafts) > 1:
                drafts[-1].guesses.append(Guess(para.line, "start", "text after a closing dateline or photo "
                                                "credit, with no title of its own, taken as a new article"))
        current = drafts[-1]
        field_name = _FIELD.get(para.role)
        if field_name and getattr(current.article, field_name) is None:
            setattr(current.article, field_name, Piece(tuple(para.segments)))
        else:
            if not current.body:
                para = _strip_opening_markers(para, current.article)
            current.body.append(para)
        i += 1
    return drafts


# Marker lines and the article field each fills; a second one of a kind is body text.
_FIELD = {"byline": "byline", "subtitle": "subtitle", "date": "date", "dateline_end": "dateline", "credit": "credit"}


def _starts_article(para: Paragraph, current: Draft | None) -> bool:
    """A title starts an article; so does text after an article's closing dateline or credit."""
    if para.role == "title" or current is None:
        return True
    closed = current.article.dateline is not None or current.article.credit is not None
    return closed and para.role == "body"


def three_line_headers(paragraphs: list[Paragraph]) -> bool:
    """True for the people.com.cn layout: indented text whose headers keep their empty lines,
    seen as a text that opens with a blank line or a header standing apart from its text."""
    if sum(p.indented for p in paragraphs) < INDENTED_LAYOUT * len(paragraphs):
        return False
    if paragraphs and paragraphs[0].line > 1:
        return True
    return any(p.role in HEADER_ROLES and not p.indented and n.indented and n.line > p.last_line + 1
               for p, n in zip(paragraphs, paragraphs[1:]))


def _read_headers(paragraphs: list[Paragraph], i: int, drafts: list[Draft], slotted: bool,
                  corrections: Corrections) -> int:
    """Read the header run starting at `i` into one new article (or more: a photo's title
    stands alone); returns the index of the first body paragraph."""
    run: list[Paragraph] = []
    j = i
    while j < len(paragraphs) and paragraphs[j].role in HEADER_ROLES:
        role = paragraphs[j].role
        if role == "title" and run and _header_closed(run, slotted):
            break  # a second title after a header: a new article
        if role != "title" and any(p.role == role for p in run):
            break  # a second byline or date is text
        run.append(paragraphs[j])
        j += 1
    body_line = paragraphs[j].line if j < len(paragraphs) and paragraphs[j].role == "body" else None
    roles = corrections.at(run[0].line, "headline")
    if roles:
        drafts.append(_corrected_header(run, roles, corrections))
    elif slotted:
        near = [p for p in run if body_line and body_line - p.line in SLOTS]
        if near and not any(p.role == "title" for p in near):
            drafts.append(_stacked_header(run))  # no title in its place: the places do not hold here
            return j
        for cluster in _clusters([p for p in run if p not in near]):
            if any(p.role == "title" for p in cluster):
                drafts.append(_header_only(cluster))
            else:  # a marker line (a byline) above the three places: still this article's
                near = cluster + near
        if near:
            drafts.append(_slotted_header(near, body_line))
    else:
        drafts.append(_stacked_header(run))
    return j


def _header_closed(run: list[Paragraph], slotted: bool) -> bool:
    if slotted:
        return False  # places, not order, sort a three-line header from the next one
    return any(p.role != "title" for p in run)


def _clusters(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Header lines with no text of their own, grouped by adjacency: one group per article."""
    groups: list[list[Paragraph]] = []
    for para in paragraphs:
        if groups and para.line == groups[-1][-1].last_line + 1:
            groups[-1].append(para)
        else:
            groups.append([para])
    return groups


def _header_only(cluster: list[Paragraph]) -> Draft:
    """A title with no text under it: on a printed page, a photo whose caption is its title."""
    draft = _stacked_header(cluster)
    draft.article.kind = "photo"
    draft.guesses.append(Guess(draft.line, "kind", f"{_lines(cluster)}: a title with no text under it, "
                               "taken as a photo"))
    return draft


def _slotted_header(near: list[Paragraph], body_line: int) -> Draft:
    article = Article(id="", kind="news", title=None)
    draft = Draft(article, line=near[0].line)
    titles = [(p, SLOTS[body_line - p.line]) for p in near if p.role == "title"]
    if titles and all(role != "title" for _, role in titles):
        # Only the overline or the subtitle place is filled: that line is the title.
        titles[0] = (titles[0][0], "title")
    for para in near:
        if para.role != "title":
            _fill(article, _FIELD[para.role], para)
    for para, role in titles:
        _fill(article, role, para)
    if len(titles) > 1:
        draft.guesses.append(Guess(near[0].line, "headline", f"title run of {len(titles)} lines: " + ", ".join(
            f"line {p.line} taken as {ROLE_NAMES[r]}" for p, r in titles) +
            " (by their places in the three-line header: overline, title, subtitle)"))
    return draft


def _corrected_header(run: list[Paragraph], roles: list[str], corrections: Corrections) -> Draft:
    """The roles bulletin.yml gives the title lines of a run, in order."""
    titles = [p for p in run if p.role == "title"]
    if len(titles) != len(roles) or "title" not in roles:
        line = corrections.by_line[run[0].line].meta_line
        corrections.error(f"corrections: line {run[0].line}: headline gives {len(roles)} role(s) to a title run of "
                          f"{len(titles)} line(s) ({_lines(titles)}); give one role per line, one of them title", line)
    article = Article(id="", kind="news", title=None)
    draft = Draft(article, line=run[0].line)
    for para in run:
        if para.role != "title":
            _fill(article, _FIELD[para.role], para)
    for para, role in zip(titles, roles):
        _fill(article, ROLES[role], para)
    draft.guesses.append(Guess(run[0].line, "headline", f"title run of {len(titles)} line(s): " + ", ".join(
        f"line {p.line} as {r}" for p, r in zip(titles, roles)), True))
    return draft


def _lines(paragraphs: list[Paragraph]) -> str:
    first, last = paragraphs[0].line, paragraphs[-1].last_line
    return f"line {first}" if first == last else f"lines {first}–{last}"


def _stacked_header(run: list[Paragraph]) -> Draft:
    """Headers without empty places: print order is overline, then title; marker lines say their role."""
    article = Article(id="", kind="news", title=None)
    draft = Draft(article, line=run[0].line)
    titles = [p for p in run if p.role == "title"]
    for para in run:
        if para.role != "title":
            _fill(article, _FIELD[para.role], para)
    article.title = Piece(tuple(titles[-1].segments))
    if titles[-1].guessed and len(run) == 1:
        draft.guesses.append(Guess(titles[-1].line, "start", "a short line without sentence punctuation, with no "
                                   "subtitle, byline or dateline beside it, taken as the title of a new article"))
    if len(titles) > 1:
        article.kicker = Piece(tuple(seg for para in titles[:-1] for seg in para.segments))
        draft.guesses.append(Guess(titles[0].line, "headline", f"title run of {len(titles)} lines: " + ", ".join(
            f"line {p.line} taken as {'title' if p is titles[-1] else 'overline'}" for p in titles) +
            " (the last line of a run is the title)"))
    return draft


ROLE_NAMES = {"kicker": "overline", "title": "title", "subtitle": "subtitle"}


def _fill(article: Article, field_name: str, para: Paragraph) -> None:
    piece = Piece(tuple(para.segments))
    current = getattr(article, field_name)
    if current is None:
        setattr(article, field_name, piece)
    else:  # a second line of one role (a two-line overline) belongs to it
        setattr(article, field_name, Piece(current.segments + piece.segments))


def _strip_opening_markers(para: Paragraph, article: Article) -> Paragraph:
    """`■上接第1版 …` becomes a piece of its own; an opening dateline is noted, not cut."""
    text = para.text
    continued = markers.match("continued", text)
    if continued:
        article.continued = Piece(para.slice(0, continued.end()))
        article.continued_from = continued["page"]
        para = Paragraph(list(para.slice(continued.end())), para.indented, para.role, para.lines)
        text = para.text
    dateline = markers.match("dateline_start", text)
    if dateline:
        article.opening_dateline = dateline["dateline"]
    return para


def _demote_titles_without_body(paragraphs: list[Paragraph], slotted: bool) -> None:
    """Title-like lines followed by no body (a letter's signature, a date) are body text;
    in the three-line layout a line set apart by a blank line is a header all the same."""
    for i, para in enumerate(paragraphs):
        if para.role != "title" or (slotted and para.blank_before):
            continue
        j = i + 1
        while j < len(paragraphs) and paragraphs[j].role in HEADER_ROLES:
            j += 1
        if j >= len(paragraphs) or paragraphs[j].role != "body":
            for k in range(i, j):
                if paragraphs[k].role == "title":
                    paragraphs[k].role = "body"


def detect_kind(draft: Draft) -> str:
    if draft.article.kind == "photo" or (draft.article.title and not draft.body):
        return "photo"
    texts = [p.text for p in draft.body]
    questions = sum(bool(markers.match("question", t)) for t in texts)
    if questions >= 2:
        return "interview"
    header = "".join(p.raw for p in (draft.article.kicker, draft.article.title, draft.article.subtitle) if p)
    subheads = sum(bool(markers.match("subhead", t)) for t in texts)
    if subheads >= 2 and any(word in header for word in markers.INTERVIEW_WORDS):
        return "interview"
    title = draft.article.title.raw if draft.article.title else ""
    parts = sum(bool(markers.match(s, t)) for s in markers.PARTS for t in texts)
    clauses = sum(bool(markers.match(s, t)) for s in markers.CLAUSES for t in texts)
    if document_type(title) and (parts or clauses >= 2):
        return "policy"
    if draft.article.credit and len(draft.body) <= 2:
        return "photo"
    return "news"


def document_type(title: str) -> str | None:
    """The id word for a document title ending in 意见, 决定, 通知 …"""
    for word, name in markers.DOCUMENT_TYPES.items():
        if title.rstrip("》”").endswith(word):
            return name
    return None
