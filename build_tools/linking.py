"""Cross-links for a whole build: pairs, outlines, automatic links, curated overrides."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .align import align, document_targets
from .curated import apply_curated, check_all_used, curated_path, read_curated
from .model import Article, Bulletin, Link, Target
from .outline import OutlineEntry, read_outline
from .pairing import Pair, find_pairs


@dataclass
class Crosslinks:
    pairs: list[Pair] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    outlines: dict[int, list[OutlineEntry]] = field(default_factory=dict)  # by id() of the document
    # Each explained document's clauses, parts and passages (align.document_targets), made once
    # per build and shared by the aligner, the pages and the handouts: by id() of the document.
    all_targets: dict[int, list[Target]] = field(default_factory=dict)

    def outline(self, document: Article) -> list[OutlineEntry]:
        return self.outlines.get(id(document), [])

    def targets(self, document: Article) -> list[Target]:
        """The document's clauses and parts in reading order, without the passages outside them."""
        return sorted((t for t in self.all_targets.get(id(document), []) if t.section or t.clause),
                      key=lambda t: t.order)

    def explaining(self, block_id: str, document: Article) -> list[Link]:
        """Links into the clause or section that `block_id` starts, best first."""
        found = self._index[0].get((id(document), block_id), [])
        return sorted(found, key=lambda l: (l.source.question or 0, l.source.point or 0, l.source.id))

    def explained_by(self, block_id: str, interview: Article) -> list[Link]:
        found = self._index[1].get((id(interview), block_id), [])
        return sorted(found, key=lambda l: (l.target.order, l.target.block))

    def is_explained(self, document: Article) -> bool:
        """Whether any interview point links into `document`."""
        return id(document) in self._index[2]

    @cached_property
    def _index(self) -> tuple[dict, dict, set]:
        """Links by target block, by source block, and the ids of the documents they explain:
        every page asks for every block, and a scan of all links per block grew with the square
        of the number of bulletins. Built on first use, when `crosslink` has added every link."""
        by_target: dict[tuple, list[Link]] = {}
        by_source: dict[tuple, list[Link]] = {}
        for link in self.links:
            by_target.setdefault((id(link.target.article), link.target.block), []).append(link)
            by_source.setdefault((id(link.source_article), link.source.id), []).append(link)
        return by_target, by_source, {id(link.target.article) for link in self.links}


def crosslink(bulletins: list[Bulletin]) -> Crosslinks:
    result = Crosslinks(find_pairs(bulletins))
    curated = read_curated(bulletins)
    used: set = set()
    for pair in result.pairs:
        outline = read_outline(pair.document, pair.interview)
        result.outlines[id(pair.document)] = outline
        targets = result.all_targets[id(pair.document)] = document_targets(
            pair.document, pair.document_bulletin, outline, passages=True)
        links = align(pair, outline, targets=[t for t in targets if t.section or t.clause])
        result.links += apply_curated(pair, links, targets, curated.get(curated_path(pair), []), used)
    check_all_used(curated, result.pairs, used)
    return result


def link_bulletins(bulletins: list[Bulletin]) -> list[Link]:
    return crosslink(bulletins).links

