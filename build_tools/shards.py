"""Building one shard of the bulletins, and merging the shards into the site.

`build --shard 2/4` makes the pages and handouts of every fourth bulletin (by id, from the
second) into build/shard-2-of-4/site/, so that CI can build four shards on four machines (a job
matrix) and `merge` can put them together: one site, one search index over all of it. The
merged site is the single build's, byte for byte (tests/test_shards.py).

Each shard reads and links every bulletin (the navigation, the home page and the cross-links
need them all) but renders only its own. Its MkDocs sites still hold every page: the other
shards' pages are empty placeholders whose HTML is marked as already built (an empty file, newer
than its Markdown), so MkDocs' `--dirty` renders around them. Their titles come from the
navigation, so the previous and next links at a shard's edge are the single build's. The
placeholders' HTML is removed after MkDocs, before anything leaves the shard. The pages outside
the bulletins (home, glossary, assets, sitemaps) are the same in every shard; `merge` checks
that they are and keeps one copy.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildError
from .incremental import link_files
from .model import Bulletin
from .project import Project
from .search_index import Group, groups_from_json, groups_json

_FORM = re.compile(r"^([1-9][0-9]*)/([1-9][0-9]*)$")
MANIFEST = "shard.json"


@dataclass(frozen=True)
class Shard:
    index: int  # from 1
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        found = _FORM.match(text.strip())
        if not found or not 1 <= int(found[1]) <= int(found[2]):
            raise BuildError("--shard", f"{text!r} is not a shard: write K/N with 1 ≤ K ≤ N, e.g. 1/4")
        return cls(int(found[1]), int(found[2]))

    @property
    def name(self) -> str:
        return f"shard-{self.index}-of-{self.count}"

    def folder(self, project: Project) -> Path:
        return project.work / self.name

    def select(self, bulletins: list[Bulletin]) -> list[Bulletin]:
        """Every count-th bulletin by id, from the index-th: shards of even size whatever the dates."""
        ordered = sorted(bulletins, key=lambda b: b.id)
        return [b for i, b in enumerate(ordered) if i % self.count == self.index - 1]

    def placeholders(self, bulletins: list[Bulletin], navs: dict[str, list]):
        """For render_editions: the other shards' bulletins are not rendered; their pages in the
        navigation are kept as placeholders (`plan`)."""
        mine = {b.id for b in self.select(bulletins)}
        listed = {code: _nav_paths(navigation) for code, navigation in navs.items()}

        def reuse(edition, bulletin):
            if bulletin.id in mine:
                return None
            return [path for path in listed[edition.code] if path.startswith(f"{bulletin.id}/")]
        return reuse

    def plan(self, output: Path, docs: Path, placeholders: set[str]) -> ShardPlan:
        """A dirty MkDocs build that renders every page but the placeholders."""
        from .pipeline import output_path  # pipeline imports this module

        made = []
        for relative in sorted(placeholders):
            page = docs / relative
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text("", "utf-8")
            os.utime(page, (0, 0))  # older than any HTML: MkDocs takes the page as built
            html = output / output_path(relative)
            html.parent.mkdir(parents=True, exist_ok=True)
            html.write_text("", "utf-8")
            made.append(html)
        return ShardPlan(output, made)

    def finish(self, stage: Path, project: Project, groups: list[Group]) -> None:
        """The shard's site at build/shard-K-of-N/site/, with what merge checks it against and the
        search index's groups (every shard knows every bulletin; `merge` indexes the whole site)."""
        folder = self.folder(project)
        shutil.rmtree(folder / "site", ignore_errors=True)
        stage.rename(folder / "site")
        (folder / MANIFEST).write_text(json.dumps({"index": self.index, "count": self.count,
                                                   "search_groups": groups_json(groups)}) + "\n", "utf-8")


@dataclass
class ShardPlan:
    output: Path
    placeholders: list[Path] = field(default_factory=list)
    dirty: bool = True

    def done(self) -> None:
        for html in self.placeholders:
            html.unlink()
            for parent in html.parents:
                if parent == self.output or any(parent.iterdir()):
                    break
                parent.rmdir()


def _nav_paths(entries) -> list[str]:
    found = []
    for entry in entries:
        if isinstance(entry, str):
            found.append(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                found += _nav_paths(value) if isinstance(value, list) else [value]
    return found


def merge(folders: list[Path], stage: Path, tree: str = "site") -> list[Group]:
    """The shards' `tree` (their sites; their handouts, when those have a host of their own), each file
    once, into `stage`: every shard of one count, each once, and the files they share byte for byte
    the same (else they were built from different inputs). The search index's groups."""
    seen: dict[int, Path] = {}
    counts = set()
    groups = []
    for folder in folders:
        try:
            manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
            index, count = int(manifest["index"]), int(manifest["count"])
            groups.append(groups_from_json(manifest["search_groups"]))
        except (OSError, ValueError, KeyError, TypeError):
            raise BuildError(folder, f"not a shard's folder (no readable {MANIFEST}): pass the folders "
                             "`build --shard K/N` wrote, build/shard-K-of-N/") from None
        if index in seen:
            raise BuildError(folder, f"shard {index} is also {seen[index]}")
        seen[index] = folder
        counts.add(count)
    if len(counts) != 1 or sorted(seen) != list(range(1, next(iter(counts)) + 1)):
        raise BuildError(folders[0], f"shards {sorted(seen)} of {sorted(counts)}: merge needs every shard of one "
                         "build, 1 to N")
    if any(found != groups[0] for found in groups):
        raise BuildError(folders[0], "the shards were built from different bulletins; build them again from one commit")
    for index in sorted(seen):
        link_files(seen[index] / tree, stage, "the shards were built from different inputs; build them again "
                   "from one commit")
    return groups[0]
