"""Cross-links for a whole build: pairs, outlines, automatic links, curated overrides."""
from __future__ import annotations

from dataclasses import dataclass, field

from .align import align, document_targets
from .curated import apply_curated
from .model import Article, Bulletin, Link
from .outline import OutlineEntry, read_outline
from .pairing import Pair, find_pairs


@dataclass
class Crosslinks:
    pairs: list[Pair] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    outlines: dict[int, list[OutlineEntry]] = field(default_factory=dict)  # by id() of the document

    def outline(self, document: Article) -> list[OutlineEntry]:
        return self.outlines.get(id(document), [])

    def explaining(self, block_id: str, document: Article) -> list[Link]:
        """Links into the clause or section that `block_id` starts, best first."""
        found = [l for l in self.links if l.target.article is document and l.target.block == block_id]
        return sorted(found, key=lambda l: (l.source.question or 0, l.source.point or 0, l.source.id))

    def explained_by(self, block_id: str, interview: Article) -> list[Link]:
        found = [l for l in self.links if l.source_article is interview and l.source.id == block_id]
        return sorted(found, key=lambda l: (l.target.order, l.target.block))


def crosslink(bulletins: list[Bulletin]) -> Crosslinks:
    result = Crosslinks(find_pairs(bulletins))
    for pair in result.pairs:
        outline = read_outline(pair.document, pair.interview)
        result.outlines[id(pair.document)] = outline
        targets = document_targets(pair.document, pair.document_bulletin, outline)
        result.links += apply_curated(pair, align(pair, outline), targets)
    return result


def link_bulletins(bulletins: list[Bulletin]) -> list[Link]:
    return crosslink(bulletins).links

