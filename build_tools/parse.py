"""Parse one bulletin: source text → articles → blocks, then prove nothing was lost."""
from __future__ import annotations

import re

from . import articles as article_split
from .conservation import check_conservation
from .errors import BuildError
from .model import Bulletin
from .paragraphs import build_paragraphs
from .punctuation import is_chinese
from .source import META_NAME, Source
from .structure import build_blocks

DEFAULT_IDS = {"interview": "interview", "news": "news", "photo": "photo"}
ARTICLE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_source(source: Source) -> Bulletin:
    if not any(is_chinese(ch) and ch.isalpha() for ch in source.text):
        raise BuildError(source.path, "no recognisable article: the file contains no Chinese text", 1)
    drafts = article_split.split_articles(build_paragraphs(source.text))
    if not any(d.article.title and d.body for d in drafts):
        raise BuildError(source.path, "no recognisable article: no title line followed by text was found "
                         "(an article starts with a title on its own line)", 1)
    wanted = _wanted_ids(source, drafts)
    used: set[str] = set()
    for draft in drafts:
        article = draft.article
        article.kind = article_split.detect_kind(draft)
        article.id = _unique(wanted.get(_title_key(draft)) or _default_id(draft), used)
        article.blocks = build_blocks(article.kind, draft.body, article.id, bool(article.continued))
    bulletin = Bulletin(source.id, source.path, source.text, source.meta, [d.article for d in drafts])
    check_conservation(bulletin)
    return bulletin


def _title_key(draft) -> str | None:
    return draft.article.title.raw if draft.article.title else None


def _wanted_ids(source: Source, drafts) -> dict[str, str]:
    """Article ids chosen in bulletin.yml (`articles: {title: id}`), checked against the text."""
    titles = {}
    for draft in drafts:
        if draft.article.title:
            titles[draft.article.title.raw] = draft.article.title.raw
            titles[draft.article.title.text] = draft.article.title.raw
    wanted = {}
    meta_path = source.path.parent / META_NAME
    for title, article_id in source.meta.get("articles", {}).items():
        if title not in titles:
            raise BuildError(meta_path, f"articles: no article titled {title!r} in {source.path.name}; "
                             "copy the title exactly as printed", _line_of(meta_path, title))
        if not ARTICLE_ID.match(article_id) or "__" in article_id:
            raise BuildError(meta_path, f"articles: id {article_id!r} must be lower-case letters, digits and "
                             "single hyphens (it becomes a URL and a prefix of block ids)", _line_of(meta_path, title))
        wanted[titles[title]] = article_id
    return wanted


def _default_id(draft) -> str:
    article = draft.article
    if article.kind == "policy":
        return article_split.document_type(article.title.raw) or "document"
    if article.title is None:
        return "untitled"
    return DEFAULT_IDS[article.kind]


def _unique(article_id: str, used: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in used:
        n += 1
        candidate = f"{article_id}-{n}"
    used.add(candidate)
    return candidate


def _line_of(path, text: str) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if text in line:
                return number
    except OSError:
        pass
    return None
