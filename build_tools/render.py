"""Markdown pages from the model, with Jinja2 templates.

`render_pages` is a pure function (model in, `{relative path: content}` out); MkDocs
only turns the result into HTML. The Markdown is portable: headings carry explicit
`{#id}`s, blocks are plain HTML paragraphs with their id and permalink, links
between pages are ordinary relative `.md` links.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import markers, urls
from .crossrefs import (COMPARE_SUFFIX, compare_html, coverage_html, explains_html, explanations_html, href,
                        outline_html, roman, short_name)
from .editions import Edition, article_title, load_ui, make_editions
from .errors import BuildError
from .export import export_json
from .handouts import download_links
from .markup import anchor, attr, html, text
from .notes import load_notes
from .pagetext import page_view, tip_html
from .glossary_page import glossary_groups, occurrences
from .linking import Crosslinks, crosslink
from .model import Article, Bulletin
from .project import Project
from .numerals import to_int

TEMPLATES = Path(__file__).parent / "templates"
SCHEMAS = Path(__file__).parent / "schemas"
SUMMARY_MAX = 70
# MkDocs themes insert page titles and descriptions into HTML unescaped (nav, <title>,
# <meta>); in those labels the HTML-special characters become their full-width forms, and
# line breaks and other controls spaces.
_LABEL_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂",
                             **{code: " " for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029]}})
_SENTENCE = re.compile(r"^.*?[。！？!?]”?")
_ENGLISH_DATELINE = re.compile(r"^[A-Z]+, [A-Z][a-z]+ \d{1,2} \([^)]*\) -- ")
_ENGLISH_SENTENCE = re.compile(r"^.*?[.!?]”?(?=\s|$)")


@dataclass
class Entry:
    article: Article
    summary: str
    title: str
    compare: str | None = None  # a document's side-by-side page with its interview: its title


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Escape by default, for Markdown as for HTML (markup.py): a value is written as text unless
        # it is Markup built there; attribute values go through `| attr`.
        autoescape=True,
        finalize=text,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # `{#id}` after a heading is Markdown (attr_list), not a Jinja comment.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    # Front matter: a JSON string is a YAML string (escapes included), on one line.
    env.filters["yaml"] = lambda value: Markup(json.dumps(label(value), ensure_ascii=False))
    env.filters["attr"] = attr
    env.globals.update(anchor=anchor, here=urls.here, md_link=urls.markdown, compare_page=compare_page)
    return env


def label(text: str) -> str:
    """Text for a page title, nav entry or description, which themes do not escape."""
    return text.translate(_LABEL_SAFE)


def render_site(bulletins: list[Bulletin], project: Project, crosslinks: Crosslinks | None = None) -> dict[str, str]:
    """Every edition's pages, under `zh-Hans/`, `zh-Hant/` and `en/`."""
    crosslinks = crosslinks or crosslink(bulletins)
    editions = make_editions(bulletins, crosslinks, project)
    pages = {}
    for edition, files in render_editions(bulletins, crosslinks, editions):
        pages.update({f"{edition.code}/{path}": content for path, content in files.items()})
    return pages


def render_editions(bulletins: list[Bulletin], crosslinks: Crosslinks, editions: list[Edition],
                    handout_sizes: dict[str, int] | None = None):
    """(edition, its files) one edition at a time, so the build can hand each to MkDocs while
    it renders the next. `handout_sizes` (handouts.write_pdfs) gives the handout links their sizes."""
    terms = editions[0].terms
    # The same in every edition: computed once.
    exports = export_all(bulletins, crosslinks)
    found = occurrences(terms, bulletins)
    for edition in editions:
        files = render_pages(bulletins, crosslinks, edition, terms, exports, found, handout_sizes)
        if terms:
            files.add(GLOSSARY_JSON, glossary_json(terms, edition), "the glossary entries")
        if edition is editions[0]:
            # Served from the site root, which is the original edition's.
            files.add(SCRIPT_MAP, script_map(bulletins, editions[1].chinese), "the search's script map")
            # The schemas contributors' files are checked against, published for editors and tools.
            for schema in sorted(SCHEMAS.glob("*.schema.json")):
                files.add(f"schemas/{schema.name}", schema.read_text("utf-8"), "a published schema")
        yield edition, dict(files)


