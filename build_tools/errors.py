"""Errors that stop the build, each naming the file (and line) a person must fix."""
from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """`path:line: message`, the form editors and CI logs turn into links."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, col: int | None = None):
        self.path = Path(path)
        self.line = line
        self.col = col
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.message}"


def display_path(path: Path) -> str:
    """The path relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def short(value, limit: int = 40) -> str:
    """`value` quoted for a message, at most about `limit` characters of it: a message never repeats
    a whole value (one line of a hostile file can be megabytes long)."""
    shown = repr(value)
    return shown if len(shown) <= limit + 2 else shown[:limit] + "…" + shown[-1]
