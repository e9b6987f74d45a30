"""Corrections of the parser's guesses, from `corrections:` in bulletin.yml.

A correction names a line of source.txt and quotes it, so that it can never apply to
another line unnoticed; each must apply to a decision the parser makes there, or it is an
error (a correction that no longer applies is a stale one). One that confirms what the
parser guessed is accepted: it records that a person checked the guess. `inspect` shows the
guesses it corrects.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import BuildError, short
from .model import split_lines
from .source import META_NAME, Source

ROLES = {"overline": "kicker", "title": "title", "subtitle": "subtitle"}


@dataclass
class Correction:
    line: int
    meta_line: int | None
    article: str | None = None
    headline: list[str] | None = None
    kind: str | None = None
    parts: str | None = None
    clauses: str | None = None
    used: set[str] = field(default_factory=set)  # the keys the parser consulted

    def wanted(self) -> set[str]:
        return {k for k in ("article", "headline", "kind", "parts", "clauses") if getattr(self, k) is not None}


class Corrections:
    """The corrections of one bulletin, by source line."""

    def __init__(self, source: Source | None = None):
        self.source = source
        self.by_line: dict[int, Correction] = {}
        if source is None:
            return
        lines = split_lines(source.text)
        for index, entry in enumerate(source.meta.get("corrections") or []):
            meta_line = source.meta_file.line(("corrections", index)) if source.meta_file else None
            number = entry["line"]
            if number > len(lines):
                self.error(f"corrections: line {number} is past the end of {source.path.name} "
                           f"({len(lines)} lines)", meta_line)
            printed = lines[number - 1].strip()
            quoted = entry["text"].strip()
            if not quoted or not printed.startswith(quoted):
                self.error(f"corrections: line {number} of {source.path.name} reads {short(printed)}, not "
                           f"{short(quoted)}; copy the line as `inspect` shows it", meta_line)
            if number in self.by_line:
                self.error(f"corrections: line {number} is corrected twice; merge the two entries", meta_line)
            self.by_line[number] = Correction(number, meta_line, entry.get("article"), entry.get("headline"),
                                              entry.get("kind"), entry.get("parts"), entry.get("clauses"))

    def at(self, line: int, what: str):
        """The correction of `what` at `line`, marked used; None if there is none."""
        correction = self.by_line.get(line)
        if correction is None or getattr(correction, what) is None:
            return None
        correction.used.add(what)
        return getattr(correction, what)

    def error(self, message: str, line: int | None):
        raise BuildError(self.source.path.parent / META_NAME, message, line)

    def check_all_used(self) -> None:
        """A correction the parser never consulted no longer matches what it sees: say so."""
        for correction in self.by_line.values():
            unused = sorted(correction.wanted() - correction.used)
            if unused:
                self.error(f"corrections: line {correction.line}: {', '.join(unused)} does not apply there "
                           f"({_where(unused[0])}); run `python -m build_tools inspect` to see what the parser "
                           "reads", correction.meta_line)


def _where(what: str) -> str:
    return {
        "article": "article: needs the first line of a paragraph",
        "headline": "headline: needs the first line of a title run, one role per line of the run",
        "kind": "kind: needs the first line of an article's header",
        "parts": "parts: needs the first line of a document's header",
        "clauses": "clauses: needs the first line of a document's header",
    }[what]
