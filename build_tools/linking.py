"""Cross-links for a whole build: pairs, outlines, automatic links, curated overrides."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .align import align, document_targets
from .curated import apply_curated, check_all_used, curated_path, read_curated
from .fingerprint import code_digest, digest
from .model import Article, Bulletin, Evidence, Link, Target
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

    def of_bulletin(self, bulletin: Bulletin) -> list[Link]:
        """The links that start or end in `bulletin`, in build order (a scan of every link for each
        bulletin grew with the square of the archive)."""
        return self._by_bulletin.get(id(bulletin), [])

    def partners(self, bulletin: Bulletin) -> list[Bulletin]:
        """The other bulletins paired with `bulletin`: their text and translations show on its pages."""
        return list(self._partners.get(id(bulletin), {}).values())

    @cached_property
    def _partners(self) -> dict[int, dict[int, Bulletin]]:
        found: dict[int, dict[int, Bulletin]] = {}
        for pair in self.pairs:
            one, other = pair.document_bulletin, pair.interview_bulletin
            if one is not other:
                found.setdefault(id(one), {})[id(other)] = other
                found.setdefault(id(other), {})[id(one)] = one
        return found

    @cached_property
    def _by_bulletin(self) -> dict[int, list[Link]]:
        found: dict[int, list[Link]] = {}
        for link in self.links:
            for bulletin_id in {id(link.source_bulletin), id(link.target.bulletin)}:
                found.setdefault(bulletin_id, []).append(link)
        return found

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


def crosslink(bulletins: list[Bulletin], cache: AlignCache | None = None) -> Crosslinks:
    """Every pair's links. With a `cache`, a pair whose two articles and outline are those of an
    earlier build takes that build's links from it instead of aligning again (the aligner is the
    slowest step before rendering: about 50 s at 1,000 bulletins)."""
    result = Crosslinks(find_pairs(bulletins))
    curated = read_curated(bulletins)
    used: set = set()
    for pair in result.pairs:
        outline = read_outline(pair.document, pair.interview)
        result.outlines[id(pair.document)] = outline
        targets = result.all_targets[id(pair.document)] = document_targets(
            pair.document, pair.document_bulletin, outline, passages=True)
        aligned = [t for t in targets if t.section or t.clause]
        links = cache.links(pair, outline, aligned) if cache else align(pair, outline, targets=aligned)
        result.links += apply_curated(pair, links, targets, curated.get(curated_path(pair), []), used)
    check_all_used(curated, result.pairs, used)
    return result


class AlignCache:
    """Each pair's links as the aligner made them, under a key naming the code, both articles and the
    outline, in build/cache/align/. New entries are written by `save`, once the build has checked its
    input: a refused build writes nothing."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: dict[Path, list[Link] | None] = {}  # entry → links to write (None: read from there)

    def links(self, pair: Pair, outline: list[OutlineEntry], targets: list[Target]) -> list[Link]:
        entry = self.folder / f"{digest(code_digest(), repr(pair.document), repr(pair.interview), repr(outline))}.json"
        links = self._read(entry, pair, targets)
        self.used[entry] = None if links is not None else align(pair, outline, targets=targets)
        return links if links is not None else self.used[entry]

    def save(self) -> None:
        """Write the new entries, and remove those no pair of this build used."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for entry, links in self.used.items():
            if links is None:
                continue
            data = [{"from": l.source.id, "to": l.target.block, "score": l.score,
                     "evidence": [[e.kind, e.text] for e in l.evidence]} for l in links]
            partial = entry.with_suffix(".part")
            partial.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
            partial.replace(entry)
        for stale in self.folder.glob("*.json"):
            if stale not in self.used:
                stale.unlink()

    @staticmethod
    def _read(entry: Path, pair: Pair, targets: list[Target]) -> list[Link] | None:
        """The links stored at `entry`, made again with this build's blocks and targets; None if there
        are none, or they do not fit (a damaged cache is rebuilt, never trusted)."""
        try:
            data = json.loads(entry.read_text("utf-8"))
            blocks = {b.id: b for b in pair.interview.blocks}
            by_block = {t.block: t for t in targets}
            return [Link(blocks[d["from"]], pair.interview, pair.interview_bulletin, by_block[d["to"]], d["score"],
                         [Evidence(kind, text) for kind, text in d["evidence"]]) for d in data]
        except (OSError, ValueError, KeyError, TypeError):
            return None


def link_bulletins(bulletins: list[Bulletin]) -> list[Link]:
    return crosslink(bulletins).links