class Pages(dict):
    """Output path → content, refusing a second page at the same address: MkDocs writes `a/b.md` and
    `a/b/index.md` to one `a/b/index.html`, and the later would silently replace the earlier."""

    def __init__(self):
        super().__init__()
        self.owners: dict[str, str] = {}

    def add(self, path: str, content: str, what: str) -> None:
        address = page_address(path)
        if address in self.owners:
            raise BuildError(path, f"{what} and {self.owners[address]} would both be published at /{address}; "
                             "rename one of them (a bulletin or article id)")
        self.owners[address] = path
        self[path] = content


def page_address(path: str) -> str:
    """Where MkDocs publishes a docs/ file: `x/index.md` and `x.md` both at `x`."""
    if path.endswith(".md"):
        path = path[:-3]
        return path[: -len("/index")] if path.endswith("/index") else "" if path == "index" else path
    return path


SCRIPT_MAP = "assets/script-map.json"
GLOSSARY_JSON = "assets/glossary.json"


def glossary_json(terms, edition: Edition) -> str:
    """Each term's entry as HTML (escaped here: the page script inserts it as is), by its anchor."""
    entries = {term.slug: tip_html(edition, term) for term in sorted(terms, key=lambda t: t.slug)}
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def script_map(bulletins: list[Bulletin], to_traditional) -> str:
    """Simplified ↔ Traditional for every character of the bulletins whose forms differ.

    The search box converts a query with it (新就業群體 finds 新就业群体 on the Simplified
    edition and the reverse), so that one index per edition serves both scripts. Built from
    the text as converted, so it follows the override list too.
    """
    pairs: Counter = Counter()  # (Simplified, Traditional) character pairs, counted in C
    for bulletin in bulletins:
        for article in bulletin.articles:
            for piece in article.pieces():
                simplified = piece.text
                traditional = to_traditional(simplified)
                if len(traditional) == len(simplified):
                    pairs.update(zip(simplified, traditional))
    forms: dict[str, Counter] = {}
    for (a, b), count in pairs.items():
        forms.setdefault(a, Counter())[b] += count
    # A character takes its most frequent form: 了 stays 了 although 了解 becomes 瞭解.
    s2t = {a: count.most_common(1)[0][0] for a, count in forms.items() if count.most_common(1)[0][0] != a}
    # Back to Simplified from every form seen (製造 and 制度 both lead to 制).
    t2s = {}
    for a, count in sorted(forms.items()):
        for b in sorted(count):
            if b != a:
                t2s.setdefault(b, a)
    return json.dumps({"s2t": dict(sorted(s2t.items())), "t2s": t2s}, ensure_ascii=False, separators=(",", ":")) + "\n"


