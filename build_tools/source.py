"""Reading bulletins from disk: the project's folders, each bulletin's raw text, checked, and
its metadata file.

A bulletin is a folder in `source_texts/` holding `source.txt` (the text exactly as
received, never edited) and `bulletin.yml` (publisher, date, page, source, sha256, article
ids), with optional `notes.yml`, `links.yml` and translations in `en/`. Beside the
folders, `source_texts/` holds `glossary.yml` and `zh-Hant.yml`. Everything there comes by
pull request, so the tree is checked before anything is read: no symlinks, no pipes or
devices, no unknown files, folder names of the strict form (`names.py`). `export` also
accepts any other `.txt` file; a `bulletin.yml` beside it is used when present.
"""
from __future__ import annotations

import datetime
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from . import limits
from .errors import BuildError, short
from .names import FORM, NAME, RESERVED_AT_ROOT, name_problem
from .textfile import check_lines, decode_utf8, line_col, read_bytes, utf16_name
from .validation import first_error
from .yamlfile import YamlFile, load_yaml

SOURCE_NAME = "source.txt"
META_NAME = "bulletin.yml"
# What source_texts/ and a bulletin's folder may hold; anything else is a mistake to point out
# (a misspelt notes file would otherwise be ignored without a word). Files whose name starts
# with a dot (.gitkeep) and Markdown files (a README) are never read and so allowed.
TOP_FILES = ("glossary.yml", "zh-Hant.yml")
BULLETIN_FILES = (SOURCE_NAME, META_NAME, "notes.yml", "links.yml")
TRANSLATION_FOLDERS = ("en",)


@dataclass
class Source:
    path: Path
    text: str
    meta: dict
    meta_file: YamlFile | None = None  # bulletin.yml as read, for the lines of its values

    @property
    def id(self) -> str:
        return str(self.meta.get("id") or default_id(self.path))


def default_id(path: Path) -> str:
    return path.parent.name if path.name == SOURCE_NAME else path.stem


def find_bulletins(root: Path) -> list[Path]:
    """Every `source_texts/<bulletin>/source.txt`, in a stable order, once the tree is checked."""
    folders = check_tree(root)
    if not folders:
        raise BuildError(root, f"no bulletin found: expected folders holding a {SOURCE_NAME}")
    return [folder / SOURCE_NAME for folder in folders]


def check_tree(root: Path) -> list[Path]:
    """The bulletin folders of `root` (source_texts/), after refusing what no pull request may bring."""
    if root.is_symlink():
        raise BuildError(root, "is a symbolic link; source_texts/ must be a folder of the repository")
    if not root.is_dir():
        raise BuildError(root, "no such folder: the project's texts live in source_texts/")
    folders = []
    for entry in _entries(root):
        if entry.is_dir(follow_symlinks=False):
            problem = name_problem(entry.name)
            if problem:
                raise BuildError(entry.path, f"bulletin folder name: {problem}; rename the folder")
            _check_bulletin_folder(Path(entry.path))
            folders.append(Path(entry.path))
        elif entry.name not in TOP_FILES:
            raise BuildError(entry.path, f"unknown file in source_texts/ (it holds bulletin folders, "
                             f"{' and '.join(TOP_FILES)}); move or rename it")
    return folders


def _check_bulletin_folder(folder: Path) -> None:
    names = set()
    for entry in _entries(folder):
        names.add(entry.name)
        if entry.is_dir(follow_symlinks=False) and entry.name in TRANSLATION_FOLDERS:
            total = 0
            for translation in _entries(Path(entry.path)):
                stem, dot, extension = translation.name.rpartition(".")
                if translation.is_dir(follow_symlinks=False) or extension != "yml" or not NAME.match(stem):
                    raise BuildError(translation.path, f"unknown file in {entry.name}/: it holds one <article>.yml "
                                     f"per article ({FORM}); move or rename it")
                total += translation.stat(follow_symlinks=False).st_size
            if total > limits.TRANSLATION_BYTES:
                raise BuildError(entry.path, f"the translation files of this bulletin hold {total:,} bytes; the limit "
                                 f"is {limits.TRANSLATION_BYTES:,} (build_tools/limits.py)")
        elif entry.is_dir(follow_symlinks=False) or entry.name not in BULLETIN_FILES:
            raise BuildError(entry.path, f"unknown {'folder' if entry.is_dir() else 'file'} in a bulletin folder "
                             f"(it holds {', '.join(BULLETIN_FILES)} and en/); move or rename it")
    for required in (SOURCE_NAME, META_NAME):
        if required not in names:
            raise BuildError(folder / required, f"missing: every bulletin folder holds {SOURCE_NAME} and {META_NAME} "
                             "(README, \"Adding a bulletin\")")


