"""Markdown pages from the model, with Jinja2 templates.

`render_pages` is a pure function (model in, `{relative path: content}` out); MkDocs
only turns the result into HTML. The Markdown is portable: headings carry explicit
`{#id}`s, blocks are plain HTML paragraphs with their id and permalink, links
between pages are ordinary relative `.md` links.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
import yaml

from . import markers
from .align import document_targets
from .crossrefs import (COMPARE_SUFFIX, compare_html, coverage_html, explains_html, explanations_html, href,
                        outline_html, short_name)
from .export import export_json
from .linking import Crosslinks, crosslink
from .model import Article, Bulletin

TEMPLATES = Path(__file__).parent / "templates"
UI_DIR = Path(__file__).parent / "ui"
SUMMARY_MAX = 70
# Python-Markdown's backslash escapes; `<` and `&` are written as entities instead.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]>#{}])")
# MkDocs themes insert page titles and descriptions into HTML unescaped (nav, <title>,
# <meta>); in those labels the HTML-special characters become their full-width forms.
_LABEL_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂"})
_SENTENCE = re.compile(r"^.*?[。！？!?]”?")


@dataclass
class Entry:
    article: Article
    summary: str


@cache
def load_ui(language: str = "zh-Hans") -> dict:
    return yaml.safe_load((UI_DIR / f"{language}.yml").read_text(encoding="utf-8"))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # templates write Markdown; HTML text is escaped with `| e` where it goes
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # `{#id}` after a heading is Markdown (attr_list), not a Jinja comment.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters["yaml"] = lambda text: json.dumps(label(text), ensure_ascii=False)
    env.filters["md_text"] = md_text
    env.filters["md_heading"] = md_text
    return env


def md_text(text: str) -> str:
    """Text safe inside Markdown inline content: Markdown and HTML specials escaped."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def label(text: str) -> str:
    """Text for a page title, nav entry or description, which themes do not escape."""
    return text.translate(_LABEL_SAFE)


def render_pages(bulletins: list[Bulletin], crosslinks: Crosslinks | None = None) -> dict[str, str]:
    env = _environment()
    ui = load_ui()
    crosslinks = crosslinks or crosslink(bulletins)
    pages: dict[str, str] = {}
    listed = []
    for bulletin in bulletins:
        label = bulletin_label(bulletin, ui)
        entries = [Entry(a, summarise(a, ui)) for a in bulletin.articles]
        listed.append({"bulletin": bulletin, "label": label, "entries": entries})
        json_name = f"{bulletin.id}.json"
        pages[f"{bulletin.id}/{json_name}"] = export_json([bulletin], crosslinks.links)
        pages[f"{bulletin.id}/index.md"] = env.get_template("bulletin.md.j2").render(
            ui=ui, bulletin=bulletin, bulletin_label=label, entries=entries, json_name=json_name,
            date_label=date_label(bulletin, ui), description=f"{label}：" + "；".join(a.title_text for a in bulletin.articles),
        )
        for entry in entries:
            article = entry.article
            pages[f"{bulletin.id}/{article.id}.md"] = env.get_template("article.md.j2").render(
                ui=ui, article=article, summary=entry.summary, bulletin_label=label,
                clause_index=[b for b in article.blocks if b.type == "clause"],
                outline=outline_html(article, bulletin, crosslinks.outline(article), crosslinks, ui)
                if article.continued else "",
                xrefs=block_xrefs(article, bulletin, crosslinks, ui),
            )
            if article.kind == "policy" and any(l.target.article is article for l in crosslinks.links):
                targets = document_targets(article, bulletin, crosslinks.outline(article))
                targets.sort(key=lambda t: t.order)
                pages[f"{bulletin.id}/{compare_page(article)}.md"] = env.get_template("compare.md.j2").render(
                    ui=ui, document=article, bulletin_label=label,
                    title=ui["compare_title"] % short_name(article),
                    coverage=coverage_html(targets, crosslinks, bulletin, ui),
                    rows=compare_html(targets, crosslinks, bulletin, ui),
                )
    pages["index.md"] = env.get_template("home.md.j2").render(ui=ui, bulletins=newest_first(listed))
    return pages


