"""Editorial notes: `source_texts/<bulletin>/notes.yml`, each anchored to a block.

A note may quote the words it is about (`quote`, with `prefix`/`suffix` where the words
occur more than once), as a W3C Web Annotation text quote selector does: the note is
found by its words, not by a position, so it survives a correction elsewhere in the
block; when its words are gone, `check` reports it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Bulletin
from .yamlfile import YamlFile, load_yaml

FILE_NAME = "notes.yml"


@dataclass
class Note:
    id: str
    block: str
    kind: str
    zh: str
    en: str
    quote: str | None
    prefix: str
    suffix: str
    line: int | None


def notes_path(bulletin: Bulletin) -> Path:
    return bulletin.path.parent / FILE_NAME


def read_notes(file: YamlFile) -> list[Note]:
    """Notes from a file already checked against notes.schema.json."""
    return [Note(n["id"], n["block"], n["kind"], n["zh"], n["en"], n.get("quote"), n.get("prefix", ""),
                 n.get("suffix", ""), file.line((i,))) for i, n in enumerate(file.data or [])]


def load_notes(bulletin: Bulletin) -> list[Note]:
    path = notes_path(bulletin)
    return read_notes(load_yaml(path)) if path.exists() else []


def find_quote(note: Note, text: str) -> list[int]:
    """Where the note's words stand in `text` (all matches of quote with its prefix and suffix)."""
    if not note.quote:
        return []
    found, at = [], text.find(note.quote)
    while at >= 0:
        before = text[max(0, at - len(note.prefix)) : at]
        after = text[at + len(note.quote) : at + len(note.quote) + len(note.suffix)]
        if before == note.prefix and after == note.suffix:
            found.append(at)
        at = text.find(note.quote, at + 1)
    return found


def texts_of(bulletin: Bulletin) -> dict[str, str]:
    """Block ids (and article header keys) with the text a note can quote."""
    texts = {}
    for article in bulletin.articles:
        for name in ("kicker", "title", "subtitle", "date", "byline", "continued", "dateline", "credit"):
            piece = getattr(article, name)
            if piece:
                texts[f"{article.id}__{name}"] = piece.text
        for block in article.blocks:
            texts[block.id] = block.text
    return texts