def render_pages(bulletins: list[Bulletin], crosslinks: Crosslinks, edition: Edition, terms: list | None = None,
                 exports: dict[str, str] | None = None, found: dict[str, list] | None = None,
                 handout_sizes: dict[str, int] | None = None) -> Pages:
    """One edition's files. `exports` (export_all) and `found` (occurrences), the same in every
    edition, are computed here when the caller has not."""
    env = _environment()
    ui = edition.ui
    terms = edition.terms if terms is None else terms
    exports = export_all(bulletins, crosslinks) if exports is None else exports
    found = occurrences(terms, bulletins) if found is None else found
    pages = Pages()
    listed = []
    for bulletin in bulletins:
        notes = load_notes(bulletin)
        blabel = bulletin_label(bulletin, edition)
        entries = [Entry(a, summarise(a, edition, bulletin), article_title(edition, bulletin, a),
                         compare_title(a, crosslinks, edition)) for a in bulletin.articles]
        listed.append({"bulletin": bulletin, "label": blabel, "entries": entries})
        json_name = f"{bulletin.id}.json"
        pages.add(f"{bulletin.id}/{json_name}", exports[bulletin.id], f"the data download of bulletin {bulletin.id}")
        pages.add(f"{bulletin.id}/index.md", env.get_template("bulletin.md.j2").render(
            ui=ui, ed=edition, bulletin=bulletin, bulletin_label=blabel, entries=entries, json_name=json_name,
            json_url=urls.file(json_name), publisher=publisher_html(bulletin, edition),
            edit=edit_link(bulletin.path.parent / "bulletin.yml", edition),
            date_label=date_label(bulletin, ui), description=f"{blabel}: " + "; ".join(e.title for e in entries),
        ), f"the contents of bulletin {bulletin.id}")
        for entry in entries:
            article = entry.article
            pages.add(f"{bulletin.id}/{article.id}.md", env.get_template("article.md.j2").render(
                ui=ui, ed=edition, article=article, bulletin=bulletin, summary=entry.summary, title=entry.title,
                bulletin_label=blabel, view=page_view(edition, bulletin, article, terms, notes),
                citation=citation(edition, bulletin, article),
                downloads=download_links(edition, bulletin, article, crosslinks, handout_sizes),
                edit=edit_link(edit_path(edition, bulletin, article), edition),
                signpost=signpost(article, bulletin, crosslinks, edition),
                clause_index=[b for b in article.blocks if b.type == "clause"],
                outline=outline_html(article, bulletin, crosslinks.outline(article), crosslinks, edition)
                if article.continued else "",
                xrefs=block_xrefs(article, bulletin, crosslinks, edition),
            ), f"article {article.id} of bulletin {bulletin.id}")
            if article.kind == "policy" and crosslinks.is_explained(article):
                targets = crosslinks.targets(article)
                pages.add(f"{bulletin.id}/{compare_page(article)}.md", env.get_template("compare.md.j2").render(
                    ui=ui, ed=edition, document=article, document_title=entry.title, bulletin_label=blabel,
                    title=entry.compare,
                    coverage=coverage_html(targets, crosslinks, bulletin, edition),
                    edit=edit_link(bulletin.path.parent / "links.yml", edition),
                    rows=compare_html(targets, crosslinks, bulletin, edition),
                ), f"the side-by-side page of {article.id} in bulletin {bulletin.id}")
    pages.add("index.md", env.get_template("home.md.j2").render(ui=ui, ed=edition, bulletins=newest_first(listed)),
              "the home page")
    if terms:
        pages.add("glossary.md", env.get_template("glossary.md.j2").render(
            ui=ui, ed=edition, groups=glossary_groups(terms, found, edition),
            edit=edit_link(edition.project.glossary_file, edition)), "the glossary page")
    return pages


def citation(edition: Edition, bulletin: Bulletin, article: Article) -> dict:
    """What the copy-citation buttons need; the reader's browser adds the address and today's date."""
    chinese = article.title.text if article.title else article.id
    return {
        "publisher": bulletin.meta.get("publisher") or bulletin.id,
        "publisher_en": bulletin.meta.get("publisher_en") or bulletin.meta.get("publisher") or bulletin.id,
        "date": str(bulletin.meta.get("date") or ""),
        "title_zh": chinese,
        "title_en": edition.en(bulletin, f"{article.id}__title").text or chinese,
        "site": load_ui("en")["site_title"],
    }


def edit_link(file: Path, edition: Edition) -> Markup:
    """A pencil in the toolbar: GitHub's editor when the repository is known, else the file's path,
    shown when the pencil is pressed (contributors need it; readers need not read it)."""
    ui, project = edition.ui, edition.project
    path = project.relative(file)
    if project.repository:
        url = urls.repository_file(project.repository, project.branch, path)
        return html('<a class="edit-source" href="{}" title="{}" aria-label="{}">✎</a>', url,
                    attr(f"{ui['edit_page']}{ui['colon']}{path}"), attr(ui["edit_page"]))
    return html('<details class="edit-source"><summary title="{}" aria-label="{}">✎</summary>'
                '<p>{}{}<code>{}</code></p></details>', attr(ui["edit_page"]), attr(ui["edit_page"]),
                ui["edit_page"], ui["colon"], path)