def compare_page(document: Article) -> str:
    return document.id + COMPARE_SUFFIX


def block_xrefs(article: Article, bulletin: Bulletin, crosslinks: Crosslinks, ui: dict) -> dict[str, str]:
    """HTML to show under each block: explanations under clauses, clauses under points."""
    xrefs = {}
    if article.kind == "policy":
        compare = href(bulletin, bulletin, compare_page(article))
        for block in article.blocks:
            html = explanations_html(crosslinks.explaining(block.id, article), bulletin, ui, compare, block.id)
            if html:
                xrefs[block.id] = html
    elif article.kind == "interview":
        for block in article.blocks:
            html = explains_html(crosslinks.explained_by(block.id, article), bulletin, ui)
            if html:
                xrefs[block.id] = html
    return xrefs


def newest_first(listed: list[dict]) -> list[dict]:
    return sorted(listed, key=lambda item: (str(item["bulletin"].meta.get("date") or ""), item["bulletin"].id), reverse=True)


def nav(bulletins: list[Bulletin], crosslinks: Crosslinks | None = None) -> list:
    """MkDocs `nav`: the home page, then each bulletin (newest first) with its articles in print order,
    each explained document followed by its side-by-side view."""
    ui = load_ui()
    crosslinks = crosslinks or crosslink(bulletins)
    listed = newest_first([{"bulletin": b} for b in bulletins])
    entries: list = [{ui["home"]: "index.md"}]
    for item in listed:
        bulletin = item["bulletin"]
        articles = []
        for a in bulletin.articles:
            articles.append({label(a.title_text): f"{bulletin.id}/{a.id}.md"})
            if a.kind == "policy" and any(l.target.article is a for l in crosslinks.links):
                articles.append({label(ui["compare_title"] % short_name(a)): f"{bulletin.id}/{compare_page(a)}.md"})
        entries.append({label(bulletin_label(bulletin, ui)): [f"{bulletin.id}/index.md", *articles]})
    return entries


def bulletin_label(bulletin: Bulletin, ui: dict) -> str:
    return ui["bulletin_label"] % {"publisher": bulletin.meta.get("publisher") or bulletin.id,
                                   "date": date_label(bulletin, ui)}


def date_label(bulletin: Bulletin, ui: dict) -> str:
    date = str(bulletin.meta.get("date") or "")
    found = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", date)
    if not found:
        return date or ui["unknown"]
    year, month, day = map(int, found.groups())
    return ui["date_format"] % {"year": year, "month": month, "day": day}


def summarise(article: Article, ui: dict) -> str:
    """One line for the bulletin's contents: what kind of text, and its first sentence."""
    if article.kind == "policy":
        clauses = [b for b in article.blocks if b.type == "clause"]
        if clauses:
            first, last = clauses[0], clauses[-1]
            where = f"第（{first.clause}）条" + ("后半" if first.fragment else "")
            sections = [b.section for b in article.blocks if b.section]
            parts = f"（第{sections[0]}至{sections[-1]}部分）" if sections and sections[0] != sections[-1] else ""
            return f"本期收录{where}至第（{last.clause}）条{parts}。"
    prose = [b for b in article.blocks if b.type in ("paragraph", "answer", "point")]
    if not prose:
        return article.title_text
    first = prose[0].text
    opening = markers.match("dateline_start", first)
    if opening:
        first = first[opening.end():].lstrip()
    sentence = _SENTENCE.match(first)
    text = sentence.group(0) if sentence else first
    if len(text) > SUMMARY_MAX:
        text = text[: SUMMARY_MAX - 1] + "…"
    if article.kind == "interview":
        questions = sum(b.type == "question" for b in article.blocks)
        text = (ui["questions"] % questions) + "。" + text
    return text