def _entries(folder: Path) -> list[os.DirEntry]:
    """The entries of `folder` to check, sorted; symlinks and special files refused, files starting with a
    dot or ending in .md skipped (never read); every folder kept."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    kept = []
    for entry in entries:
        if entry.is_symlink():
            raise BuildError(entry.path, "is a symbolic link; contributor files and folders must be ordinary files "
                             "and folders of the repository (a link is never followed): replace it")
        mode = entry.stat(follow_symlinks=False).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise BuildError(entry.path, "is not an ordinary file or folder (a pipe, socket or device); remove it")
        if stat.S_ISDIR(mode) or not (entry.name.startswith(".") or entry.name.endswith(".md")):
            kept.append(entry)
    return kept


def read_source(path: Path) -> Source:
    data = read_bytes(path, limits.SOURCE_BYTES)
    text = decode(path, data)
    check_lines(path, text, limits.SOURCE_LINE_CHARS)
    meta_path = path.parent / META_NAME
    meta_file = read_meta(meta_path) if meta_path.exists() or meta_path.is_symlink() else None
    meta = meta_file.data if meta_file else {}
    if meta.get("sha256") and hashlib.sha256(data).hexdigest() != meta["sha256"]:
        raise BuildError(
            path,
            f"the bytes differ from those recorded in {META_NAME} (sha256). Source files stay "
            "exactly as received: undo the edit and record corrections as editorial notes; "
            f"for a new text, update sha256 in {META_NAME}",
        )
    return Source(path, text, meta, meta_file)


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text with LF or CRLF line ends, or an error that says what the file is and how to fix it."""
    if not data.strip():
        raise BuildError(path, "the file is empty: a bulletin needs its text")
    if b"\x00" in data and not utf16_name(data):
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise BuildError(path, "this is a binary file, not text (it contains NUL bytes); "
                               "give the bulletin as UTF-8 plain text", line)
    text = decode_utf8(path, data).removeprefix("\ufeff")
    lone = _lone_carriage_return(text)
    if lone is not None:
        raise BuildError(path, "a carriage return without a line feed: line ends must be LF or CRLF (this looks like "
                         "an old Mac file); convert it with `tr '\\r' '\\n' < old.txt > source.txt` and record the "
                         "new sha256", *line_col(text, lone))
    return text


def _lone_carriage_return(text: str) -> int | None:
    at = text.find("\r")
    while at >= 0:
        if text[at + 1 : at + 2] != "\n":
            return at
        at = text.find("\r", at + 2)
    return None


def read_meta(path: Path) -> YamlFile:
    """bulletin.yml, checked against its schema, its date a real date; `articles` always a mapping."""
    file = load_yaml(path)
    if not isinstance(file.data, dict):
        raise BuildError(path, "expected a mapping of fields (publisher: …, date: …)", 1)
    error = first_error(file, "bulletin")
    if error:
        raise error
    meta = file.data
    meta["articles"] = meta.get("articles") or {}
    if "date" in meta:
        try:
            datetime.date.fromisoformat(meta["date"])
        except ValueError:
            raise BuildError(path, f"date: {short(meta['date'])} is not a date of the calendar (YYYY-MM-DD)",
                             file.line(("date",))) from None
    return file


def check_bulletin_id(source: Source) -> None:
    """The id a bulletin publishes under (`id:`, or its folder's name): the strict form, no name of the site's own."""
    explicit = "id" in source.meta
    problem = name_problem(source.id, RESERVED_AT_ROOT)
    if problem:
        where = source.path.parent / META_NAME if explicit else source.path.parent
        line = source.meta_file.line(("id",)) if explicit and source.meta_file else None
        raise BuildError(where, f"bulletin id: {problem}", line)
