"""The site's navigation: MkDocs' `nav`, newest bulletin first, and the side-by-side page's name."""
from __future__ import annotations

from .crossrefs import COMPARE_SUFFIX, short_name
from .editions import Edition, article_title
from .labels import bulletin_label, label
from .linking import Crosslinks
from .model import Article, Bulletin


def compare_page(document: Article) -> str:
    return document.id + COMPARE_SUFFIX

def compare_title(article: Article, crosslinks: Crosslinks, edition: Edition) -> str | None:
    """《意见》与答记者问对照 / The Opinions and the interview, side by side; None if it has no such page."""
    if article.kind != "policy" or not crosslinks.is_explained(article):
        return None
    title = edition.ui["compare_title"] % short_name(article, edition)
    return title[:1].upper() + title[1:]

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
                articles.append({label(compare_title(a, crosslinks, edition)): f"{bulletin.id}/{compare_page(a)}.md"})
        # Every entry titled here, the bulletin's own page too: a page then never takes another page's
        # title from its content, and MkDocs may render one page without reading the others (incremental.py).
        name = label(bulletin_label(bulletin, edition))
        entries.append({name: [{name: f"{bulletin.id}/index.md"}, *articles]})
    return entries
