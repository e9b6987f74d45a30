"""HTML for the cross-links on pages: under clauses, under answer points, the outline,
the side-by-side comparison and the coverage table, in each edition's language.

Everything is plain HTML with escaped text, so that the Markdown stays portable.
Links between pages are relative and assume directory URLs (`/<bulletin>/<page>/`),
which is how MkDocs writes the site; every edition has the same paths.
Shared wording is highlighted in the Chinese (converted to Traditional in that
edition, spans and text alike); English pages add the translation of the passage.
"""
from __future__ import annotations

import re
from html import escape

from .editions import Edition
from .linking import Crosslinks
from .model import Article, Bulletin, Link, Target
from .numerals import to_int
from .outline import OutlineEntry

COMPARE_SUFFIX = "-explained"
# Characters of an explanation shown under a clause; the full text is one click away.
EXCERPT_MAX = 160
COMPARE_EXCERPT_MAX = 400
DOCUMENT_NAMES = {"意见": "Opinions", "决定": "Decision", "通知": "Notice", "方案": "Plan", "规划": "Plan",
                  "纲要": "Outline", "办法": "Measures", "条例": "Regulations", "规定": "Provisions"}
ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def href(from_bulletin: Bulletin, to_bulletin: Bulletin, page: str, anchor: str = "") -> str:
    base = f"../{page}/" if from_bulletin is to_bulletin else f"../../{to_bulletin.id}/{page}/"
    return base + (f"#{anchor}" if anchor else "")


def short_name(document: Article, edition: Edition) -> str:
    """《意见》 for …的意见, as the interview calls it; "the Opinions" in English."""
    title = document.title.text if document.title else ""
    word = next((w for w in DOCUMENT_NAMES if title.endswith(w)), None)
    if edition.code == "en":
        return f"the {DOCUMENT_NAMES[word]}" if word else "the document"
    return edition.zh(f"《{word or title}》")


def roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def target_label(target: Target, edition: Edition) -> str:
    name = short_name(target.article, edition)
    title = edition.text(target.bulletin, f"{target.block}__title", target.heading) if target.heading else ""
    if edition.code == "en":
        where = f"clause ({to_int(target.clause)})" if target.clause else f"part {roman(to_int(target.section))}"
        return f"{name[0].upper()}{name[1:]}, {where}" + (f": {title}" if title else "")
    ui = edition.ui
    where = ui["clause_label"] % target.clause if target.clause else ui["section_label"] % target.section
    return edition.zh(f"{name}{where} {title}".rstrip())


def source_label(link: Link, edition: Edition) -> str:
    block = link.source
    if block.point:
        return edition.ui["point_label"] % {"question": block.question, "point": block.point}
    return edition.ui["answer_label"] % {"question": block.question}


def highlight(text: str, spans: list[str]) -> str:
    """`text` as HTML with every occurrence of the shared wording marked, longest first."""
    marked = [False] * len(text)
    for span in sorted({s for s in spans if len(s) >= 2}, key=len, reverse=True):
        at = text.find(span)
        while at >= 0:
            for k in range(at, at + len(span)):
                marked[k] = True
            at = text.find(span, at + len(span))
    out, start = [], 0
    for end in range(1, len(text) + 1):  # one run of marked or unmarked text at a time
        if end == len(text) or marked[end] != marked[start]:
            run = escape(text[start:end])
            out.append(f"<mark>{run}</mark>" if marked[start] else run)
            start = end
    return "".join(out)


def _spans(link: Link, edition: Edition) -> list[str]:
    return [edition.zh(e.text.strip("，。、；：")) for e in link.evidence if e.kind in ("title", "quote")]


def excerpt(text: str, spans: list[str], limit: int = EXCERPT_MAX) -> str:
    """The sentences of `text` that hold the shared wording, highlighted, within `limit` characters."""
    sentences = re.findall(r"[^。！？]+[。！？]?", text)
    chosen = [s for s in sentences if any(span and span in s for span in spans)] or sentences[:1]
    joined = "…".join(chosen) if len(chosen) > 1 else chosen[0] if chosen else ""
    if len(joined) > limit:
        joined = joined[: limit - 1] + "…"
    return highlight(joined, spans)


