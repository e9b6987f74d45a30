"""PDF handouts for study sessions: the texts a study group studies, one file per edition, and a study pack.

A group studies a bulletin's policy documents and the interviews that explain them; nobody prints
the news items. So each bulletin that has a document or an interview gets one handout per edition
holding all of them (the document first), each from a new page, with a contents list giving the
pages and a bookmark for every text, section and question; a document explained by an interview
also gets a study pack. bench/HANDOUTS.md has the measurements behind this.

    <bulletin>/pdf/<bulletin>.zh-Hans.pdf      Simplified, as printed
    <bulletin>/pdf/<bulletin>.zh-Hant.pdf      Traditional
    <bulletin>/pdf/<bulletin>.bilingual.pdf    Chinese and English side by side, block by block: only
                                               the texts whose English is complete (none: no file)
    <bulletin>/pdf/<document>.study-pack.pdf   each clause, the interview's explanations of it,
                                               its glossary terms, and room for notes

Each is a dedicated HTML page (templates/print/) printed by WeasyPrint, which lays out CJK text
with Pango (no line starts with `，` or `。`); `lang="zh-Hans"`/`"zh-Hant"` picks the glyph forms.
WeasyPrint embeds a subset of each Noto CJK face that keeps every glyph id up to the highest one
used (some 63,000 empty glyphs: 120–170 KB a face, whatever the text); `_compact_fonts` replaces it
with the glyphs the text uses, so a handout carries the fonts of its own text only.
"""
from __future__ import annotations

import bisect
import ctypes
import io
import os
import re
import shutil
import signal
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jinja2
import pydyf
from fontTools.cffLib import CFFFontSet, FDSelect
from fontTools.misc.psCharStrings import T2CharString
from markupsafe import Markup

from . import urls
from .crossrefs import by_specificity, excerpt, short_name, source_label, target_label, target_number
from .editions import Edition, article_title
from .fingerprint import digest, fonts_stamp, tool_versions
from .glossary import Term
from .labels import bulletin_label
from .linking import Crosslinks
from .markup import attr, html, join, text, trusted
from .model import Article, Bulletin
from .notes import load_notes
from .safe_text import render as render_markdown

PRINT = Path(__file__).parent / "templates" / "print"
MODES = ("zh-Hans", "zh-Hant", "bilingual")
# What a study group studies, and so what is printed: the documents and the interviews.
STUDIED = ("policy", "interview")
# Characters of an explanation printed under a clause in the study pack.
STUDY_EXCERPT_MAX = 600
LABELS = {
    "zh-Hans": {"edition": "简体中文版", "explained": "答记者问中的解读", "terms": "本条术语", "notes": "笔记",
                "missing": "本条正文不在本期公报中，此处只列出标题。",
                "missing_page": "本条正文不在本期公报中（刊于第%s版），此处只列出标题。",
                "heading_only": "本部分的内容见以下各条。", "outline": "目录",
                "study": "学习材料：%s逐条对照答记者问", "page": "第%s页", "contents": "本讲义收录",
                "interview": "答记者问",
                "study_intro": "每条之后是答记者问中解读该条的段落（编号为问题和要点）、条文中出现的术语，以及留给笔记的空白。"},
    "bilingual": {"edition": "中英对照版 · Chinese–English"},
    "zh-Hant": {"edition": "繁體中文版"},
}


# WeasyPrint 70 lays out one text node in time that grows with the square of its length (it encodes
# the rest of the node again for every line it breaks): a 10,000-character paragraph goes in as
# pieces of at most PIECE characters, cut after a sentence where one ends. The PDF reads the same.
PIECE = 2_000


def _pieces(value: str) -> Markup:
    if len(value) <= PIECE:
        return text(value)
    parts = []
    while len(value) > PIECE:
        cut = max(value.rfind(mark, 0, PIECE) for mark in "。！？；.!?;") + 1
        cut = cut if cut > PIECE // 2 else PIECE
        parts.append(value[:cut])
        value = value[cut:]
    parts.append(value)
    return join(html("<span>{}</span>", part) for part in parts)


def handout_path(bulletin: Bulletin, mode: str) -> str:
    """The bulletin's handout in `mode`: its documents and interviews."""
    return f"{bulletin.id}/pdf/{bulletin.id}.{mode}.pdf"


