"""HTML for the cross-links on pages: under clauses, under answer points, the outline,
the side-by-side comparison and the coverage table, in each edition's language.

Everything is plain HTML with escaped text (markup.py), so that the Markdown stays portable.
Links between pages are relative and assume directory URLs (`/<bulletin>/<page>/`),
which is how MkDocs writes the site; every edition has the same paths.
Shared wording is highlighted in the Chinese (converted to Traditional in that
edition, spans and text alike); English pages add the translation of the passage.
"""
from __future__ import annotations

import re

from markupsafe import Markup

from . import urls
from .align import passage_kind
from .editions import Edition
from .linking import Crosslinks
from .markup import attr, html, join, text
from .model import Article, Block, Bulletin, Link, Target
from .numerals import to_int
from .outline import OutlineEntry

COMPARE_SUFFIX = "-explained"
# Characters of an explanation shown under a clause; the full text is one click away.
EXCERPT_MAX = 160
COMPARE_EXCERPT_MAX = 400
# Characters of an explanation's English shown with it (the longest answer now: 2,627).
ENGLISH_MAX = 3_000
DOCUMENT_NAMES = {"意见": "Opinions", "决定": "Decision", "通知": "Notice", "方案": "Plan", "规划": "Plan",
                  "纲要": "Outline", "办法": "Measures", "条例": "Regulations", "规定": "Provisions",
                  "法": "Law"}
ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
# Marks between phrases: a highlight never bridges them.
_PHRASE_BREAKS = "，。、；：！？,.;:!?"


def href(from_bulletin: Bulletin, to_bulletin: Bulletin, page: str, anchor: str | None = None) -> Markup:
    """From a page of `from_bulletin` to `page` of `to_bulletin`."""
    if from_bulletin is to_bulletin:
        return urls.page(page, anchor=anchor, up=1)
    return urls.page(to_bulletin.id, page, anchor=anchor, up=2)


def short_name(document: Article, edition: Edition) -> str:
    """《意见》 for …的意见, as the interview calls it; "the Opinions" in English."""
    title = document.title.text if document.title else ""
    # 中共中央印发《…条例》, a report's headline around the name, is 《条例》 all the same.
    word = next((w for w in DOCUMENT_NAMES if title.rstrip("》”").endswith(w)), None)
    if edition.code == "en":
        return f"the {DOCUMENT_NAMES[word]}" if word else "the document"
    return edition.zh(f"《{word or title}》")


def roman(number: int) -> str:
    """IV for 4; a number no document part has (0, or above 39: a garbled numeral) stays in digits."""
    if not 0 < number < 40:
        return str(number)
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def target_label(target: Target, edition: Edition) -> str:
    name = short_name(target.article, edition)
    title = edition.text(target.bulletin, f"{target.block}__title", target.heading) if target.heading else ""
    if edition.code == "en":
        return f"{name[0].upper()}{name[1:]}, {place_name(target, edition)}" + (f": {title}" if title else "")
    return edition.zh(f"{name}{place_name(target, edition)} {title}".rstrip())


def place_name(target: Target, edition: Edition) -> str:
    """clause (8) / part IV, or for a 条例 Article 7 / Chapter II; 第（八）条 / 第四部分 / 第七条 / 第二章."""
    if not target.section and not target.clause:
        return edition.ui["passage_" + passage_kind(target.block)]
    if edition.code == "en":
        if target.clause:
            number = to_int(target.clause)
            return f"Article {number}" if target.clause_scheme == "article" else f"clause ({number})"
        part = roman(to_int(target.section))
        return f"Chapter {part}" if target.section_scheme == "chapter" else f"part {part}"
    if target.clause:
        return f"第{target.clause}条" if target.clause_scheme == "article" else edition.ui["clause_label"] % target.clause
    return f"第{target.section}章" if target.section_scheme == "chapter" else edition.ui["section_label"] % target.section


def block_reference(block: Block, article: Article, edition: Edition) -> str:
    """How a reader cites a block: 第6问第3点 / Q6, point 3; 第（八）条第2段 / clause (8), paragraph 2;
    第七条 / Article 7; 序言第1段 / preamble, paragraph 1; 第3段 / paragraph 3. Never its id."""
    ui = edition.ui
    paragraph = _paragraph_number(block.id)
    if block.question:
        if block.point:
            return ui["point_label"] % {"question": block.question, "point": block.point}
        where = ui["answer_label"] % {"question": block.question}
        if block.type == "answer" and paragraph:
            where += ui["answer_paragraph"] % paragraph
        elif block.type == "subhead":
            where += ui["subhead_label"]
        return where
    if block.section or block.clause:
        target = Target(article, None, block.id, block.section, block.clause, "", "",
                        section_scheme=block.section_scheme, clause_scheme=block.clause_scheme)
        where = place_name(target, edition).strip()
        if block.type in ("heading", "clause", "section") or not paragraph:
            return where
        return where + ui["paragraph_of"] % paragraph
    if article.kind == "policy":
        return ui["passage_" + passage_kind(block.id)] + ui["paragraph_of"] % (paragraph or 1)
    return ui["paragraph_label"] % (paragraph or 1)