def _passage(link: Link, edition: Edition, limit: int) -> str:
    """The explaining passage: its Chinese excerpt with the shared wording marked (and the English)."""
    chinese = (f'<span class="xref-excerpt" lang="{edition.zh_lang}">'
               f'{excerpt(edition.zh(link.source.text), _spans(link, edition), limit)}</span>')
    if edition.code != "en":
        return chinese
    english = edition.en(link.source_bulletin, link.source.id).text
    return (f'<span class="xref-translation">{escape(english)}</span> ' if english else "") + chinese


def explanations_html(links: list[Link], here: Bulletin, edition: Edition, compare: str | None, anchor: str) -> str:
    """Under a clause: the answer points that explain it, with the wording they share."""
    if not links:
        return ""
    ui = edition.ui
    items = []
    for link in by_specificity(links):
        target = href(here, link.source_bulletin, link.source_article.id, link.source.id)
        origin = f' <span class="xref-origin">({escape(ui["curated_note"])})</span>' if link.origin == "curated" else ""
        items.append(f'<li><a href="{target}">{escape(source_label(link, edition))}</a>{origin}: '
                     f'{_passage(link, edition, EXCERPT_MAX)}</li>')
    side = f'<p class="xref-more"><a href="{compare}#{anchor}">{escape(ui["side_by_side"])}</a></p>' if compare else ""
    return (f'<div class="xref xref-explained"><p class="xref-title">'
            f'{escape(ui["explained_in"])}</p><ul>{"".join(items)}</ul>{side}</div>')


def explains_html(links: list[Link], here: Bulletin, edition: Edition) -> str:
    """Under an answer point: the clauses it explains, linked back."""
    if not links:
        return ""
    ui = edition.ui
    items = []
    for link in links:
        target = link.target
        url = href(here, target.bulletin, target.article.id, target.block)
        missing = "" if target.present else f' <span class="xref-missing">({escape(ui["not_in_bulletin"])})</span>'
        items.append(f'<a href="{url}">{escape(target_label(target, edition))}</a>{missing}')
    return (f'<p class="xref xref-explains"><span class="xref-title">{escape(ui["explains"])}: '
            f'</span>{"; ".join(items)}</p>')


def outline_html(document: Article, bulletin: Bulletin, outline: list[OutlineEntry], crosslinks: Crosslinks,
                 edition: Edition) -> str:
    """The document's full outline: printed parts linked, missing parts anchored and marked."""
    if not outline:
        return ""
    ui = edition.ui
    rows = []
    for entry in outline:
        title = edition.text(bulletin, f"{entry.id}__title", entry.title)
        label = _number(entry.section, entry.clause, edition) + title
        cls = "outline-clause" if entry.clause else "outline-section"
        if entry.present:
            note = f' <span class="xref-missing">({escape(ui["partly_in_bulletin"])})</span>' if entry.partial else ""
            rows.append(f'<li class="{cls}"><a href="#{entry.id}">{escape(label)}</a>{note}</li>')
            continue
        sources = _source_links(crosslinks.explaining(entry.id, document), bulletin, edition)
        sources = f' <span class="xref-title">{escape(ui["explained_by"])}:</span> {sources}' if sources else ""
        rows.append(f'<li class="{cls} missing" id="{entry.id}">{escape(label)} '
                    f'<span class="xref-missing">({escape(ui["not_in_bulletin"])})</span>{sources}</li>')
    return (f'<nav class="outline" aria-labelledby="{document.id}__outline">'
            f'<p class="outline-title" id="{document.id}__outline">{escape(ui["outline_title"])}</p>'
            f'<p class="outline-note">{escape(ui["outline_note"])}</p><ul>{"".join(rows)}</ul></nav>')


