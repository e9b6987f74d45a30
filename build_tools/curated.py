"""Links curated by hand: `source_texts/<bulletin>/links.yml` adds or removes links, with a reason.

    add:
      - from: interview__q8__pt3        # an answer point or paragraph of the interview
        to: opinion__sec6__p1            # a block (or outline entry) of the document it explains
        reason: 加强跟踪指导 restates section 六's 研究解决…重点难点问题
    remove:
      - from: interview__q5__a1
        to: opinion__sec3__cl5
        reason: the lead only announces the four measures

The file sits beside the interview's source. Unknown ids, missing reasons, and
removals of links the aligner does not make are errors naming file and line.
"""
from __future__ import annotations

from pathlib import Path

from .errors import BuildError, short
from .yamlfile import load_yaml
from .model import Bulletin, Evidence, Link, Target
from .pairing import Pair

FILE_NAME = "links.yml"
FIELDS = ("from", "to", "reason")


def read_curated(bulletins: list[Bulletin]) -> dict[Path, list[tuple[str, int, dict]]]:
    """Every bulletin's links.yml, by its path, read once for the whole build."""
    paths = [b.path.parent / FILE_NAME for b in bulletins]
    return {path: read_entries(path) for path in paths if path.exists()}


def curated_path(pair: Pair) -> Path:
    return pair.interview_bulletin.path.parent / FILE_NAME


def apply_curated(pair: Pair, links: list[Link], targets: list[Target], entries: list[tuple[str, int, dict]],
                  used: set[tuple[Path, int]]) -> list[Link]:
    """`links` with the curated `entries` of `pair`'s bulletin applied to its interview; each entry applied
    is added to `used` (path, line), so that `check_all_used` can name an entry no interview took."""
    path = curated_path(pair)
    answers = {b.id: b for b in pair.interview.blocks if b.type in ("answer", "point")}
    for action, line, entry in entries:
        source = answers.get(entry["from"])
        if source is None:
            if entry["from"].split("__")[0] != pair.interview.id:
                continue  # an entry for another interview of this bulletin
            raise BuildError(path, f"{action}: unknown answer id {short(entry['from'])} in 'from' "
                             f"(answers here: {_range(list(answers))})", line)
        used.add((path, line))
        target = next((t for t in targets if entry["to"] in t.blocks), None)
        if target is None:
            ids = [t.block for t in targets]
            raise BuildError(path, f"{action}: unknown block id {short(entry['to'])} in 'to' (clauses, sections and passages "
                             f"of {pair.document.id}: {_range(ids)})", line)
        matching = [l for l in links if l.source is source and l.target.block == target.block]
        if action == "remove":
            if not matching:
                raise BuildError(path, f"remove: the aligner makes no link from {entry['from']} to {entry['to']}; "
                                 "delete this entry", line)
            links = [l for l in links if l not in matching]
        elif not matching:
            links.append(Link(source, pair.interview, pair.interview_bulletin, target, 1.0,
                              [Evidence("curated", entry["reason"])], origin="curated", reason=entry["reason"]))
        else:
            for link in matching:
                link.origin, link.reason = "curated", entry["reason"]
    return links


def check_all_used(curated: dict[Path, list[tuple[str, int, dict]]], pairs: list[Pair],
                   used: set[tuple[Path, int]]) -> None:
    """Every entry of every links.yml (`read_curated`) was taken by an interview: an entry whose `from`
    names no answer of an interview that explains a document would otherwise be ignored without a word."""
    for path, entries in curated.items():
        for action, line, entry in entries:
            if (path, line) in used:
                continue
            interviews = [p.interview.id for p in pairs if curated_path(p) == path]
            known = (f"interviews of this bulletin that explain a document: {', '.join(interviews)}" if interviews
                     else "no interview of this bulletin explains a document of this build")
            raise BuildError(path, f"{action}: {short(entry['from'])} in 'from' is no answer of an interview "
                             f"({known}); check the id", line)


def read_entries(path: Path) -> list[tuple[str, int, dict]]:
    """(action, line, entry) for every entry, checked for shape."""
    file = load_yaml(path)
    if file.data is None:
        return []
    if not isinstance(file.data, dict):
        raise BuildError(path, "expected 'add:' and/or 'remove:' lists", file.line())
    entries = []
    for section, items in file.data.items():
        if section not in ("add", "remove"):
            raise BuildError(path, f"unknown section {short(section)}: use 'add:' or 'remove:'", file.line((section,)))
        if not isinstance(items, list):
            raise BuildError(path, f"'{section}:' must be a list of entries (- from: …)", file.line((section,)))
        for index, item in enumerate(items):
            line = file.line((section, index))
            if not isinstance(item, dict):
                raise BuildError(path, "an entry needs from:, to: and reason:", line)
            entry = {k: v for k, v in item.items() if isinstance(v, str)}
            missing = [name for name in FIELDS if not str(entry.get(name) or "").strip()]
            if missing:
                raise BuildError(path, f"{section}: entry lacks {', '.join(missing)} (every link needs "
                                 "from:, to: and a reason:)", line)
            unknown = sorted(set(item) - set(FIELDS))
            if unknown:
                raise BuildError(path, f"{section}: unknown field {short(unknown[0])}; fields: from, to, reason", line)
            entries.append((section, line, entry))
    return entries


def _range(ids: list[str]) -> str:
    return f"{ids[0]} … {ids[-1]}" if len(ids) > 2 else ", ".join(ids)
