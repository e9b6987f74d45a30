"""HTML for the cross-links on pages: under clauses, under answer points, the outline,
the side-by-side comparison and the coverage table.

Everything is plain HTML with escaped text, so that the Markdown stays portable.
Links between pages are relative and assume directory URLs (`/<bulletin>/<page>/`),
which is how MkDocs writes the site.
"""
from __future__ import annotations

import re
from html import escape

from .linking import Crosslinks
from .model import Article, Bulletin, Link, Target
from .outline import OutlineEntry

COMPARE_SUFFIX = "-explained"
# Characters of an explanation shown under a clause; the full text is one click away.
EXCERPT_MAX = 160
COMPARE_EXCERPT_MAX = 400


def href(from_bulletin: Bulletin, to_bulletin: Bulletin, page: str, anchor: str = "") -> str:
    base = f"../{page}/" if from_bulletin is to_bulletin else f"../../{to_bulletin.id}/{page}/"
    return base + (f"#{anchor}" if anchor else "")


def short_name(document: Article) -> str:
    """《意见》 for …的意见, as the interview calls it."""
    title = document.title.text if document.title else ""
    for word in ("意见", "决定", "通知", "方案", "规划", "纲要", "办法", "条例", "规定"):
        if title.endswith(word):
            return f"《{word}》"
    return f"《{title}》"


def target_label(target: Target, ui: dict) -> str:
    if target.clause:
        return f"{short_name(target.article)}{ui['clause_label'] % target.clause} {target.heading}".rstrip()
    return f"{short_name(target.article)}{ui['section_label'] % target.section} {target.heading}".rstrip()


def source_label(link: Link, ui: dict) -> str:
    block = link.source
    if block.point:
        return ui["point_label"] % {"question": block.question, "point": block.point}
    return ui["answer_label"] % {"question": block.question}


def highlight(text: str, spans: list[str]) -> str:
    """`text` as HTML with every occurrence of the shared wording marked, longest first."""
    marked = [False] * len(text)
    for span in sorted({s for s in spans if len(s) >= 2}, key=len, reverse=True):
        at = text.find(span)
        while at >= 0:
            for k in range(at, at + len(span)):
                marked[k] = True
            at = text.find(span, at + len(span))
    out, inside = [], False
    for ch, on in zip(text, marked):
        if on != inside:
            out.append("<mark>" if on else "</mark>")
            inside = on
        out.append(escape(ch))
    if inside:
        out.append("</mark>")
    return "".join(out)


def _spans(link: Link) -> list[str]:
    return [e.text.strip("，。、；：") for e in link.evidence if e.kind in ("title", "quote")]


def excerpt(text: str, spans: list[str], limit: int = EXCERPT_MAX) -> str:
    """The sentences of `text` that hold the shared wording, highlighted, within `limit` characters."""
    sentences = re.findall(r"[^。！？]+[。！？]?", text)
    chosen = [s for s in sentences if any(span and span in s for span in spans)] or sentences[:1]
    joined = "…".join(chosen) if len(chosen) > 1 else chosen[0] if chosen else ""
    if len(joined) > limit:
        joined = joined[: limit - 1] + "…"
    return highlight(joined, spans)


def explanations_html(links: list[Link], here: Bulletin, ui: dict, compare: str | None, anchor: str) -> str:
    """Under a clause: the answer points that explain it, with the wording they share."""
    if not links:
        return ""
    items = []
    for link in _by_specificity(links):
        target = href(here, link.source_bulletin, link.source_article.id, link.source.id)
        origin = f' <span class="xref-origin">（{escape(ui["curated_note"])}）</span>' if link.origin == "curated" else ""
        items.append(f'<li><a href="{target}">{escape(source_label(link, ui))}</a>{origin}：'
                     f'<span class="xref-excerpt">{excerpt(link.source.text, _spans(link))}</span></li>')
    side = f'<p class="xref-more"><a href="{compare}#{anchor}">{escape(ui["side_by_side"])}</a></p>' if compare else ""
    return (f'<div class="xref xref-explained" data-pagefind-ignore><p class="xref-title">'
            f'{escape(ui["explained_in"])}</p><ul>{"".join(items)}</ul>{side}</div>')


def explains_html(links: list[Link], here: Bulletin, ui: dict) -> str:
    """Under an answer point: the clauses it explains, linked back."""
    if not links:
        return ""
    items = []
    for link in links:
        target = link.target
        url = href(here, target.bulletin, target.article.id, target.block)
        missing = "" if target.present else f'<span class="xref-missing">（{escape(ui["not_in_bulletin"])}）</span>'
        items.append(f'<a href="{url}">{escape(target_label(target, ui))}</a>{missing}')
    return (f'<p class="xref xref-explains" data-pagefind-ignore><span class="xref-title">{escape(ui["explains"])}：'
            f'</span>{"；".join(items)}</p>')


