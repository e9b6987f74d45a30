"""Projects of n bulletins for the benchmark, from varied real texts.

Bulletin i is one of eight real texts in turn: the first bulletin (with its translations, notes
and links), the five People's Daily document + interview pairs of tests/fixtures/corpus/, and
its two whole printed pages; each copy is dated one day earlier than the one before, so that a
project of 1,000 spans 1,000 dates, as an archive would. Only the first bulletin's copies carry
English translations: the others show "no English yet", as a new bulletin does.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "fixtures" / "corpus"
FIRST = REPO / "source_texts" / "2026-04-26-xinhua"
NEWEST = dt.date(2026, 4, 26)


def texts() -> list[tuple[str, bytes | None]]:
    """(short name, source bytes), None for the first bulletin's own folder."""
    pool: list[tuple[str, bytes | None]] = [("xinhua", None)]
    for pair in sorted(p for p in CORPUS.iterdir() if (p / "document.txt").is_file()):
        # A document followed by its interview, as a page carries them.
        pool.append((pair.name[11:], (pair / "document.txt").read_bytes() + b"\r\n\r\n"
                     + (pair / "interview.txt").read_bytes()))
    for page in sorted((CORPUS / "pages").glob("*.txt")):
        pool.append((page.stem[11:], page.read_bytes()))
    return pool


def make_project(n: int, root: Path) -> Path:
    """A project folder of `n` bulletins (the repository's mkdocs.yml, theme, glossary and overrides)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    source_texts = root / "source_texts"
    source_texts.mkdir()
    for name in ("zh-Hant.yml", "glossary.yml"):
        shutil.copy2(REPO / "source_texts" / name, source_texts / name)
    pool = texts()
    for i in range(n):
        name, data = pool[i % len(pool)]
        date = (NEWEST - dt.timedelta(days=i)).isoformat()
        folder = source_texts / f"{date}-{name}"
        if data is None:
            shutil.copytree(FIRST, folder)
            meta = folder / "bulletin.yml"
            meta.write_text(re.sub(r"^date: .*$", f"date: {date}", meta.read_text("utf-8"), count=1, flags=re.M),
                            "utf-8")
            continue
        folder.mkdir()
        (folder / "source.txt").write_bytes(data)
        (folder / "bulletin.yml").write_text(
            f"publisher: 人民日报\npublisher_en: People's Daily\ndate: {date}\n"
            f"sha256: {hashlib.sha256(data).hexdigest()}\n", "utf-8")
    return root


# The English entry edit_one_entry changes: the Opinion article's clause opinion__sec3__cl6,
# one phrase of it turned into the other and back.
EDITED_CLAUSE = "opinion__sec3__cl6"
PHRASES = ("Urge internet platform companies to earnestly fulfill",
           "Press internet platform companies to earnestly fulfill")


def newest_xinhua(root: Path) -> str:
    """The id (folder name) of the newest copy of the first bulletin: the one edit_one_entry edits,
    and whose pages the benchmark weighs."""
    return sorted(p.name for p in (root / "source_texts").glob("*-xinhua"))[-1]


def edit_one_entry(root: Path) -> Path:
    """Change one English entry of the newest bulletin (a contributor's typical pull request); the file."""
    path = root / "source_texts" / newest_xinhua(root) / "en" / "opinion.yml"
    text = path.read_text("utf-8")
    old, new = PHRASES if PHRASES[0] in text else PHRASES[::-1]
    path.write_text(text.replace(old, new), "utf-8")
    return path


def edited_phrase(root: Path) -> str:
    """Which of the two phrases the edited entry holds now."""
    text = (root / "source_texts" / newest_xinhua(root) / "en" / "opinion.yml").read_text("utf-8")
    return PHRASES[0] if PHRASES[0] in text else PHRASES[1]
