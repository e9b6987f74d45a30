"""The words that name things on a page: titles safe for the theme, a bulletin's label and date, its
publisher, and the one-line summary of an article on the bulletin's contents."""
from __future__ import annotations

import re

from markupsafe import Markup

from . import markers
from .editions import Edition, article_title
from .markup import attr, html, text
from .model import Article, Bulletin
from .numerals import to_int
from .crossrefs import roman


SUMMARY_MAX = 70

# MkDocs themes insert page titles and descriptions into HTML unescaped (nav, <title>,
# <meta>); in those labels the HTML-special characters become their full-width forms, and
# line breaks and other controls spaces.
_LABEL_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂",
                             **{code: " " for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029]}})

_SENTENCE = re.compile(r"^.*?[。！？!?]”?")

_ENGLISH_DATELINE = re.compile(r"^[A-Z]+, [A-Z][a-z]+ \d{1,2} \([^)]*\) -- ")

_ENGLISH_SENTENCE = re.compile(r"^.*?[.!?]”?(?=\s|$)")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

def label(text: str) -> str:
    """Text for a page title, nav entry or description, which themes do not escape."""
    return text.translate(_LABEL_SAFE)

def bulletin_label(bulletin: Bulletin, edition: Edition) -> str:
    """新华社 2026年4月26日, or Xinhua News Agency, April 26, 2026 (publisher in Traditional on zh-Hant)."""
    ui = edition.ui
    publisher = bulletin.meta.get("publisher_en") if ui["code"] == "en" else None
    shown = ui["bulletin_label"] % {"publisher": publisher or bulletin.meta.get("publisher") or bulletin.id,
                                    "date": date_label(bulletin, ui)}
    return edition.traditional(shown) if ui["code"] == "zh-Hant" else shown

def publisher_html(bulletin: Bulletin, edition: Edition) -> Markup:
    """The publisher in the edition's language, the other name beside it with its own lang."""
    chinese, english = bulletin.meta.get("publisher"), bulletin.meta.get("publisher_en")
    if not chinese:
        return text(english or edition.ui["unknown"])
    zh = html('<span lang="{}">{}</span>', attr(edition.zh_lang), edition.zh(chinese))
    if not english:
        return zh
    en = html('<span lang="en">{}</span>', english)
    return html("{} ({})", en, zh) if edition.code == "en" else html("{}（{}）", zh, en)

def date_label(bulletin: Bulletin, ui: dict) -> str:
    date = str(bulletin.meta.get("date") or "")
    found = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", date)
    if not found:
        return date or ui["unknown"]
    year, month, day = map(int, found.groups())
    return ui["date_format"] % {"year": year, "month": month, "day": day, "month_name": MONTHS[month - 1]}

def summarise(article: Article, edition: Edition, bulletin: Bulletin) -> str:
    """One line for the bulletin's contents: what kind of text, and its first sentence."""
    ui = edition.ui
    clauses = [b for b in article.blocks if b.type == "clause"]
    if article.kind == "policy" and clauses:
        first, last = clauses[0], clauses[-1]
        sections = [b.section for b in article.blocks if b.section]
        if edition.code == "en":
            where = ("the second part of " if first.fragment else "") + f"clause ({to_int(first.clause)})"
            parts = (f" (parts {roman(to_int(sections[0]))}–{roman(to_int(sections[-1]))})"
                     if sections and sections[0] != sections[-1] else "")
            return f"This bulletin carries {where} to clause ({to_int(last.clause)}){parts}."
        where = f"第（{first.clause}）条" + ("后半" if first.fragment else "")
        parts = f"（第{sections[0]}至{sections[-1]}部分）" if sections and sections[0] != sections[-1] else ""
        return edition.zh(f"本期收录{where}至第（{last.clause}）条{parts}。")
    prose = [b for b in article.blocks if b.type in ("paragraph", "answer", "point", "clause")]
    if not prose:
        return article_title(edition, bulletin, article)
    # The dateline is cut from the text as printed: converted to Traditional (新華社…電) the Simplified
    # marker no longer finds it, and the summary began 新華社北京4月26日電.
    printed = markers.match("dateline_start", prose[0].text)
    chinese = prose[0].text[printed.end():].lstrip() if printed else prose[0].text
    first = edition.text(bulletin, prose[0].id, chinese)
    opening = _ENGLISH_DATELINE.match(first)
    if opening:
        first = first[opening.end():].lstrip()
    sentence = (_ENGLISH_SENTENCE if edition.code == "en" else _SENTENCE).match(first)
    text = sentence.group(0) if sentence else first
    limit = SUMMARY_MAX * (3 if edition.code == "en" else 1)
    text = _shortened(text, limit)
    if article.kind == "interview":
        questions = sum(b.type == "question" for b in article.blocks)
        text = (ui["questions"] % questions) + (". " if edition.code == "en" else "：") + text
    return text

def _shortened(title: str, limit: int = 200) -> str:
    """A text at most `limit` characters long (a translation may be 40,000)."""
    return title if len(title) <= limit else title[: limit - 1] + "…"