def edit_path(edition: Edition, bulletin: Bulletin, article: Article) -> Path:
    """The contributor file behind a page: its translation on the English edition, its notes otherwise."""
    folder = bulletin.path.parent
    return folder / "en" / f"{article.id}.yml" if edition.code == "en" else folder / "notes.yml"


def _shortened(title: str, limit: int = 200) -> str:
    """A text at most `limit` characters long (a translation may be 40,000)."""
    return title if len(title) <= limit else title[: limit - 1] + "…"


def export_all(bulletins: list[Bulletin], crosslinks: Crosslinks) -> dict[str, str]:
    """Each bulletin's data download (bulletin id → its JSON)."""
    return {bulletin.id: export_json([bulletin], crosslinks.links) for bulletin in bulletins}


def compare_page(document: Article) -> str:
    return document.id + COMPARE_SUFFIX


def compare_title(article: Article, crosslinks: Crosslinks, edition: Edition) -> str | None:
    """《意见》与答记者问对照 / The Opinions and the interview, side by side; None if it has no such page."""
    if article.kind != "policy" or not crosslinks.is_explained(article):
        return None
    title = edition.ui["compare_title"] % short_name(article, edition)
    return title[:1].upper() + title[1:]


def signpost(article: Article, bulletin: Bulletin, crosslinks: Crosslinks, edition: Edition) -> Markup:
    """At the top of a document, the interview that explains it; at the top of the interview, the
    document; and their side-by-side page: the relationship is the point of the site."""
    for pair in crosslinks.pairs:
        if not crosslinks.is_explained(pair.document):
            continue
        if pair.document is article:
            other, home, words = pair.interview, pair.interview_bulletin, edition.ui["signpost_document"]
        elif pair.interview is article:
            other, home, words = pair.document, pair.document_bulletin, edition.ui["signpost_interview"]
        else:
            continue
        compare = href(bulletin, pair.document_bulletin, compare_page(pair.document))
        return html('<p class="signpost">{}{}<a href="{}">{}</a> · <a href="{}">{}</a></p>', words,
                    edition.ui["colon"], href(bulletin, home, other.id), article_title(edition, home, other),
                    compare, edition.ui["side_by_side"])
    return Markup("")


def block_xrefs(article: Article, bulletin: Bulletin, crosslinks: Crosslinks, edition: Edition) -> dict[str, Markup]:
    """HTML to show under each block: explanations under clauses, clauses under points."""
    xrefs = {}
    if article.kind == "policy":
        for block in article.blocks:
            shown = explanations_html(crosslinks.explaining(block.id, article), bulletin, edition,
                                      compare_page(article), block.id)
            if shown:
                xrefs[block.id] = shown
    elif article.kind == "interview":
        for block in article.blocks:
            shown = explains_html(crosslinks.explained_by(block.id, article), bulletin, edition)
            if shown:
                xrefs[block.id] = shown
    return xrefs


def newest_first(listed: list[dict]) -> list[dict]:
    return sorted(listed, key=lambda item: (str(item["bulletin"].meta.get("date") or ""), item["bulletin"].id), reverse=True)


def nav(bulletins: list[Bulletin], crosslinks: Crosslinks, edition: Edition) -> list:
    """MkDocs `nav`: the home page, then each bulletin (newest first) with its articles in print order,
    each explained document followed by its side-by-side view."""
    ui = edition.ui
    listed = newest_first([{"bulletin": b} for b in bulletins])
    entries: list = [{label(ui["home"]): "index.md"}]
    if edition.terms:
        entries.append({label(ui["glossary_title"]): "glossary.md"})
    for item in listed:
        bulletin = item["bulletin"]
        articles = []
        for a in bulletin.articles:
            articles.append({label(article_title(edition, bulletin, a)): f"{bulletin.id}/{a.id}.md"})
            if a.kind == "policy" and crosslinks.is_explained(a):
                articles.append({label(ui["compare_title"] % short_name(a, edition)): f"{bulletin.id}/{compare_page(a)}.md"})
        entries.append({label(bulletin_label(bulletin, edition)): [f"{bulletin.id}/index.md", *articles]})
    return entries


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


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
