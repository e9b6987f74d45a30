"""The search index: Pagefind over each edition and each year of bulletins on its own, kept between builds.

The bundle is one Pagefind bundle per year of bulletins, the newest year's at pagefind/ (with
the pages outside the bulletins: the glossary) and each older year's at pagefind/<year>/, with
an index per language in each (pagefind-entry.json lists them); pagefind/groups.json names the
older years, newest first. The search dialog searches the newest year first and shows its best
results, then merges the older years (Pagefind's mergeIndex, which shares the first bundle's
WASM) and lists the rest: a first search downloads the metadata of one year's pages, not the
archive's (28.6 KB of the 155 KB a first search took at 1,000 bulletins, and growing with them).

Each bundle is made one edition at a time, each run's files kept in build/search/<edition>/<year>/,
and put together from them (Pagefind names its files by content, so the runs' files never
collide; the files every run writes, its scripts, are the same bytes, and only the newest year's
bundle holds them). Measured at 1,000 bulletins: one run over the whole site took 90 s of CPU and
4.7 GB; the Simplified edition alone 36 s and 2.3 GB, the English 19 s and 0.9 GB.

A run is made again only when what Pagefind reads of its pages may have changed: its key names
the files of the year's bulletins and of the bulletins paired with them (their titles show on
its pages), and the files every page shows (glossary, overrides); the newest year's names every
file, for the glossary page lists them all. `REACHES` says which editions a file's text reaches:
an English translation shows on the Chinese editions only beside the text and in the
cross-links, which the index leaves out (`EXCLUDED`), so a translation edit re-indexes English
only, and only the year of its bulletin.
"""
from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .fingerprint import digest, file_digest, tree_files
from .linking import Crosslinks
from .model import Bulletin
from .runner import run
from .incremental import link_files, load_record

# What is not the text, left out of every index. Each index holds its edition's language only: the
# translation beside the text (`.en.secondary` on the Chinese editions, `.zh.secondary` on the
# English one) stays out, which halves the fragment every shown result downloads, and the `en`
# index could not segment Chinese anyway; the search box sends a query in the other language to
# the other edition's index (overrides/assets/javascripts/site-search/pagefind.js). Permalink
# marks (¶) stay out of result titles and excerpts, and so does what is not the text: the
# cross-links and their excerpts (found on their own page), the outline, the page's facts,
# handout, view and edit links. Named here rather than marked on every element: pages stay smaller.
EXCLUDED = (".headerlink, .blk-link, .zh.secondary, .en.secondary, .xref, .outline, .article-facts, "
            ".downloads, .view-switch, .edit-source")


def pagefind_command(site: Path, output: Path | None = None) -> list[str]:
    """Pagefind over `site`, an index per <html lang>, into `output` (default: `site`/pagefind/)."""
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--silent", "--exclude-selectors", EXCLUDED,
            *(["--output-path", str(output)] if output else [])]

# Which editions' pages a source file's text reaches, by its path under source_texts/. First
# match wins; a file that matches none (text, metadata, notes, curated links, glossary, overrides,
# any new kind of file) reaches every edition.
REACHES = (
    # A translation shows as text on the English edition only (beside the text elsewhere: excluded).
    ("*/en/*.yml", ("en",)),
)

GROUPS_FILE = "groups.json"  # in pagefind/: the older years' bundles, newest first, for the dialog
# What a bundle of an older year keeps of a run: its indexes. The scripts, WASM and UI files are
# the same in every run, and the dialog loads them from pagefind/ only.
INDEX_FILES = ("pagefind-entry.json", "*.pf_meta", "index/*", "fragment/*", "filter/*")


@dataclass
class Group:
    """The bulletins of one year, whose pages make one bundle."""

    name: str  # the year ("undated" when no bulletin has a date)
    bulletins: list[str]  # ids: their pages are under <edition root>/<id>/
    # The source_texts/ folders whose files reach its pages (its bulletins' and their partners'); None:
    # every file (the newest group, which also holds the pages outside the bulletins).
    folders: list[str] | None = None


def groups(bulletins: list[Bulletin], crosslinks: Crosslinks) -> list[Group]:
    """The bulletins by year of their date, newest first; an undated one goes with the newest year."""
    years: dict[str, list[Bulletin]] = {}
    for bulletin in bulletins:
        year = str(bulletin.meta.get("date") or "")[:4]
        years.setdefault(year if year.isdigit() else "", []).append(bulletin)
    newest = max(years, default="") or "undated"
    years[newest] = years.pop("", []) + years.get(newest, [])
    found = []
    for year in sorted(years, reverse=True):
        members = sorted(years[year], key=lambda b: b.id)
        reach = None
        if year != newest:
            reach = sorted({b.path.parent.name for member in members
                            for b in [member, *crosslinks.partners(member)]})
        found.append(Group(year, [b.id for b in members], reach))
    return found


def groups_json(found: list[Group]) -> list[dict]:
    """What a shard's manifest records of the groups, for `merge` to index as the single build does."""
    return [{"name": g.name, "bulletins": g.bulletins} for g in found]


GROUP_NAME = re.compile(r"[0-9]{4}|undated")  # what `groups` names a group (dates are YYYY-MM-DD)


