"""Which handouts a rebuild need not make again: their HTML is not even rendered.

write_pdfs prints a handout only if no PDF of the same HTML is in build/cache/pdf/, but finding it
there took the HTML of every handout: 7 s at 1,000 bulletins (2,875 handouts) for a one-line edit.
A bulletin's handouts are made from the same inputs as its pages (incremental.BulletinKeys: its
folder, its partners' folders, the glossary, the overrides, the settings, this package) and the
printing tools and fonts (handouts.print_stamp). build/cache/handouts.json keeps, per bulletin,
the key of those inputs its handouts were last made under, and the key of each one's PDF; a
bulletin whose key is the same, and whose PDFs the cache still holds, is not rendered again.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .editions import Edition
from .fingerprint import digest
from .handouts import pdf_keys, print_stamp, render_handouts, write_pdfs
from .incremental import BulletinKeys, by_bulletin, load_record
from .linking import Crosslinks
from .model import Bulletin
from .project import Project

_KEY = re.compile(r"[0-9a-f]{64}")  # a PDF's key names a file of the cache: nothing else is taken


class HandoutCache:
    def __init__(self, project: Project, crosslinks: Crosslinks, inputs: BulletinKeys | None = None):
        self.file = project.work / "cache" / "handouts.json"
        self.pdfs = project.work / "cache" / "pdf"
        self.inputs = inputs or BulletinKeys(project, crosslinks)
        self.stamp = print_stamp()
        self.manifest = load_record(self.file)

    def key(self, bulletin: Bulletin) -> str:
        return digest(self.inputs.key(bulletin), self.stamp)

    def reuse(self, bulletin: Bulletin) -> dict[str, str] | None:
        """The bulletin's handouts (relative path → the key of its PDF) if they are what rendering and
        printing would make now, and the cache holds each PDF; else None."""
        entry = self.manifest.get(bulletin.id)
        if not isinstance(entry, dict) or entry.get("key") != self.key(bulletin):
            return None
        files = entry.get("files")
        if not isinstance(files, dict) or not all(
                isinstance(path, str) and path.startswith(f"{bulletin.id}/pdf/") and isinstance(key, str)
                and _KEY.fullmatch(key) and (self.pdfs / f"{key}.pdf").is_file() for path, key in files.items()):
            return None  # a PDF was removed, or the record is damaged: render again
        return files

    def record(self, bulletins: list[Bulletin], keys: dict[str, str]) -> None:
        """These bulletins' handouts (`keys`: relative path → PDF key) are in the cache: remember them.
        Only this build's: the PDF cache keeps only this build's PDFs too."""
        files = by_bulletin(keys)
        manifest = {bulletin.id: {"key": self.key(bulletin),
                                  "files": {path: keys[path] for path in files.get(bulletin.id, [])}}
                    for bulletin in bulletins}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_suffix(".part")
        partial.write_text(json.dumps(manifest, sort_keys=True), "utf-8")
        partial.replace(self.file)


def print_handouts(project: Project, bulletins: list[Bulletin], crosslinks: Crosslinks, editions: list[Edition],
                   out: Path) -> dict[str, int]:
    """The handouts of `bulletins` into `out`, through the PDF cache, rendered only for the bulletins whose
    inputs changed; relative path → size, as write_pdfs."""
    cache = HandoutCache(project, crosslinks)
    kept: dict[str, str] = {}
    changed = []
    for bulletin in bulletins:
        files = cache.reuse(bulletin)
        if files is None:
            changed.append(bulletin)
        else:
            kept.update(files)
    pages = render_handouts(changed, crosslinks, editions)
    sizes = write_pdfs(pages, out, cache.pdfs, kept)
    cache.record(bulletins, {**kept, **pdf_keys(pages)})
    return sizes
