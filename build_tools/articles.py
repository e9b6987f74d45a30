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
from .model import Article, Piece
from .paragraphs import Paragraph

HEADER_ROLES = ("title", "subtitle", "date", "byline")


@dataclass
class Draft:
    """An article before its body is structured into blocks."""

    article: Article
    body: list[Paragraph] = field(default_factory=list)


def split_articles(paragraphs: list[Paragraph]) -> list[Draft]:
    _demote_titles_without_body(paragraphs)
    drafts: list[Draft] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        if _starts_article(para, drafts[-1] if drafts else None):
            drafts.append(Draft(Article(id="", kind="news", title=None)))
            if para.role == "title":
                i = _read_header(paragraphs, i, drafts[-1].article)
                continue
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


def _read_header(paragraphs: list[Paragraph], i: int, article: Article) -> int:
    """Read the title run starting at `i`; returns the index of the first body paragraph."""
    titles: list[Paragraph] = []
    while i < len(paragraphs) and paragraphs[i].role in HEADER_ROLES:
        para = paragraphs[i]
        if para.role == "title":
            if article.subtitle or article.byline or article.date:
                break  # a second title after the header: a new article
            titles.append(para)
        elif getattr(article, _FIELD[para.role]) is None:
            setattr(article, _FIELD[para.role], Piece(tuple(para.segments)))
        else:
            break
        i += 1
    # Print order is overline, then title: the last title line is the title.
    article.title = Piece(tuple(titles[-1].segments))
    if len(titles) > 1:
        article.kicker = Piece(tuple(seg for para in titles[:-1] for seg in para.segments))
    return i


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


def _demote_titles_without_body(paragraphs: list[Paragraph]) -> None:
    """Title-like lines followed by no body (a letter's signature, a date) are body text."""
    for i, para in enumerate(paragraphs):
        if para.role != "title":
            continue
        j = i + 1
        while j < len(paragraphs) and paragraphs[j].role in HEADER_ROLES:
            j += 1
        if j >= len(paragraphs) or paragraphs[j].role != "body":
            for k in range(i, j):
                if paragraphs[k].role == "title":
                    paragraphs[k].role = "body"


def detect_kind(draft: Draft) -> str:
    texts = [p.text for p in draft.body]
    questions = sum(bool(markers.match("question", t)) for t in texts)
    if questions >= 2:
        return "interview"
    title = draft.article.title.raw if draft.article.title else ""
    sections = sum(bool(markers.match("section", t)) for t in texts)
    clauses = sum(bool(markers.match("clause", t)) for t in texts)
    if document_type(title) and (sections or clauses >= 2):
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
