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
from .export import export_json
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


def render_pages(bulletins: list[Bulletin]) -> dict[str, str]:
    env = _environment()
    ui = load_ui()
    pages: dict[str, str] = {}
    listed = []
    for bulletin in bulletins:
        label = bulletin_label(bulletin, ui)
        entries = [Entry(a, summarise(a, ui)) for a in bulletin.articles]
        listed.append({"bulletin": bulletin, "label": label, "entries": entries})
        json_name = f"{bulletin.id}.json"
        pages[f"{bulletin.id}/{json_name}"] = export_json([bulletin])
        pages[f"{bulletin.id}/index.md"] = env.get_template("bulletin.md.j2").render(
            ui=ui, bulletin=bulletin, bulletin_label=label, entries=entries, json_name=json_name,
            date_label=date_label(bulletin, ui), description=f"{label}：" + "；".join(a.title_text for a in bulletin.articles),
        )
        for entry in entries:
            article = entry.article
            pages[f"{bulletin.id}/{article.id}.md"] = env.get_template("article.md.j2").render(
                ui=ui, article=article, summary=entry.summary, bulletin_label=label,
                clause_index=[b for b in article.blocks if b.type == "clause"],
            )
    pages["index.md"] = env.get_template("home.md.j2").render(ui=ui, bulletins=newest_first(listed))
    return pages


def newest_first(listed: list[dict]) -> list[dict]:
    return sorted(listed, key=lambda item: (str(item["bulletin"].meta.get("date") or ""), item["bulletin"].id), reverse=True)


def nav(bulletins: list[Bulletin]) -> list:
    """MkDocs `nav`: the home page, then each bulletin (newest first) with its articles in print order."""
    ui = load_ui()
    listed = newest_first([{"bulletin": b} for b in bulletins])
    entries: list = [{ui["home"]: "index.md"}]
    for item in listed:
        bulletin = item["bulletin"]
        articles = [{label(a.title_text): f"{bulletin.id}/{a.id}.md"} for a in bulletin.articles]
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
