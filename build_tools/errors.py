"""Errors that stop the build, each naming the file (and line) a person must fix."""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path


class BuildError(Exception):
    """`path:line: message`, the form editors and CI logs turn into links."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, col: int | None = None,
                 details: str = ""):
        self.path = Path(path)
        self.line = line
        self.col = col
        self.message = message
        self.details = details  # a tool's own output, shown under the message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        # One line, whatever the input held: a newline in a key could start a line of its own in a CI
        # log ("::error::…" is a command to GitHub Actions). A tool's output follows, each line marked.
        return f"{where}: {printable(self.message)}" + "".join(f"\n  | {printable(line)}"
                                                                for line in self.details.splitlines())


def display_path(path: Path) -> str:
    """The path relative to the working directory when it is inside it (symlinks not followed: a
    link is named as itself, never as what it points to)."""
    absolute = Path(os.path.abspath(path))
    try:
        shown = str(absolute.relative_to(Path(os.path.abspath(Path.cwd()))))
    except ValueError:
        try:
            shown = str(absolute.relative_to(Path.cwd().resolve()))
        except ValueError:
            shown = str(path)
    return printable(shown)


def printable(text: str) -> str:
    """`text` with control and other unprintable characters written as escapes (a folder's name can
    hold a newline, or a terminal's escape sequence, and messages go to CI logs; `inspect` prints
    source text from strangers the same way)."""
    if text.isprintable():
        return text
    return "".join(repr(ch)[1:-1] if unicodedata.category(ch) in _HIDDEN else ch for ch in text)


_HIDDEN = ("Cc", "Cf", "Zl", "Zp")  # controls, format characters (bidi, zero-width), line separators


def short(value, limit: int = 40) -> str:
    """`value` quoted for a message, at most about `limit` characters of it: a message never repeats
    a whole value (one line of a hostile file can be megabytes long)."""
    shown = repr(value)
    return shown if len(shown) <= limit + 2 else shown[:limit] + "…" + shown[-1]
