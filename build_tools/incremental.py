"""What a rebuild may keep of MkDocs' last output, and how the site is put together from it.

MkDocs' own `--dirty` renders only the pages whose Markdown is newer than their HTML. Measured at
100 bulletins: 0.7 s for the English edition instead of 12 s. It is exact only when nothing but
those pages changed: the same config (navigation, titles, interface words), the same theme and
tools, the same set of pages, and no page that reads another page's content (every nav entry has
its title, navigation.py). Each edition's output folder keeps a stamp of all that; a dirty build
runs only under an equal stamp, after the HTML of every changed page is removed. Any other
change, or no stamp (a first or a failed build), gives a clean build.

The site is assembled from those folders with hard links, not copies (36,000 files at 1,000
bulletins). A file MkDocs would write again must therefore be removed first, never overwritten
in place, or the write would reach the published site through the link before the new site is
complete: the changed pages, and the sitemaps and 404 page every build writes.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .editions import Edition
from .errors import BuildError
from .fingerprint import code_digest, digest, files_digest, tree_files
from .linking import Crosslinks
from .model import Bulletin
from .project import Project

# Written by MkDocs on every build, dirty or not.
ALWAYS_WRITTEN = ("sitemap.xml", "sitemap.xml.gz", "404.html")


@dataclass
class Plan:
    output: Path
    stamp: str
    dirty: bool  # render only the changed pages into the kept output

    @property
    def stamp_file(self) -> Path:
        return self.output.with_name(self.output.name + ".stamp")

    def done(self) -> None:
        """MkDocs succeeded: the output now matches the stamp."""
        self.stamp_file.write_text(self.stamp + "\n", "utf-8")


def plan(output: Path, stamp: str, changed_outputs: list[str]) -> Plan:
    """A dirty build into `output` if it was last built under `stamp`, a clean one otherwise."""
    result = Plan(output, stamp, dirty=False)
    kept = result.stamp_file.read_text("utf-8").strip() if result.stamp_file.is_file() else None
    # Until MkDocs succeeds, the output matches no stamp: a failed or killed build leaves none.
    result.stamp_file.unlink(missing_ok=True)
    if kept == stamp and output.is_dir():
        result.dirty = True
        for relative in [*changed_outputs, *ALWAYS_WRITTEN]:
            (output / relative).unlink(missing_ok=True)
    return result


def load_record(path: Path) -> dict:
    """A cache's record (JSON object) as the last build left it; {} when it is missing or damaged: the
    cache is then empty, never wrong."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def tree(folder: Path) -> list[Path]:
    """Every file and folder under `folder` (symlinks listed, not followed)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        found += [Path(dirpath) / name for name in dirnames + filenames]
    return found


def link_files(source: Path, target: Path, conflict: str = "", skip: frozenset[str] = frozenset()) -> None:
    """Every file of `source` (but those named in `skip`) into `target` as a hard link, a copy where
    links are not possible. A file `target` already has must be the same bytes; `conflict` says
    what it means if it is not."""
    for path in tree_files(source):
        relative = path.relative_to(source)
        if relative.as_posix() in skip:
            continue
        destination = target / relative
        if destination.exists():
            if destination.read_bytes() != path.read_bytes():
                raise BuildError(path, f"differs from the {relative.as_posix()} already there: {conflict}")
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, destination)
        except OSError:
            shutil.copy2(path, destination)


def last_build(project: Project) -> Path:
    return project.work / "site.stamp"


def up_to_date(project: Project, stamp: str) -> bool:
    """site/ is the build of exactly these inputs (fingerprint.project_stamp)."""
    path = last_build(project)
    return project.site.is_dir() and path.is_file() and path.read_text("utf-8").strip() == stamp


def forget_build(project: Project) -> None:
    """Called before a build changes anything: a build that fails or is killed leaves no stamp."""
    last_build(project).unlink(missing_ok=True)


def record_build(project: Project, stamp: str) -> None:
    last_build(project).write_text(stamp + "\n", "utf-8")


class BulletinKeys:
    """Each bulletin's inputs as one key, for the caches of what is made from one bulletin (its pages,
    its handouts): its folder (text, metadata, notes, curated links, translations), the folders of the
    bulletins paired with it (their text and translations show in its cross-links), the glossary, the
    Traditional overrides, the project's settings and this package."""

    def __init__(self, project: Project, crosslinks: Crosslinks):
        self.crosslinks = crosslinks
        self.shared = digest(code_digest(), *project.settings,
                             *(path.read_bytes() if path.is_file() else b"" for path in
                               (project.glossary_file, project.overrides_file)))
        self._folders: dict[Path, str] = {}
        self._keys: dict[int, str] = {}  # by id() of the bulletin: asked once per edition and cache

    def _folder(self, bulletin: Bulletin) -> str:
        folder = bulletin.path.parent
        if folder not in self._folders:
            self._folders[folder] = files_digest(tree_files(folder), folder)
        return self._folders[folder]

    def key(self, bulletin: Bulletin) -> str:
        if id(bulletin) not in self._keys:
            partners = sorted(self.crosslinks.partners(bulletin), key=lambda b: b.id)
            self._keys[id(bulletin)] = digest(self.shared, bulletin.id, self._folder(bulletin),
                                              *(f"{b.id}:{self._folder(b)}" for b in partners))
        return self._keys[id(bulletin)]


