"""Markdown pages from the model, with Jinja2 templates.

`render_pages` is a pure function (model in, `{relative path: content}` out); MkDocs
only turns the result into HTML. The Markdown is portable: headings carry explicit
`{#id}`s, blocks are plain HTML paragraphs with their id and permalink, links
between pages are ordinary relative `.md` links.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup

from . import urls
from .crossrefs import compare_html, coverage_html, explains_html, explanations_html, href, outline_html
from .edit_links import edit_link, edit_path
from .editions import Edition, article_title, load_ui, make_editions
from .errors import BuildError
from .export import export_json
from .glossary_page import glossary_groups, occurrences
from .handouts import download_links
from .labels import bulletin_label, date_label, label, publisher_html, summarise
from .linking import Crosslinks, crosslink
from .markup import anchor, attr, html, text
from .model import Article, Bulletin
from .navigation import compare_page, compare_title, newest_first
from .notes import load_notes
from .page_data import GLOSSARY_JSON, glossary_json, script_maps
from .pagetext import page_view
from .project import Project

TEMPLATES = Path(__file__).parent / "templates"
SCHEMAS = Path(__file__).parent / "schemas"


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


def render_site(bulletins: list[Bulletin], project: Project, crosslinks: Crosslinks | None = None) -> dict[str, str]:
    """Every edition's pages, under `zh-Hans/`, `zh-Hant/` and `en/`."""
    crosslinks = crosslinks or crosslink(bulletins)
    editions = make_editions(bulletins, crosslinks, project)
    pages = {}
    for edition, files in render_editions(bulletins, crosslinks, editions):
        pages.update({f"{edition.code}/{path}": content for path, content in files.items()})
    return pages


def render_editions(bulletins: list[Bulletin], crosslinks: Crosslinks, editions: list[Edition],
                    handout_sizes: dict[str, int] | None = None, reuse: Reuse | None = None):
    """(edition, its files) one edition at a time, so the build can hand each to MkDocs while
    it renders the next. `handout_sizes` (handouts.write_pdfs) gives the handout links their sizes;
    `reuse` names the bulletins whose pages docs/ already holds as they would be rendered."""
    terms = editions[0].terms
    # The same in every edition: each computed once.
    exports: dict[str, str] = {}
    found = occurrences(terms, bulletins)
    for edition in editions:
        files = render_pages(bulletins, crosslinks, edition, terms, exports, found, handout_sizes, reuse)
        if terms:
            files.add(GLOSSARY_JSON, glossary_json(terms, edition), "the glossary entries")
        if edition is editions[0]:
            # Served from the site root, which is the original edition's.
            for path, content in script_maps(bulletins, editions[1].chinese).items():
                files.add(path, content, "the search's script map")
            # The schemas contributors' files are checked against, published for editors and tools.
            for schema in sorted(SCHEMAS.glob("*.schema.json")):
                files.add(f"schemas/{schema.name}", schema.read_text("utf-8"), "a published schema")
        yield edition, files


# (edition, bulletin) → the paths of the bulletin's pages in docs/<edition>/ if they are already
# what rendering would write (incremental.PageCache), else None.
Reuse = Callable[[Edition, Bulletin], "list[str] | None"]


class Pages(dict):
    """Output path → content, refusing a second page at the same address: MkDocs writes `a/b.md` and
    `a/b/index.md` to one `a/b/index.html`, and the later would silently replace the earlier.
    `kept`: pages not rendered this time, since docs/ holds them as they would be."""

    def __init__(self):
        super().__init__()
        self.owners: dict[str, str] = {}
        self.kept: set[str] = set()

    def add(self, path: str, content: str, what: str) -> None:
        self._claim(path, what)
        self[path] = content

    def keep(self, path: str, what: str) -> None:
        self._claim(path, what)
        self.kept.add(path)

    def _claim(self, path: str, what: str) -> None:
        address = page_address(path)
        if address in self.owners:
            raise BuildError(path, f"{what} and {self.owners[address]} would both be published at /{address}; "
                             "rename one of them (a bulletin or article id)")
        self.owners[address] = path

    def paths(self) -> list[str]:
        return sorted([*self, *self.kept])


def page_address(path: str) -> str:
    """Where MkDocs publishes a docs/ file: `x/index.md` and `x.md` both at `x`."""
    if path.endswith(".md"):
        path = path[:-3]
        return path[: -len("/index")] if path.endswith("/index") else "" if path == "index" else path
    return path


def render_pages(bulletins: list[Bulletin], crosslinks: Crosslinks, edition: Edition, terms: list | None = None,
                 exports: dict[str, str] | None = None, found: dict[str, list] | None = None,
                 handout_sizes: dict[str, int] | None = None, reuse: Reuse | None = None) -> Pages:
    """One edition's files. `exports` (each bulletin's JSON, filled as made) and `found`
    (occurrences), the same in every edition, are made here when the caller has not."""
    env = _environment()
    ui = edition.ui
    terms = edition.terms if terms is None else terms
    exports = {} if exports is None else exports
    found = occurrences(terms, bulletins) if found is None else found
    pages = Pages()
    listed = []
    for bulletin in bulletins:
        blabel = bulletin_label(bulletin, edition)
        entries = [Entry(a, summarise(a, edition, bulletin), article_title(edition, bulletin, a),
                         compare_title(a, crosslinks, edition)) for a in bulletin.articles]
        listed.append({"bulletin": bulletin, "label": blabel, "entries": entries})
        kept = reuse(edition, bulletin) if reuse else None
        if kept is not None:
            for path in kept:
                pages.keep(path, f"a page of bulletin {bulletin.id}")
            continue
        notes = load_notes(bulletin)
        json_name = f"{bulletin.id}.json"
        # The data is the same in every edition: published once, with the original edition at the
        # site's root, and linked from the others (a copy per edition was 250 MB at 1,000 bulletins).
        if not edition.root:
            if bulletin.id not in exports:
                exports[bulletin.id] = export_json([bulletin], crosslinks.of_bulletin(bulletin))
            pages.add(f"{bulletin.id}/{json_name}", exports[bulletin.id], f"the data download of bulletin {bulletin.id}")
        pages.add(f"{bulletin.id}/index.md", env.get_template("bulletin.md.j2").render(
            ui=ui, ed=edition, bulletin=bulletin, bulletin_label=blabel, entries=entries, json_name=json_name,
            json_url=urls.file(bulletin.id, json_name, up=1 + edition.root.count("/")),
            publisher=publisher_html(bulletin, edition),
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


