"""The model as JSON, for `python -m build_tools export` and for download from the site.

The format is documented in the README ("Data export"); `FORMAT` names its version.
"""
from __future__ import annotations

import json

from .model import Article, Block, Bulletin, Link, Piece

FORMAT = "policy-bulletin-model/2"
META_KEYS = ("publisher", "publisher_en", "date", "page", "source", "url", "received_as", "sha256")


def export_json(bulletins: list[Bulletin], links: list[Link] | None = None) -> str:
    """The model of `bulletins`, with the links that start or end in one of them."""
    data = {"format": FORMAT, "bulletins": [bulletin_data(b) for b in bulletins]}
    if links is not None:
        ours = {id(b) for b in bulletins}
        data["links"] = [link_data(link) for link in links
                         if id(link.source_bulletin) in ours or id(link.target.bulletin) in ours]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def link_data(link: Link) -> dict:
    target = link.target
    return {
        "from": {"bulletin": link.source_bulletin.id, "article": link.source_article.id, "block": link.source.id,
                 "question": link.source.question, "point": link.source.point},
        "to": {"bulletin": target.bulletin.id, "article": target.article.id, "block": target.block,
               "section": target.section, "clause": target.clause, "heading": target.heading,
               "in_bulletin": target.present},
        "score": link.score,
        "evidence": [{"kind": e.kind, "text": e.text} for e in link.evidence],
        "origin": link.origin,
        "reason": link.reason,
    }


def bulletin_data(bulletin: Bulletin) -> dict:
    data = {"id": bulletin.id}
    data.update({key: bulletin.meta.get(key) for key in META_KEYS})
    data["articles"] = [article_data(a) for a in bulletin.articles]
    return data


def article_data(article: Article) -> dict:
    return {
        "id": article.id,
        "kind": article.kind,
        "title": _text(article.title),
        "kicker": _text(article.kicker),
        "subtitle": _text(article.subtitle),
        "date": _text(article.date),
        "byline": _text(article.byline),
        "dateline": _text(article.dateline) or article.opening_dateline,
        "credit": _text(article.credit),
        "continued": article.continued is not None,
        "continued_from_page": article.continued_from,
        "line": article.pieces()[0].line,  # every article has a title, a header line or a block
        "blocks": [block_data(article.kind, b) for b in article.blocks],
    }


def block_data(kind: str, block: Block) -> dict:
    data = {"id": block.id, "type": block.type, "text": block.text, "raw": block.raw, "line": block.line}
    if kind == "interview":
        data.update(question=block.question, point=block.point, speaker=block.speaker)
    elif kind == "policy":
        data.update(section=block.section, clause=block.clause, section_number=block.section_number,
                    clause_number=block.clause_number, heading=block.heading, fragment=block.fragment)
    return data


def _text(piece: Piece | None) -> str | None:
    return piece.text if piece else None