def by_bulletin(paths) -> dict[str, list[str]]:
    """Relative paths (`<bulletin>/…`) by their first folder, the bulletin's id, in the order given."""
    found: dict[str, list[str]] = {}
    for path in paths:
        head, slash, _ = path.partition("/")
        if slash:
            found.setdefault(head, []).append(path)
    return found


class PageCache:
    """Which bulletins' pages docs/ already holds as rendering would write them now, so that a
    rebuild renders only the bulletins an edit touches (rendering is the slowest Python step:
    about 25 s per edition at 1,000 bulletins).

    A bulletin's pages in an edition are made from its inputs (BulletinKeys) and its handouts' sizes;
    the key of each names all of them. build/cache/pages.json keeps, per edition and bulletin, the key
    its pages in docs/ were written under, and their paths.
    """

    def __init__(self, project: Project, crosslinks: Crosslinks, sizes: dict[str, int] | None,
                 inputs: BulletinKeys | None = None):
        self.file = project.work / "cache" / "pages.json"
        self.docs = project.docs
        self.inputs = inputs or BulletinKeys(project, crosslinks)
        # Each bulletin's handouts and their sizes: a scan of every handout for each bulletin grew with
        # the square of the archive.
        self.sizes = {bulletin: json.dumps([(path, (sizes or {})[path]) for path in sorted(paths)])
                      for bulletin, paths in by_bulletin(sizes or {}).items()}
        self.manifest = load_record(self.file)

    def key(self, edition: Edition, bulletin: Bulletin) -> str:
        return digest(self.inputs.key(bulletin), edition.code, self.sizes.get(bulletin.id, "[]"))

    def reuse(self, edition: Edition, bulletin: Bulletin) -> list[str] | None:
        entry = self.manifest.get(edition.code, {}).get(bulletin.id)
        if not isinstance(entry, dict) or entry.get("key") != self.key(edition, bulletin):
            return None
        files = entry.get("files")
        folder = self.docs / edition.code
        if not isinstance(files, list) or not all(isinstance(f, str) and (folder / f).is_file() for f in files):
            return None  # docs/ was cleaned, or a file went missing: render again
        return files

    def record(self, edition: Edition, paths: list[str], bulletins: list[Bulletin]) -> None:
        """docs/<edition>/ now holds these pages: remember each bulletin's under its key."""
        files = by_bulletin(paths)
        self.manifest[edition.code] = {bulletin.id: {"key": self.key(edition, bulletin),
                                                     "files": files.get(bulletin.id, [])}
                                       for bulletin in bulletins}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_suffix(".part")
        partial.write_text(json.dumps(self.manifest, sort_keys=True), "utf-8")
        partial.replace(self.file)