def coverage_html(targets: list[Target], crosslinks: Crosslinks, here: Bulletin, edition: Edition) -> str:
    """Which clauses are explained by which answer points, and which are not explained."""
    ui = edition.ui
    rows = []
    for target in targets:
        links = _links_to(target, crosslinks)
        label = _number(target.section, target.clause, edition) + _title(target, edition)
        if not target.clause and not target.text and not links:
            # A part known only by its title: a heading over its clauses' rows.
            rows.append(f'<tr class="coverage-section"><th colspan="3" scope="rowgroup">{escape(label)}</th></tr>')
            continue
        status = ui["present"] if target.present else ui["absent"]
        if target.present and target.clause and target.text and _is_fragment(target):
            status = ui["partial"]
        cells = _source_links(links, here, edition) or f'<span class="xref-none">{escape(ui["no_explanation"])}</span>'
        rows.append(f'<tr class="{"" if links else "unexplained"}"><td><a href="#{target.block}">{escape(label)}</a>'
                    f'</td><td>{escape(status)}</td><td>{cells}</td></tr>')
    return (f'<table class="coverage"><thead><tr><th scope="col">{escape(ui["coverage_clause"])}</th>'
            f'<th scope="col">{escape(ui["coverage_status"])}</th><th scope="col">{escape(ui["coverage_explained"])}'
            f'</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def compare_html(targets: list[Target], crosslinks: Crosslinks, here: Bulletin, edition: Edition) -> str:
    """One row per clause: its text beside the answer points that explain it."""
    ui = edition.ui
    rows = []
    for target in targets:
        links = _links_to(target, crosslinks)
        spans = [s for link in links for s in _spans(link, edition)]
        label = _number(target.section, target.clause, edition) + _title(target, edition)
        partial = f' <span class="xref-missing">({escape(ui["partly_in_bulletin"])})</span>' \
            if target.present and _is_fragment(target) else ""
        heading = f'<p class="pair-heading"><a href="{href(here, target.bulletin, target.article.id, target.block)}">' \
                  f'{escape(label)}</a>{partial}</p>'
        body = (f'<p lang="{edition.zh_lang}">{highlight(edition.zh(target.text), spans)}</p>' if target.text
                else f'<p class="xref-missing">{escape(ui["not_in_bulletin"])}</p>')
        explanations = "".join(
            f'<div class="pair-explanation"><p class="pair-source"><a href="'
            f'{href(here, l.source_bulletin, l.source_article.id, l.source.id)}">{escape(source_label(l, edition))}'
            f'</a></p><p>{_passage(l, edition, COMPARE_EXCERPT_MAX)}</p></div>' for l in by_specificity(links))
        explanations = explanations or f'<p class="xref-none">{escape(ui["no_explanation"])}</p>'
        rows.append(f'<section class="pair-row" id="{target.block}"><div class="pair-clause">{heading}{body}</div>'
                    f'<div class="pair-explanations">{explanations}</div></section>')
    return "\n\n".join(rows)


def _title(target: Target, edition: Edition) -> str:
    return edition.text(target.bulletin, f"{target.block}__title", target.heading) if target.heading else ""


def _number(section: str | None, clause: str | None, edition: Edition) -> str:
    if edition.code == "en":
        return f"({to_int(clause)}) " if clause else f"{roman(to_int(section))}. "
    return f"（{clause}）" if clause else f"{section}、"


def _source_links(links: list[Link], here: Bulletin, edition: Edition) -> str:
    return "; ".join(f'<a href="{href(here, l.source_bulletin, l.source_article.id, l.source.id)}">'
                     f'{escape(source_label(l, edition))}</a>' for l in links)


def by_specificity(links: list[Link]) -> list[Link]:
    """Points before whole answers (a framework answer names everything), then in interview order."""
    return sorted(links, key=lambda l: (l.source.point is None, l.source.question or 0, l.source.point or 0))


def _links_to(target: Target, crosslinks: Crosslinks) -> list[Link]:
    return crosslinks.explaining(target.block, target.article)


def _is_fragment(target: Target) -> bool:
    first = next((b for b in target.article.blocks if b.id == target.block), None)
    return bool(first and first.fragment)
