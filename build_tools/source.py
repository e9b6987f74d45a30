"""Reading a bulletin from disk: its raw text, checked, and its metadata file.

A bulletin is a folder in `source_texts/` holding `source.txt` (the text exactly as
received, never edited) and `bulletin.yml` (publisher, date, page, source, article
ids). `export` also accepts any other `.txt` file; a `bulletin.yml` beside it is
used when present.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import BuildError
from .textfile import decode_utf8, read_utf8

SOURCE_NAME = "source.txt"
META_NAME = "bulletin.yml"
META_FIELDS = {"id", "publisher", "publisher_en", "date", "page", "source", "url", "received_as", "sha256", "articles"}


@dataclass
class Source:
    path: Path
    text: str
    meta: dict

    @property
    def id(self) -> str:
        return str(self.meta.get("id") or default_id(self.path))


def default_id(path: Path) -> str:
    return path.parent.name if path.name == SOURCE_NAME else path.stem


def find_bulletins(root: Path) -> list[Path]:
    """Every `source_texts/<bulletin>/source.txt`, in a stable order."""
    paths = sorted(root.glob(f"*/{SOURCE_NAME}"))
    if not paths:
        raise BuildError(root, f"no bulletin found: expected folders holding a {SOURCE_NAME}")
    return paths


def read_source(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise BuildError(path, f"cannot read the file ({err.strerror})") from None
    text = decode(path, data)
    meta = read_meta(path.parent / META_NAME) if (path.parent / META_NAME).exists() else {}
    if meta.get("sha256") and hashlib.sha256(data).hexdigest() != meta["sha256"]:
        raise BuildError(
            path,
            f"the bytes differ from those recorded in {META_NAME} (sha256). Source files stay "
            "exactly as received: undo the edit and record corrections as editorial notes; "
            f"for a new text, update sha256 in {META_NAME}",
        )
    return Source(path, text, meta)


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text, or an error that says what the file is and how to fix it."""
    if not data.strip():
        raise BuildError(path, "the file is empty: a bulletin needs its text")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise BuildError(path, "this is a binary file, not text (it contains NUL bytes); "
                               "give the bulletin as UTF-8 plain text", line)
    text = decode_utf8(path, data)
    return text.removeprefix("\ufeff")


def read_meta(path: Path) -> dict:
    try:
        meta = yaml.safe_load(read_utf8(path))
    except yaml.MarkedYAMLError as err:
        mark, context = err.problem_mark, err.context_mark
        where = f" ({err.context} that starts at line {context.line + 1})" if context and err.context else ""
        raise BuildError(path, f"broken YAML: {err.problem}{where}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as err:
        raise BuildError(path, f"cannot read YAML: {err}") from None
    if not isinstance(meta, dict):
        raise BuildError(path, "expected a mapping of fields (publisher: …, date: …)", 1)
    unknown = sorted(set(meta) - META_FIELDS)
    if unknown:
        raise BuildError(path, f"unknown field {unknown[0]!r}; known fields: {', '.join(sorted(META_FIELDS))}",
                         _line_of(path, unknown[0]))
    articles = meta.get("articles") or {}
    if not isinstance(articles, dict) or not all(isinstance(v, str) for v in articles.values()):
        raise BuildError(path, "'articles' maps an article title to its id (title: id)", _line_of(path, "articles"))
    meta["articles"] = articles
    if "date" in meta:
        meta["date"] = str(meta["date"])
    return meta


def _line_of(path: Path, key: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return None