def outline_html(document: Article, bulletin: Bulletin, outline: list[OutlineEntry], crosslinks: Crosslinks,
                 ui: dict) -> str:
    """The document's full outline: printed parts linked, missing parts anchored and marked."""
    if not outline:
        return ""
    rows = []
    for entry in outline:
        label = _number(entry.section, entry.clause) + entry.title
        cls = "outline-clause" if entry.clause else "outline-section"
        if entry.present:
            note = f' <span class="xref-missing">（{escape(ui["partly_in_bulletin"])}）</span>' if entry.partial else ""
            rows.append(f'<li class="{cls}"><a href="#{entry.id}">{escape(label)}</a>{note}</li>')
            continue
        sources = _source_links(crosslinks.explaining(entry.id, document), bulletin, ui)
        sources = f' <span class="xref-title">{escape(ui["explains"])}：</span>{sources}' if sources else ""
        rows.append(f'<li class="{cls} missing" id="{entry.id}">{escape(label)} '
                    f'<span class="xref-missing">（{escape(ui["not_in_bulletin"])}）</span>{sources}</li>')
    return (f'<nav class="outline" aria-labelledby="{document.id}__outline" data-pagefind-ignore>'
            f'<p class="outline-title" id="{document.id}__outline">{escape(ui["outline_title"])}</p>'
            f'<p class="outline-note">{escape(ui["outline_note"])}</p><ul>{"".join(rows)}</ul></nav>')


def coverage_html(targets: list[Target], crosslinks: Crosslinks, here: Bulletin, ui: dict) -> str:
    """Which clauses are explained by which answer points, and which are not explained."""
    rows = []
    for target in targets:
        links = _links_to(target, crosslinks)
        label = _number(target.section, target.clause)
        if not target.clause and not target.text and not links:
            # A part known only by its title: a heading over its clauses' rows.
            rows.append(f'<tr class="coverage-section"><th colspan="3" scope="rowgroup">'
                        f'{escape(label + target.heading)}</th></tr>')
            continue
        status = ui["present"] if target.present else ui["absent"]
        if target.present and target.clause and target.text and _is_fragment(target):
            status = ui["partial"]
        cells = _source_links(links, here, ui) or f'<span class="xref-none">{escape(ui["no_explanation"])}</span>'
        anchor = f'<a href="#{target.block}">{escape(label + target.heading)}</a>'
        rows.append(f'<tr class="{"" if links else "unexplained"}"><td>{anchor}</td><td>{escape(status)}</td>'
                    f'<td>{cells}</td></tr>')
    return (f'<table class="coverage"><thead><tr><th scope="col">{escape(ui["coverage_clause"])}</th>'
            f'<th scope="col">{escape(ui["coverage_status"])}</th><th scope="col">{escape(ui["coverage_explained"])}'
            f'</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def compare_html(targets: list[Target], crosslinks: Crosslinks, here: Bulletin, ui: dict) -> str:
    """One row per clause: its text beside the answer points that explain it."""
    rows = []
    for target in targets:
        links = _links_to(target, crosslinks)
        spans = [s for link in links for s in _spans(link)]
        label = _number(target.section, target.clause)
        partial = f' <span class="xref-missing">（{escape(ui["partly_in_bulletin"])}）</span>' \
            if target.present and _is_fragment(target) else ""
        heading = f'<p class="pair-heading"><a href="{href(here, target.bulletin, target.article.id, target.block)}">' \
                  f'{escape(label + target.heading)}</a>{partial}</p>'
        body = (f"<p>{highlight(target.text, spans)}</p>" if target.text
                else f'<p class="xref-missing">{escape(ui["not_in_bulletin"])}</p>')
        explanations = "".join(
            f'<div class="pair-explanation"><p class="pair-source"><a href="'
            f'{href(here, l.source_bulletin, l.source_article.id, l.source.id)}">{escape(source_label(l, ui))}</a></p>'
            f'<p>{excerpt(l.source.text, _spans(l), COMPARE_EXCERPT_MAX)}</p></div>' for l in _by_specificity(links))
        explanations = explanations or f'<p class="xref-none">{escape(ui["no_explanation"])}</p>'
        rows.append(f'<section class="pair-row" id="{target.block}"><div class="pair-clause">{heading}{body}</div>'
                    f'<div class="pair-explanations">{explanations}</div></section>')
    return "\n\n".join(rows)


def _number(section: str | None, clause: str | None) -> str:
    return f"（{clause}）" if clause else f"{section}、"


def _source_links(links: list[Link], here: Bulletin, ui: dict) -> str:
    return "；".join(f'<a href="{href(here, l.source_bulletin, l.source_article.id, l.source.id)}">'
                    f'{escape(source_label(l, ui))}</a>' for l in links)


def _by_specificity(links: list[Link]) -> list[Link]:
    """Points before whole answers (a framework answer names everything), then in interview order."""
    return sorted(links, key=lambda l: (l.source.point is None, l.source.question or 0, l.source.point or 0))


def _links_to(target: Target, crosslinks: Crosslinks) -> list[Link]:
    return crosslinks.explaining(target.block, target.article)


def _is_fragment(target: Target) -> bool:
    first = next((b for b in target.article.blocks if b.id == target.block), None)
    return bool(first and first.fragment)
