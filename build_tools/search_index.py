"""The search index: Pagefind over each edition on its own, kept between builds.

One Pagefind bundle serves the site, with an index per language (pagefind/pagefind-entry.json
lists them). It is made one edition at a time, each run's files kept in build/search/<edition>/,
and the bundle put together from them (Pagefind names its files by content, so the runs' files
never collide; the files every run writes, its scripts, are the same bytes). Measured at 1,000
bulletins: one run over the whole site took 90 s of CPU and 4.7 GB; the Simplified edition alone
36 s and 2.3 GB, the English 19 s and 0.9 GB.

An edition is indexed again only when what Pagefind reads of it may have changed (`STALE_BY`):
the English translations, for one, show on the Chinese editions only beside the text and in the
cross-links, which the index leaves out (`EXCLUDED`), so a translation edit re-indexes English only.
"""
from __future__ import annotations

import fnmatch
import json
import os
import shutil
import sys
from pathlib import Path

from .fingerprint import file_digest, tree_files
from .runner import run
from .incremental import link_files

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

# Which editions' indexes a changed source file can change, by the file's path under source_texts/.
# First match wins; a file that matches none (text, metadata, notes, curated links, glossary,
# overrides, any new kind of file) re-indexes every edition.
STALE_BY = (
    # A translation shows as text on the English edition only (beside the text elsewhere: excluded).
    ("*/en/*.yml", ("en",)),
)


def stale_editions(before: dict[str, str] | None, now: dict[str, str], codes: list[str]) -> set[str]:
    """The editions to index again, from the digests of source_texts/ files at the last indexing and now
    (None: no index kept, or something besides source_texts/ changed: every edition)."""
    if before is None:
        return set(codes)
    stale: set[str] = set()
    for path in sorted(set(before) | set(now)):
        if before.get(path) == now.get(path):
            continue
        rule = next((editions for pattern, editions in STALE_BY if fnmatch.fnmatch(path, pattern)), tuple(codes))
        stale.update(rule)
    return stale


def build_index(stage: Path, roots: dict[str, str], folder: Path, stale: set[str], env: dict) -> None:
    """Index each edition in `stale` again (its pages are under `stage`/`roots[code]`), keep the others'
    runs from `folder`, and put the bundle together in `stage`/pagefind/."""
    inner = {root.strip("/") for root in roots.values() if root}  # the other editions' folders in the original's
    for code, root in roots.items():
        run_folder = folder / code
        if code not in stale and (run_folder / "pagefind-entry.json").is_file():
            continue
        shutil.rmtree(run_folder, ignore_errors=True)
        view = folder / f"{code}.view"  # the edition alone, at its place in the site (its URLs)
        shutil.rmtree(view, ignore_errors=True)
        edition_pages = stage / root if root else stage
        for path in tree_files(edition_pages):
            relative = path.relative_to(stage).as_posix()
            if not root and relative.split("/")[0] in inner:
                continue
            if path.suffix == ".html":
                (view / relative).parent.mkdir(parents=True, exist_ok=True)
                os.link(path, view / relative)
        run(pagefind_command(view, run_folder), env, "Pagefind")
        shutil.rmtree(view, ignore_errors=True)
    bundle = stage / "pagefind"
    languages: dict = {}
    entry: dict = {}
    for code in roots:
        run_folder = folder / code
        entry = json.loads((run_folder / "pagefind-entry.json").read_text("utf-8"))
        languages.update(entry["languages"])
        link_files(run_folder, bundle, "two Pagefind runs wrote different files of one name; rm -rf build/search "
                   "and build again", skip=frozenset({"pagefind-entry.json"}))
    # Sorted: Pagefind lists its language indexes in no fixed order, and builds are byte-identical.
    entry["languages"] = languages
    (bundle / "pagefind-entry.json").write_text(
        json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")), "utf-8")


def load_digests(path: Path) -> dict[str, str] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def source_digests(texts: Path) -> dict[str, str]:
    return {path.relative_to(texts).as_posix(): file_digest(path) for path in tree_files(texts)}