def _paragraph_number(block_id: str) -> int | None:
    last = block_id.rsplit("__", 1)[-1]
    for prefix in ("p", "a"):
        if last.startswith(prefix) and last[1:].isdigit():
            return int(last[1:])
    return None


def source_label(link: Link, edition: Edition) -> str:
    block = link.source
    if block.point:
        return edition.ui["point_label"] % {"question": block.question, "point": block.point}
    return edition.ui["answer_label"] % {"question": block.question}


def highlight(value: str, spans: list[str]) -> Markup:
    """`value` as HTML with every occurrence of the shared wording marked, longest first."""
    marked = bytearray(len(value))
    for span in sorted({s for s in spans if len(s) >= 2}, key=len, reverse=True):
        at = value.find(span)
        while at >= 0:
            marked[at : at + len(span)] = b"\x01" * len(span)
            at = value.find(span, at + len(span))
    # One character left unmarked between two marked runs is a hole, not a difference: the evidence
    # leaves out words every clause shares (新就[业]群体, 党中[央]), which the reader sees as a gap.
    for i in range(1, len(value) - 1):
        if not marked[i] and marked[i - 1] and marked[i + 1] and value[i] not in _PHRASE_BREAKS:
            marked[i] = 1
    out, start = [], 0
    for end in range(1, len(value) + 1):  # one run of marked or unmarked text at a time
        if end == len(value) or marked[end] != marked[start]:
            run = value[start:end]
            out.append(html("<mark>{}</mark>", run) if marked[start] else text(run))
            start = end
    return join(out)


def _spans(link: Link, edition: Edition) -> list[str]:
    return [edition.zh(e.text.strip("，。、；：")) for e in link.evidence if e.kind in ("title", "quote")]


_CHINESE_SENTENCE = re.compile(r"[^。！？]+[。！？]?")
# An English sentence ends at . ! ? (a closing quote may follow) before a space and a capital or quote.
_ENGLISH_SENTENCE = re.compile(r".+?(?:[.!?][”’\"')]*(?=\s+[A-Z“\"(‘])|$)", re.S)


def matched_sentences(value: str, spans: list[str]) -> tuple[list[str], list[int]]:
    """`value`'s sentences, and the indexes of those that hold the shared wording (else the first)."""
    sentences = _CHINESE_SENTENCE.findall(value)
    chosen = [i for i, s in enumerate(sentences) if any(span and span in s for span in spans)]
    return sentences, chosen or ([0] if sentences else [])


def excerpt(value: str, spans: list[str], limit: int = EXCERPT_MAX) -> Markup:
    """The sentences of `value` that hold the shared wording, highlighted, within `limit` characters."""
    sentences, chosen = matched_sentences(value, spans)
    joined = "…".join(sentences[i] for i in chosen)
    if len(joined) > limit:
        joined = joined[: limit - 1] + "…"
    return highlight(joined, spans)


def english_of(chinese: str, english: str, spans: list[str]) -> str:
    """The English of the sentences `excerpt` shows: the same sentences where both texts have as many,
    else those at the same place in the text (a translator joins or splits a sentence now and then)."""
    sentences, chosen = matched_sentences(chinese, spans)
    translated = [s.strip() for s in _ENGLISH_SENTENCE.findall(english.strip()) if s.strip()]
    if not sentences or not translated:
        return english
    if len(translated) == len(sentences):
        picked = sorted(set(chosen))
    else:
        ends = [sum(len(s) for s in sentences[: i + 1]) / len(chinese) for i in range(len(sentences))]
        total = sum(len(t) for t in translated)
        mids = [(sum(len(t) for t in translated[:k]) + len(translated[k]) / 2) / total for k in range(len(translated))]
        picked = sorted({k for i in chosen for k, mid in enumerate(mids)
                         if (ends[i - 1] if i else 0.0) <= mid <= ends[i]}
                        or {min(range(len(translated)), key=lambda k: abs(mids[k] - ends[chosen[0]]))})
    runs, last = [], None
    for k in picked:
        runs.append(translated[k] if last is None or k == last + 1 else "… " + translated[k])
        last = k
    return " ".join(runs)


