"""The text of an article page: every block in both languages, glossary terms and notes marked.

For each block, the edition's primary language comes first (with the permalink ¶) and
the other second, each `<p>` with its `lang`. On a page, the first occurrence of each
glossary term in the leading language (the one a single-language view keeps) is marked as a
link to its glossary entry, which also shows beside it on hover, focus and tap (the entries
load on first use: a page does not carry them); one mark per term and page, as a reader
who has met a term once needs no second pointer. The words a note quotes are marked and
point to the note, which follows the block; a term never takes a note's words.
"""
from __future__ import annotations

import functools

from dataclasses import dataclass, field

from markupsafe import Markup

from . import urls
from .annotate import markup
from .crossrefs import block_reference
from .editions import Edition, load_ui
from .glossary import Term, find_terms
from .model import Article, Bulletin
from .notes import Note, find_quote
from .markup import attr, html, join
from .numerals import to_int
from .safe_text import render as render_markdown

HEADER = ("kicker", "title", "subtitle", "date", "byline", "dateline", "credit")


@dataclass
class Marks:
    """What one page has marked so far: each glossary term once."""

    edition: Edition
    terms: list[Term]
    notes: list[Note]
    numbered: dict = field(default_factory=dict)  # note id → its number on the page
    names: dict = field(default_factory=dict)  # language → {term as written: Term}
    seen: set = field(default_factory=set)  # the terms marked (by their Simplified form)


def page_view(edition: Edition, bulletin: Bulletin, article: Article, terms: list[Term] = (),
              notes: list[Note] = ()) -> dict:
    marks = Marks(edition, list(terms), [n for n in notes if n.block.split("__")[0] == article.id])
    pieces = {}
    for name in HEADER:
        piece = getattr(article, name)
        if piece:
            pieces[name] = _pair(marks, bulletin, f"{article.id}__{name}", piece.text, glossary=False)
    if "byline" in pieces:
        pieces["byline"] = _byline_mark(pieces["byline"])
    # Notes on the article as a whole (its continuation from page 1 …) come first and are numbered first.
    header_notes = join(notes_html(marks, f"{article.id}__{name}", "") for name in HEADER + ("continued",))
    blocks, after = {}, {}
    for block in article.blocks:
        heading = block.type in ("question", "heading")
        blocks[block.id] = _pair(marks, bulletin, block.id, block.text, permalink=None if heading else block.id,
                                 bold=block.type == "clause" and bool(block.heading), glossary=not heading)
        after[block.id] = notes_html(marks, block.id, block.text)
    printed = {b.id: str(to_int(b.clause)) if edition.code == "en" else edition.zh(b.clause)
               for b in article.blocks if b.clause}
    numbers = {key: f"({n})" if edition.code == "en" else f"（{n}）" for key, n in printed.items()}
    fragments = {b.id: edition.ui["fragment_label"] % printed[b.id] for b in article.blocks if b.fragment}
    # How a reader cites each block, in Chinese and English for the two citation styles whatever the
    # page's language.
    cited = {b.id: (block_reference(b, article, _citing("zh-Hans")), block_reference(b, article, _citing("en")))
             for b in article.blocks}
    return {"pieces": pieces, "blocks": blocks, "numbers": numbers, "fragments": fragments, "notes": after,
            "header_notes": header_notes, "cited": cited}


def _byline_mark(pair: dict) -> dict:
    """□新华社记者: the □ is a newspaper's mark before a byline, not a missing character; drawn
    small and grey as a mark (site.css), and left out of what a screen reader reads."""
    marked = dict(pair)
    for key in ("first", "second"):
        value = str(pair[key])
        at = value.find(">□")
        if at >= 0:
            marked[key] = Markup(value[: at + 1] + '<span class="byline-mark" aria-hidden="true">□</span>'
                                 + value[at + 2 :])
    return marked


@functools.cache
def _citing(code: str) -> Edition:
    """The words of a citation style (GB/T 7714 in Simplified, the English one in English)."""
    return Edition(code, load_ui(code), chinese=str)


def _pair(marks: Marks, bulletin: Bulletin, key: str, chinese: str, permalink: str | None = None,
          bold: bool = False, glossary: bool = True) -> dict:
    edition = marks.edition
    ui = edition.ui
    translation = edition.en(bulletin, key)
    link = html('<a class="blk-link" href="{}" aria-label="{} {}">¶</a>', urls.here(permalink),
                attr(ui["permalink"]), attr(permalink)) if permalink else ""
    zh_text = edition.zh(chinese)
    # A note's quoted words keep their mark and number: a glossary term overlapping them is marked
    # at a later occurrence instead.
    quotes = _quote_spans(marks, key, chinese)
    # English leads on the English edition, unless there is no translation to lead with; terms are
    # marked in the leading language only.
    english_first = edition.primary == "en" and bool(translation.text)
    zh_spans = (_term_spans(marks, zh_text, "zh", around=quotes) if glossary and not english_first else []) + quotes
    zh_html = _html(zh_text, zh_spans, "。" if bold else None)
    if translation.text:
        en_spans = _term_spans(marks, translation.text, "en") if glossary and english_first else []
        en_html = _html(translation.text, en_spans, ". " if bold else None)
        flag = (html(' <span class="tr-flag" role="note">{}</span>', ui["translation_stale"])
                if translation.status == "stale" else "")
        english = ("en", "stale" if translation.status == "stale" else "", en_html + flag)
    else:
        english = ("en", "missing", html("{}", ui["translation_missing"]))
    chinese_p = ("zh", "", zh_html)
    order = [english, chinese_p] if english_first else [chinese_p, english]
    langs = {"zh": edition.zh_lang, "en": "en"}
    first, second = order
    return {
        "first": html('<p class="{}" lang="{}">{}{}</p>', attr(_classes(first[0], "primary", first[1])),
                      attr(langs[first[0]]), first[2], link),
        "second": html('<p class="{}" lang="{}">{}</p>', attr(_classes(second[0], "secondary", second[1])),
                       attr(langs[second[0]]), second[2]),
        "heading": translation.text if order[0] is english else zh_text,
    }