def study_pack_path(bulletin: Bulletin, document: Article) -> str:
    return f"{bulletin.id}/pdf/{document.id}.study-pack.pdf"


def handout_articles(bulletin: Bulletin, mode: str, english: Edition) -> list[Article]:
    """What the handout in `mode` holds: the bulletin's documents, then its interviews, in the order
    printed; the Chinese–English one only those whose English is complete (a half-empty column
    is no handout). Empty: there is no such file."""
    studied = [a for kind in STUDIED for a in bulletin.articles if a.kind == kind]
    if mode == "bilingual":
        return [a for a in studied if _translated(english, bulletin, a)]
    return studied


def _translated(english: Edition, bulletin: Bulletin, article: Article) -> bool:
    keys = [b.id for b in article.blocks] + ([f"{article.id}__title"] if article.title else [])
    return all(english.en(bulletin, key).text for key in keys)


def _reference(edition: Edition, bulletin: Bulletin, title: str, page: str) -> str:
    """The footer: the online page's full address where the site's host is known (SITE_URL), else
    the bulletin and the title, which a reader can look up (a bare path without a host cannot)."""
    if edition.project.site_url:
        return f"{edition.project.site_url}/{page}"
    return f"{bulletin_label(bulletin, edition)} · {title}"


def _environment() -> jinja2.Environment:
    # Escaped by default, as the pages are (markup.py); attribute values through `| attr`.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(PRINT), autoescape=True, finalize=text,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["attr"] = attr
    return env


def render_handouts(bulletins: list[Bulletin], crosslinks: Crosslinks, editions: list[Edition]) -> dict[str, str]:
    """Relative PDF path → the HTML to print."""
    by_code = {e.code: e for e in editions}
    env = _environment()
    css = trusted((PRINT / "print.css").read_text("utf-8"))  # ours
    terms = by_code["zh-Hans"].terms
    pages = {}
    for bulletin in bulletins:
        notes = load_notes(bulletin)
        for mode in MODES:
            articles = handout_articles(bulletin, mode, by_code["en"])
            if articles:
                edition = by_code["zh-Hans" if mode == "bilingual" else mode]
                pages[handout_path(bulletin, mode)] = _handout_html(
                    env, css, bulletin, articles, edition, mode, notes, by_code["en"], crosslinks)
        for article in bulletin.articles:
            if article.kind == "policy" and crosslinks.is_explained(article):
                pages[study_pack_path(bulletin, article)] = _study_pack_html(
                    env, css, bulletin, article, crosslinks, by_code["zh-Hans"], terms)
    return pages


def print_stamp() -> str:
    """What besides its HTML goes into a PDF: the tools, the fonts, and this module, which prints (and
    compacts the fonts): a change to it may change every PDF."""
    return digest(tool_versions(), fonts_stamp(), Path(__file__).read_bytes())


def pdf_keys(pages: dict[str, str]) -> dict[str, str]:
    """Relative path → the key of its PDF in the cache: its HTML, printed under print_stamp()."""
    stamp = print_stamp()
    return {relative: digest(stamp, page) for relative, page in pages.items()}


def write_pdfs(pages: dict[str, str], out: Path, cache: Path | None = None,
               kept: dict[str, str] | None = None) -> dict[str, int]:
    """Print every handout, on all cores: each PDF is independent of the others. Relative path →
    size in bytes of the file written, which the article pages' links give (download_links).

    With a `cache` folder, a handout is printed only if no handout of the same HTML was printed
    with the same tools and fonts: the PDF is kept there under that key (pdf_keys) and linked into
    `out`. WeasyPrint writes the same bytes for the same input, so a cached PDF is the one it would
    print. `kept`: handouts whose HTML was not made again (handout_cache.py), relative path → the key
    of their PDF, which the cache holds. Entries no handout of this build uses are removed after it."""
    kept = kept or {}
    if cache is None:
        targets = {relative: out / relative for relative in pages}
    else:
        targets = {relative: cache / f"{key}.pdf" for relative, key in {**kept, **pdf_keys(pages)}.items()}
    # Once a file: two handouts of the same HTML (a bulletin filed twice, under two ids) share one PDF
    # of the cache, and two workers printing it at once would each rename the other's partial file.
    jobs = sorted({str(target): pages[relative] for relative, target in targets.items()
                   if relative in pages and not target.exists()}.items())
    if jobs:
        with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1), initializer=_end_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            list(pool.map(_print_one, jobs))
    if cache is not None:
        for relative, target in sorted(targets.items()):
            (out / relative).parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(target, out / relative)
            except OSError:  # another file system, or one without hard links
                shutil.copyfile(target, out / relative)
        used = set(targets.values())
        for stale in cache.glob("*.pdf"):
            if stale not in used:
                stale.unlink()
    return {relative: (out / relative).stat().st_size for relative in sorted(targets)}