def _passage(link: Link, edition: Edition, limit: int) -> Markup:
    """The explaining passage: its Chinese excerpt with the shared wording marked (and the English)."""
    chinese = html('<span class="xref-excerpt" lang="{}">{}</span>', attr(edition.zh_lang),
                   excerpt(edition.zh(link.source.text), _spans(link, edition), limit))
    if edition.code != "en":
        return chinese
    whole = edition.en(link.source_bulletin, link.source.id).text or ""
    english = _at_most(english_of(edition.zh(link.source.text), whole, _spans(link, edition)), ENGLISH_MAX)
    # Each language on a line of its own (display: block in site.css), the English first on /en/.
    return (html('<span class="xref-translation" lang="en">{}</span>', english) if english else text("")) + chinese


def _at_most(value: str, limit: int) -> str:
    """`value`, or its sentences up to `limit` characters and "…": each passage is shown under every
    clause it explains, so a translation of any length must not be copied whole each time."""
    if len(value) <= limit:
        return value
    cut = max(value.rfind(mark, 0, limit) for mark in ".!?;") + 1
    return value[: cut if cut > limit // 2 else limit].rstrip() + " …"


def explanations_html(links: list[Link], here: Bulletin, edition: Edition, compare: str | None, anchor: str) -> Markup:
    """Under a clause: the answer points that explain it, with the wording they share (`compare`: the
    side-by-side page, whose row `anchor` shows this clause)."""
    if not links:
        return text("")
    ui = edition.ui
    items = []
    for link in by_specificity(links):
        target = href(here, link.source_bulletin, link.source_article.id, link.source.id)
        origin = html(' <span class="xref-origin">{}</span>', paren(ui["curated_note"], edition)) \
            if link.origin == "curated" else ""
        items.append(html('<li><a href="{}">{}</a>{}{}{}</li>', target, source_label(link, edition), origin,
                          ui["colon"], _passage(link, edition, EXCERPT_MAX)))
    side = html('<p class="xref-more"><a href="{}">{}</a></p>', href(here, here, compare, anchor),
                ui["side_by_side"]) if compare else ""
    return html('<div class="xref xref-explained"><p class="xref-title">{}</p><ul>{}</ul>{}</div>',
                ui["explained_in"], join(items), side)


def explains_html(links: list[Link], here: Bulletin, edition: Edition) -> Markup:
    """Under an answer point: the clauses it explains, linked back."""
    if not links:
        return text("")
    ui = edition.ui
    items = []
    for link in links:
        target = link.target
        url = href(here, target.bulletin, target.article.id, target.block)
        missing = "" if target.present else html(' <span class="xref-missing">{}</span>',
                                                  paren(ui["not_in_bulletin"], edition))
        items.append(html('<a href="{}">{}</a>{}', url, target_label(target, edition), missing))
    return html('<p class="xref xref-explains"><span class="xref-title">{}{}</span>{}</p>', ui["explains"],
                ui["colon"], join(items, ui["list_separator"]))


def outline_html(document: Article, bulletin: Bulletin, outline: list[OutlineEntry], crosslinks: Crosslinks,
                 edition: Edition) -> Markup:
    """The document's full outline: printed parts linked, missing parts anchored and marked."""
    if not outline:
        return text("")
    ui = edition.ui
    rows = []
    for entry in outline:
        title = edition.text(bulletin, f"{entry.id}__title", entry.title)
        label = _number(entry.section, entry.clause, edition) + title
        cls = "outline-clause" if entry.clause else "outline-section"
        if entry.present:
            note = html(' <span class="xref-missing">{}</span>', paren(ui["partly_in_bulletin"], edition)) \
                if entry.partial else ""
            rows.append(html('<li class="{}"><a href="{}">{}</a>{}</li>', attr(cls), urls.here(entry.id), label, note))
            continue
        sources = _source_links(crosslinks.explaining(entry.id, document), bulletin, edition)
        sources = html(' <span class="xref-title">{}{}</span>{}', ui["explained_by"], ui["colon"], sources) \
            if sources else ""
        rows.append(html('<li class="{} missing" id="{}">{} <span class="xref-missing">{}</span>{}</li>',
                         attr(cls), attr(entry.id), label, paren(ui["not_in_bulletin"], edition), sources))
    heading = attr(f"{document.id}__outline")
    return html('<nav class="outline" aria-labelledby="{}"><p class="outline-title" id="{}">{}</p>'
                '<p class="outline-note">{}</p><ul>{}</ul></nav>', heading, heading, ui["outline_title"],
                ui["outline_note"], join(rows))


def coverage_html(targets: list[Target], crosslinks: Crosslinks, here: Bulletin, edition: Edition) -> Markup:
    """Which clauses are explained by which answer points, and which are not explained."""
    ui = edition.ui
    rows = []
    for target in targets:
        links = _links_to(target, crosslinks)
        label = target_number(target, edition) + _title(target, edition)
        if not target.clause and not target.text and not links:
            # A part known only by its title: a heading over its clauses' rows.
            rows.append(html('<tr class="coverage-section"><th colspan="3" scope="rowgroup">{}</th></tr>', label))
            continue
        status = ui["present"] if target.present else ui["absent"]
        if target.present and target.clause and target.text and _is_fragment(target):
            status = ui["partial"]
        cells = _source_links(links, here, edition) or html('<span class="xref-none">{}</span>', ui["no_explanation"])
        rows.append(html('<tr class="{}"><td><a href="{}">{}</a></td><td>{}</td><td>{}</td></tr>',
                         attr("" if links else "unexplained"), urls.here(target.block), label, status, cells))
    return html('<div class="coverage-wrap"><table class="coverage"><thead><tr><th scope="col">{}</th>'
                '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>',
                ui["coverage_clause"],
                ui["coverage_status"], ui["coverage_explained"], join(rows))


def compare_html(targets: list[Target], crosslinks: Crosslinks, here: Bulletin, edition: Edition) -> Markup:
    """One row per clause: its text beside the answer points that explain it."""
    ui = edition.ui
    rows = []
    for target in targets:
        links = _links_to(target, crosslinks)
        spans = [s for link in links for s in _spans(link, edition)]
        label = target_number(target, edition) + _title(target, edition)
        partial = html(' <span class="xref-missing">{}</span>', paren(ui["partly_in_bulletin"], edition)) \
            if target.present and _is_fragment(target) else ""
        heading = html('<p class="pair-heading"><a href="{}">{}</a>{}</p>',
                       href(here, target.bulletin, target.article.id, target.block), label, partial)
        if target.text:
            body = html('<p lang="{}">{}</p>', attr(edition.zh_lang), highlight(edition.zh(target.text), spans))
        else:  # a part printed as its heading alone holds its clauses; only an outline entry is elsewhere
            body = html('<p class="xref-missing">{}</p>', ui["heading_only"] if target.present else ui["not_in_bulletin"])
        explanations = join(
            html('<div class="pair-explanation"><p class="pair-source"><a href="{}">{}</a></p><p>{}</p></div>',
                 href(here, l.source_bulletin, l.source_article.id, l.source.id), source_label(l, edition),
                 _passage(l, edition, COMPARE_EXCERPT_MAX)) for l in by_specificity(links))
        explanations = explanations or html('<p class="xref-none">{}</p>', ui["no_explanation"])
        rows.append(html('<section class="pair-row" id="{}"><div class="pair-clause">{}{}</div>'
                         '<div class="pair-explanations">{}</div></section>', attr(target.block), heading, body,
                         explanations))
    # Each row a raw HTML block of its own, between blank lines.
    return join(rows, "\n\n")


def _title(target: Target, edition: Edition) -> str:
    return edition.text(target.bulletin, f"{target.block}__title", target.heading) if target.heading else ""


def target_number(target: Target, edition: Edition) -> str:
    if not target.section and not target.clause:
        return place_name(target, edition) + " "
    if target.clause_scheme == "article" or (not target.clause and target.section_scheme == "chapter"):
        return place_name(target, edition) + " "
    return _number(target.section, target.clause, edition)


def _number(section: str | None, clause: str | None, edition: Edition) -> str:
    if edition.code == "en":
        return f"({to_int(clause)}) " if clause else f"{roman(to_int(section))}. "
    return f"（{clause}）" if clause else f"{section}、"


def _source_links(links: list[Link], here: Bulletin, edition: Edition) -> Markup:
    return join((html('<a href="{}">{}</a>', href(here, l.source_bulletin, l.source_article.id, l.source.id),
                      source_label(l, edition)) for l in links), edition.ui["list_separator"])


def paren(value: str, edition: Edition) -> str:
    """（不在本期公报中） in Chinese, (not in this bulletin) in English."""
    return edition.ui["paren"] % value


def by_specificity(links: list[Link]) -> list[Link]:
    """Points before whole answers (a framework answer names everything), then in interview order."""
    return sorted(links, key=lambda l: (l.source.point is None, l.source.question or 0, l.source.point or 0))


def _links_to(target: Target, crosslinks: Crosslinks) -> list[Link]:
    return crosslinks.explaining(target.block, target.article)


def _is_fragment(target: Target) -> bool:
    first = next((b for b in target.article.blocks if b.id == target.block), None)
    return bool(first and first.fragment)
