"""Nothing lost: every character of the source reaches the model exactly once.

Each piece of the model keeps the exact source slices it came from. The check
replays them against the source: every slice must be the source text at its line
and column, no character may be claimed twice, and every character that is not
whitespace must be claimed. Whitespace is layout (line breaks, blank lines,
indentation, the space after `■上接第1版`) and is the only thing a page may drop;
display text may differ from raw text only by the marks `punctuation` restores.
"""
from __future__ import annotations

from .errors import BuildError
from .model import Bulletin, split_lines
from .punctuation import is_display_of

SNIPPET = 24


def check_conservation(bulletin: Bulletin) -> None:
    lines = split_lines(bulletin.text)
    claimed = [bytearray(len(line)) for line in lines]
    for article in bulletin.articles:
        for piece in article.pieces():
            for seg in piece.segments:
                start = seg.col - 1
                found = lines[seg.line - 1][start : start + len(seg.text)] if seg.line <= len(lines) else ""
                if found != seg.text:
                    raise BuildError(bulletin.path, f"the model holds {_show(seg.text)} where the source has "
                                     f"{_show(found)} (parser bug: please report it with this file)", seg.line, seg.col)
                flags = claimed[seg.line - 1]
                if any(flags[start : start + len(seg.text)]):
                    raise BuildError(bulletin.path, f"{_show(seg.text)} reaches the model twice (parser bug: "
                                     "please report it with this file)", seg.line, seg.col)
                flags[start : start + len(seg.text)] = b"\x01" * len(seg.text)
            if not is_display_of(piece.text, piece.raw):
                raise BuildError(bulletin.path, f"display text {_show(piece.text)} differs from the source "
                                 "by more than punctuation", piece.line)
    for number, (line, flags) in enumerate(zip(lines, claimed), 1):
        for col, ch in enumerate(line):
            if not flags[col] and not ch.isspace():
                raise BuildError(bulletin.path, f"text lost: {_show(line[col:])} reaches no article "
                                 "(parser bug: please report it with this file)", number, col + 1)


def _show(text: str) -> str:
    return repr(text[:SNIPPET] + ("…" if len(text) > SNIPPET else ""))