def _end_with_parent(parent: int) -> None:
    """A printing worker ends when the build does, even if the build is killed (CI's timeout, Ctrl+C)
    and cannot stop its pool: Linux sends it SIGKILL when its parent goes (prctl PR_SET_PDEATHSIG)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: the pool's own shutdown is all there is
    if os.getppid() != parent:  # the parent went before the call
        os._exit(1)


def _print_one(job: tuple[str, str]) -> str:
    from weasyprint import HTML  # imported here: the rest of the build does not need Pango
    from weasyprint.urls import URLFetcher

    path, page = job
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    partial = f"{path}.part"  # renamed when complete: a killed build leaves no half PDF under a cache key
    # A handout needs nothing from outside (its styles are inline, its fonts installed): whatever
    # the page might name, nothing is fetched, on the network or from the disk.
    HTML(string=page, base_url=str(PRINT), url_fetcher=URLFetcher(allowed_protocols=())).write_pdf(
        partial, pdf_variant="pdf/ua-1", finisher=_compact_fonts)
    os.replace(partial, path)
    return path


def _compact_fonts(document, pdf: pydyf.PDF) -> None:
    """Each CJK face as the glyphs the handout uses, not WeasyPrint's subset of it.

    WeasyPrint keeps every glyph id up to the highest one used, so that the text can address
    glyphs by their ids in the whole face: a Noto CJK subset holds some 63,000 glyphs, nearly all
    empty, whose index and metrics take 120–170 KB compressed in every file, 95 % of a handout.
    Here (WeasyPrint's `finisher`, before the file is written) each such OpenType program becomes
    the bare CFF inside it with only the glyphs the text uses (those the font's /W gives a width),
    each keeping its id as its CID: the font is CID-keyed, and the PDF addresses a CID-keyed CFF
    font (FontFile3 /CIDFontType0C, PDF 1.3) by CID through the font's own charset. The text, the
    widths and the ToUnicode map stay as WeasyPrint wrote them."""
    objects = pdf.objects
    for font in objects:
        if not isinstance(font, pydyf.Dictionary) or font.get("Subtype") != "/CIDFontType0":
            continue
        descriptor = objects[_number(font["FontDescriptor"])]
        program = objects[_number(descriptor["FontFile3"])]
        if program.extra.get("Subtype") != "/OpenType":
            continue
        widths, used = font["W"], set()
        for at in range(0, len(widths), 2):  # [first [w w …] first [w …] …]
            used.update(range(widths[at], widths[at] + len(widths[at + 1])))
        compact = _cff_subset(b"".join(program.stream), used)
        if compact is not None:
            program.stream = [compact]
            program.extra["Subtype"] = "/CIDFontType0C"


def _number(reference: bytes | str) -> int:
    """5 for b"5 0 R"."""
    return int((reference.decode() if isinstance(reference, bytes) else reference).split()[0])


def _cff_subset(opentype: bytes, glyphs: set[int]) -> bytes | None:
    """The CFF table of a CID-keyed OpenType font with only `glyphs` (and .notdef), each glyph id
    kept as its CID; None for another font (a name-keyed CFF addresses glyphs by id: kept as it is).

    fontTools reads the table's dictionaries and writes the new table; the glyphs' index and their
    font dictionaries (FDSelect) are read here, for the glyphs kept only: fontTools would read all
    63,000 of each in Python, six times as long."""
    table = _table(opentype, b"CFF ")
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(table), None)
    top = cff.topDictIndex[0]
    if "ROS" not in top.rawDict:
        return None
    # The CharStrings INDEX: count, size of an offset, offsets (counted from 1), the glyphs' data.
    index = top.rawDict["CharStrings"]
    count, size = _card(table, index, 2), table[index + 2]
    data = index + 3 + (count + 1) * size - 1
    keep = [0] + sorted(g for g in glyphs if 0 < g < count)

    def charstring(glyph: int) -> T2CharString:
        start, end = (_card(table, index + 3 + (glyph + n) * size, size) for n in (0, 1))
        return T2CharString(bytecode=table[data + start:data + end])

    # FDSelect: the font dictionary of each glyph, a byte a glyph (format 0) or ranges (format 3).
    select = top.rawDict["FDSelect"]
    if table[select] == 0:
        selects = [table[select + 1 + g] for g in keep]
    elif table[select] == 3:
        ranges = range(_card(table, select + 1, 2))
        firsts = [_card(table, select + 3 + 3 * i, 2) for i in ranges]
        dicts = [table[select + 5 + 3 * i] for i in ranges]
        selects = [dicts[bisect.bisect_right(firsts, g) - 1] for g in keep]
    else:
        return None
    fdselect = FDSelect()
    fdselect.format, fdselect.gidArray = table[select], selects
    names = [".notdef"] + [f"cid{g:05d}" for g in keep[1:]]  # a CID-keyed font's names: its CIDs
    top.charset, top.FDSelect = names, fdselect
    top.CharStrings = {name: charstring(g) for name, g in zip(names, keep)}
    out = io.BytesIO()
    cff.compile(out, _NoFont())
    return out.getvalue()


def _card(data: bytes, at: int, size: int) -> int:
    return int.from_bytes(data[at:at + size], "big")


class _NoFont:
    """The OpenType font fontTools compiles a CFF table for: none here, nothing recalculated."""
    recalcBBoxes = False


def _table(font: bytes, tag: bytes) -> bytes:
    """One table of an OpenType font, from its table directory."""
    for at in range(12, 12 + 16 * _card(font, 4, 2), 16):
        if font[at:at + 4] == tag:
            offset, length = _card(font, at + 8, 4), _card(font, at + 12, 4)
            return font[offset:offset + length]
    raise ValueError(f"no {tag.decode()} table")


def _meta(bulletin: Bulletin, edition: Edition, mode: str) -> str:
    publisher = edition.zh(bulletin.meta.get("publisher") or bulletin.id)
    return f"{publisher} · {bulletin.meta.get('date') or ''} · {LABELS[mode]['edition']}"


def _page(edition: Edition, bulletin: Bulletin, article: Article) -> str:
    """The article's page, from the site's root."""
    return f"{edition.root}{bulletin.id}/{article.id}/"


def _references(crosslinks: Crosslinks, article: Article, block_id: str, edition: Edition) -> str:
    """Cross-links printed as references a reader can follow on paper: clause titles, question numbers."""
    if article.kind == "policy":
        links = crosslinks.explaining(block_id, article)
        names = [source_label(l, edition) for l in links]
        title = edition.ui["explained_in"]
    else:
        links = crosslinks.explained_by(block_id, article)
        names = [target_label(l.target, edition) for l in links]
        title = edition.ui["explains"]
    return html('<p class="reference">{}：{}</p>', title, "；".join(names)) if names else text("")


def _handout_html(env, css, bulletin, articles, edition, mode, notes, english: Edition, crosslinks) -> str:
    """One file of `articles`, each from a new page; more than one, a contents list first."""
    sections = [_section(bulletin, article, edition, mode, notes, english, crosslinks) for article in articles]
    labels = LABELS["zh-Hans"]
    contents = None
    if len(sections) > 1:
        contents = {"label": edition.zh(labels["contents"]), "items": [(s["anchor"], s["title"]) for s in sections]}
        names = dict.fromkeys(short_name(a, edition) if a.kind == "policy" else edition.zh(labels["interview"])
                              for a in articles)
        title = f"{bulletin_label(bulletin, edition)} · {'、'.join(names)}"
    else:
        title = sections[0]["title"]
    return env.get_template("handout.html.j2").render(
        lang="zh-Hant" if mode == "zh-Hant" else "zh-Hans", css=css, title=title, contents=contents,
        sections=sections)


def _section(bulletin, article, edition, mode, notes, english: Edition, crosslinks) -> dict:
    """What the template prints of one article: its header, its blocks, its footer's reference."""
    title = article_title(edition, bulletin, article)
    published = edition.project.site_url
    page = f"{published}/{_page(edition, bulletin, article)}" if published else ""  # what a note's link is relative to
    rows = []
    for block in article.blocks:
        chinese = edition.zh(block.text)
        at = chinese.find("。") + 1 if block.type == "clause" and block.heading else 0
        zh = (html('<span class="clause-head">{}</span>{}', chinese[:at], _pieces(chinese[at:])) if at > 0
              else _pieces(chinese))
        label = (html('<p class="fragment-label">{}</p>', edition.ui["fragment_label"] % edition.zh(block.clause))
                 if block.fragment else "")
        note = join(html('<p class="notes">{}</p>', render_markdown(edition.zh(n.zh), base=page or None))
                    for n in notes if n.block == block.id)
        note += _references(crosslinks, article, block.id, edition)
        if mode == "bilingual":
            en = _english_cell(english.en(bulletin, block.id).text or "",
                               english.en(bulletin, f"{block.id}__title").text if block.heading else None)
            heading = block.type in ("question", "heading")
            cell = attr("heading-cell" if heading else "")
            # A block's notes and references go under its Chinese, inside the row: a row may
            # continue on the next page, and what follows the row could be left at the top of a page.
            rows.append(html('<table class="pair{}"><tr><td class="{}" lang="zh-Hans">{}{}{}</td>'
                             '<td class="{}" lang="en">{}</td></tr></table>', attr(" heading" if heading else ""),
                             cell, label, zh, note, cell, en))
        elif block.type in ("question", "heading"):
            rows.append(html("<h2>{}</h2>", zh))
        else:
            rows.append(html('<div class="blk {}">{}<p>{}</p>{}</div>', attr(block.type), label, zh, note))
    footer = [getattr(article, name) for name in ("dateline", "credit") if getattr(article, name)]
    rows += [html('<p class="dateline">{}</p>', edition.zh(p.text)) for p in footer]
    header = [edition.zh(p.text) for p in (article.subtitle, article.date, article.byline) if p]
    continued = edition.ui["continued_note"] % article.continued_from if article.continued else ""
    return {"anchor": f"text-{article.id}", "title": title,
            "alt_title": english.en(bulletin, f"{article.id}__title").text if mode == "bilingual" else None,
            "kicker": edition.zh(article.kicker.text) if article.kicker else "", "header_lines": header,
            "meta": _meta(bulletin, edition, mode), "continued_note": continued, "body": join(rows, "\n"),
            "reference": _reference(edition, bulletin, title, _page(edition, bulletin, article))}


def _english_cell(value: str, title: str | None) -> Markup:
    """A clause's English with its heading bold, as the Chinese has it: "(6) <title>." where the
    translation opens with the translated title."""
    found = re.match(r"\(\w+\)\s*" + re.escape(title) + r"\.?", value) if title else None
    if not found:
        return _pieces(value)
    return html('<span class="clause-head">{}</span>{}', found.group(), _pieces(value[found.end():]))


def _no_text(target, document, labels: dict) -> Markup:
    """A part printed as its heading alone holds its clauses; a clause known from the outline only
    is elsewhere in the paper (on the page the document is continued from, where the text says)."""
    if target.present:
        return html('<p class="missing">{}</p>', labels["heading_only"])
    if document.continued_from:
        return html('<p class="missing">{}</p>', labels["missing_page"] % document.continued_from)
    return html('<p class="missing">{}</p>', labels["missing"])


def _study_pack_html(env, css, bulletin, document, crosslinks, edition: Edition, terms: list[Term]) -> str:
    labels = LABELS["zh-Hans"]
    targets = crosslinks.targets(document)
    name = short_name(document, edition)
    outline, items = [], []
    # A term in most clauses (新就业群体) is the document's subject, not a term of any one clause.
    texts = [t.text for t in targets if t.text]
    common = {t.zh for t in terms if sum(t.zh in clause for clause in texts) > len(texts) / 2}
    for target in targets:
        anchor = attr(f"item-{target.block}")
        heading = target_number(target, edition) + (target.heading or "")
        if not target.clause and not target.text and not crosslinks.explaining(target.block, document):
            items.append(html('<h2 id="{}">{}</h2>', anchor, heading))
            outline.append(html('<li><a href="#{}">{}</a></li>', anchor, heading))
            continue
        outline.append(html('<li>　<a href="#{}">{}</a></li>', anchor, heading))
        body = html("<p>{}</p>", _pieces(target.text)) if target.text else _no_text(target, document, labels)
        # The sentences that explain this clause, the shared wording marked (a framework
        # answer names every clause: its whole text under each would bury the rest).
        explanations = join(
            html('<div class="explanation"><p><span class="label">{}</span>　{}</p></div>', source_label(l, edition),
                 excerpt(l.source.text, [e.text.strip("，。、；：") for e in l.evidence], STUDY_EXCERPT_MAX))
            for l in by_specificity(crosslinks.explaining(target.block, document)))
        explained = html("<h3>{}</h3>{}", labels["explained"], explanations) if explanations else ""
        found = [t for t in terms if t.zh in target.text and t.zh not in common]
        # One term a line: a definition ends with its own full stop.
        glossary = html('<div class="terms"><p class="label">{}</p><ul>{}</ul></div>', labels["terms"], join(
            html('<li>{}（{}，<span lang="en">{}</span>）：{}</li>', t.zh, t.pinyin, t.en, t.definition_zh)
            for t in found)) if found else ""
        # The notes heading and its box stay together on one page.
        items.append(html('<section class="study-item"><h3 id="{}">{}</h3>{}{}{}<div class="notes-area">'
                          '<p class="label">{}</p><div class="notes-box"></div></div></section>', anchor, heading,
                          body, explained, glossary, labels["notes"]))
    body = html('<p>{}</p><h2>{}</h2><ul class="outline">{}</ul>{}', labels["study_intro"], labels["outline"],
                join(outline), join(items))
    title = labels["study"] % name
    section = {"anchor": f"study-{document.id}", "title": title, "alt_title": None, "kicker": document.title.text,
               "header_lines": [], "meta": _meta(bulletin, edition, "zh-Hans"), "continued_note": "", "body": body,
               "reference": _reference(edition, bulletin, title, f"{bulletin.id}/{document.id}-explained/")}
    return env.get_template("handout.html.j2").render(lang="zh-Hans", css=css, title=title, contents=None,
                                                      sections=[section])


def download_links(edition: Edition, bulletin: Bulletin, article: Article, crosslinks: Crosslinks,
                   sizes: dict[str, int] | None = None) -> list[tuple]:
    """(label, relative URL) of the handouts that hold `article`, from its page in `edition`: none
    for a news item. A label says what the reader gets: the language, the other texts in the file
    (the interview, with a document), the study pack being in Simplified only (which the other
    editions say), and the file's size (`sizes`, from write_pdfs; None: none printed, so no links). On
    the handouts' own host when they have one (Project.handouts_url), else beside the pages."""
    up = 2 + edition.root.count("/")
    labels = edition.ui["handouts"]
    files = []
    for mode in MODES:
        articles = handout_articles(bulletin, mode, edition) if article.kind in STUDIED else []
        if any(a is article for a in articles):
            others = dict.fromkeys(short_name(a, edition) if a.kind == "policy" else labels["interview"]
                                   for a in articles if a is not article)
            name = labels["with"] % {"name": labels[mode], "others": labels["and"].join(others)} if others else labels[mode]
            files.append((name, handout_path(bulletin, mode)))
    if article.kind == "policy" and crosslinks.is_explained(article):
        name = labels["study-pack"] if edition.code == "zh-Hans" else labels["simplified_only"] % labels["study-pack"]
        files.append((name, study_pack_path(bulletin, article)))
    if sizes is None:
        return []  # a build without handouts (--no-pdf) offers none
    published = edition.project.handouts_url if edition.project else ""
    return [(_file_label(labels, name, sizes.get(path)),
             urls.external(published, path) if published else urls.file(*path.split("/"), up=up))
            for name, path in files]


def _file_label(labels: dict, name: str, size: int | None) -> str:
    """"Simplified Chinese (PDF, 420 KB)"; without the size where the handouts are not printed."""
    if size is None:
        return labels["file_unknown"] % {"name": name}
    shown = f"{size / 1e6:.1f} MB" if size >= 999_500 else f"{max(1, round(size / 1e3))} KB"
    return labels["file"] % {"name": name, "size": shown}