def _html(text: str, spans: list, bold_stop: str | None) -> Markup:
    """Escaped text with its marked spans; a clause's number and title in bold."""
    at = text.find(bold_stop) if bold_stop else -1
    if at <= 0:
        return markup(text, spans)
    end = at + len(bold_stop.rstrip())
    # A span across the end of the bold title is cut in two; what follows it (a note's number) goes
    # after the second part.
    head = [(a, min(b, end), o, c, after if b <= end else html("")) for a, b, o, c, after in spans if a < end]
    tail = [(max(a, end) - end, b - end, o, c, after) for a, b, o, c, after in spans if b > end]
    return html("<strong>{}</strong>{}", markup(text[:end], head), markup(text[end:], tail))


def _term_spans(marks: Marks, text: str, language: str, around: list = ()) -> list:
    names = marks.names.get(language)
    if names is None:  # each term as written in this language and script, once per page
        edition = marks.edition
        names = marks.names[language] = {
            (term.en if language == "en" else
             term.zh_hant if edition.code == "zh-Hant" and term.zh_hant else edition.zh(term.zh)): term
            for term in marks.terms}
    spans = []
    for start, end, name in find_terms(text, list(names), english=language == "en"):
        term = names[name]
        if term.zh in marks.seen or any(start < b and a < end for a, b, *_ in around):
            continue
        marks.seen.add(term.zh)
        # A link to the glossary entry (article pages are two levels below the edition's root);
        # assets/javascripts/terms.js shows the entry beside it from GLOSSARY_JSON.
        spans.append((start, end, html('<a class="term" href="{}">', urls.page("glossary", anchor=term.slug, up=2)),
                      html("</a>"), html("")))
    return spans


def tip_html(edition: Edition, term: Term) -> Markup:
    """The entry shown beside a term on hover, focus or tap: both scripts (one where they agree), pinyin,
    English, the definition."""
    definition = term.definition_en if edition.code == "en" else edition.zh(term.definition_zh)
    return html('<span class="term-head">{} · <span lang="zh-Latn-pinyin">{}</span> · <span lang="en">{}</span></span>'
                '<span class="term-def" lang="{}">{}</span>', chinese_forms(edition, term), term.pinyin, term.en,
                attr("en" if edition.code == "en" else edition.zh_lang), render_markdown(definition))


def chinese_forms(edition: Edition, term: Term) -> Markup:
    """A term's Simplified and Traditional forms, the edition's own first; one form where the two agree
    (常住地, not 常住地 · 常住地), marked with the edition's language."""
    simplified, traditional = term.zh, term.zh_hant or edition.traditional(term.zh)
    if simplified == traditional:
        return html('<span lang="{}">{}</span>', attr(edition.zh_lang), simplified)
    forms = [("zh-Hans", simplified), ("zh-Hant", traditional)]
    if edition.code == "zh-Hant":
        forms.reverse()
    return join((html('<span lang="{}">{}</span>', lang, form) for lang, form in forms), " · ")


def _quote_spans(marks: Marks, key: str, chinese: str) -> list:
    spans = []
    for note in marks.notes:
        if note.block != key or not note.quote:
            continue
        found = find_quote(note, chinese)
        if len(found) != 1 or len(marks.edition.zh(chinese)) != len(chinese):
            continue  # `check` reports it; the note still shows under the block
        number = marks.numbered.setdefault(note.id, len(marks.numbered) + 1)
        start = found[0]
        spans.append((start, start + len(note.quote), html('<span class="noted">'), html("</span>"),
                      html('<sup class="note-ref"><a href="{}">{}</a></sup>', urls.here(f"note-{note.id}"),
                           _note_label(marks, number))))
    return spans


def _note_label(marks: Marks, number: int) -> str:
    return marks.edition.ui["note_label"] % number


def notes_html(marks: Marks, key: str, chinese: str) -> str:
    """The notes on a block, after it: number, kind, the quoted words, the note."""
    edition, ui = marks.edition, marks.edition.ui
    items = []
    for note in marks.notes:
        if note.block != key:
            continue
        number = marks.numbered.setdefault(note.id, len(marks.numbered) + 1)
        text = note.en if edition.code == "en" else edition.zh(note.zh)
        quote = html('<q lang="{}">{}</q> ', attr(edition.zh_lang), edition.zh(note.quote)) if note.quote else ""
        items.append(html('<p class="note note-{}" id="{}"><span class="note-kind">{} · {}</span> {}'
                          '<span lang="{}">{}</span></p>', attr(note.kind), attr(f"note-{note.id}"),
                          _note_label(marks, number), ui["note_kinds"][note.kind], quote,
                          attr("en" if edition.code == "en" else edition.zh_lang), render_markdown(text)))
    return html('<aside class="notes" aria-label="{}">{}</aside>', attr(ui["notes_label"]), join(items)) \
        if items else ""


def _classes(*names: str) -> str:
    return " ".join(name for name in names if name)