def groups_from_json(data) -> list[Group]:
    """The groups a shard's manifest recorded. A name `groups` never gives is refused (ValueError): it
    names folders under build/search/ and pagefind/, which the build deletes and writes."""
    found = [Group(str(g["name"]), [str(b) for b in g["bulletins"]]) for g in data]
    for group in found:
        if not GROUP_NAME.fullmatch(group.name):
            raise ValueError(f"search group {group.name!r} is not a year")
    return found


def reaches(path: str, code: str) -> bool:
    """Whether the source file at `path` (under source_texts/) shows on the pages of edition `code`."""
    return code in next((editions for pattern, editions in REACHES if fnmatch.fnmatch(path, pattern)), (code,))


def run_keys(found: list[Group], codes: list[str], files: dict[str, str], inputs: str) -> dict[str, str]:
    """A key for each run (<edition>/<year>) naming what Pagefind reads of its pages: `inputs` (theme,
    tools, code, settings), its bulletins, and the digests of the source files that reach them
    (`files`: path under source_texts/ → digest)."""
    keys = {}
    for group in found:
        own = None if group.folders is None else set(group.folders)
        for code in codes:
            parts = [inputs, code, group.name, *group.bulletins]
            for path, value in sorted(files.items()):
                folder = path.split("/", 1)[0] if "/" in path else None  # None: glossary.yml, zh-Hant.yml
                if (own is None or folder is None or folder in own) and reaches(path, code):
                    parts += [path, value]
            keys[f"{code}/{group.name}"] = digest(*parts)
    return keys


def build_index(stage: Path, roots: dict[str, str], folder: Path, found: list[Group], env: dict,
                keys: dict[str, str] | None = None) -> None:
    """Index the pages of each edition (under `stage`/`roots[code]`), a run per group into
    `folder`/<edition>/<year>/, keeping a run whose key (`run_keys`) is the one it was made under
    (`keys` None: every run is made again); then put each group's bundle together in `stage`/pagefind/."""
    record = folder / "runs.json"
    kept = load_record(record) if keys is not None else {}
    record.unlink(missing_ok=True)  # until the runs below are complete, they match no key
    inner = {root.strip("/") for root in roots.values() if root}  # the other editions' folders in the original's
    group_of = {bulletin: group.name for group in found for bulletin in group.bulletins}
    newest = found[0].name
    for code, root in roots.items():
        stale = [group.name for group in found
                 if not (keys and kept.get(f"{code}/{group.name}") == keys[f"{code}/{group.name}"]
                         and (folder / code / group.name / "pagefind-entry.json").is_file())]
        pages: dict[str, list[str]] = {name: [] for name in stale}
        for path in tree_files(stage / root if root else stage) if stale else ():
            relative = path.relative_to(stage).as_posix()
            top = relative[len(root):].split("/")[0]  # a bulletin's id, or a page outside the bulletins
            if path.suffix != ".html" or (not root and top in inner):
                continue
            group = group_of.get(top, newest)
            if group in pages:
                pages[group].append(relative)
        for name, listed in pages.items():
            run_folder = folder / code / name
            shutil.rmtree(run_folder, ignore_errors=True)
            view = folder / f"{code}.view"  # the group's pages alone, at their place in the site (their URLs)
            shutil.rmtree(view, ignore_errors=True)
            for relative in listed:
                (view / relative).parent.mkdir(parents=True, exist_ok=True)
                os.link(stage / relative, view / relative)
            run(pagefind_command(view, run_folder), env, "Pagefind")
            shutil.rmtree(view, ignore_errors=True)
        _keep_only(folder / code, set(group_of.values()) | {newest})  # the runs of years no bulletin has any more go
    for group in found:
        target = stage / "pagefind" / ("" if group.name == newest else group.name)
        _bundle([folder / code / group.name for code in roots], target, whole=group.name == newest)
    _keep_only(folder, set(roots))  # and what an older build's layout left (runs.json is written below)
    older = [group.name for group in found[1:]]
    (stage / "pagefind" / GROUPS_FILE).write_text(json.dumps({"older": older}) + "\n", "utf-8")
    if keys is not None:
        record.write_text(json.dumps(keys, sort_keys=True), "utf-8")


def _bundle(runs: list[Path], target: Path, whole: bool) -> None:
    """The runs of one group (an edition each) as one bundle in `target`; `whole`: with Pagefind's
    scripts and WASM (the newest group's), else its indexes only."""
    languages: dict = {}
    entry: dict = {}
    for run_folder in runs:
        entry = json.loads((run_folder / "pagefind-entry.json").read_text("utf-8"))
        languages.update(entry["languages"])
        names = [path.relative_to(run_folder).as_posix() for path in tree_files(run_folder)]
        skip = {name for name in names if not whole and not any(fnmatch.fnmatch(name, p) for p in INDEX_FILES)}
        link_files(run_folder, target, "two Pagefind runs wrote different files of one name; rm -rf build/search "
                   "and build again", skip=frozenset(skip | {"pagefind-entry.json"}))
    # Sorted: Pagefind lists its language indexes in no fixed order, and builds are byte-identical.
    entry["languages"] = languages
    (target / "pagefind-entry.json").write_text(
        json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")), "utf-8")


def _keep_only(folder: Path, names: set[str]) -> None:
    for path in sorted(folder.iterdir()):
        if path.name in names:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def source_digests(texts: Path) -> dict[str, str]:
    return {path.relative_to(texts).as_posix(): file_digest(path) for path in tree_files(texts)}
