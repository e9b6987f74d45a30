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

import yaml

from .errors import BuildError
from .textfile import read_utf8
from .yamlfile import compose
from .model import Evidence, Link, Target
from .pairing import Pair

FILE_NAME = "links.yml"
FIELDS = ("from", "to", "reason")


def apply_curated(pair: Pair, links: list[Link], targets: list[Target]) -> list[Link]:
    path = pair.interview_bulletin.path.parent / FILE_NAME
    if not path.exists():
        return links
    entries = read_entries(path)
    answers = {b.id: b for b in pair.interview.blocks if b.type in ("answer", "point")}
    for action, line, entry in entries:
        source = answers.get(entry["from"])
        if source is None:
            if entry["from"].split("__")[0] != pair.interview.id:
                continue  # an entry for another interview of this bulletin
            raise BuildError(path, f"{action}: unknown answer id {entry['from']!r} in 'from' "
                             f"(answers here: {_range(list(answers))})", line)
        target = next((t for t in targets if entry["to"] in t.blocks), None)
        if target is None:
            ids = [t.block for t in targets]
            raise BuildError(path, f"{action}: unknown block id {entry['to']!r} in 'to' (clauses and sections of "
                             f"{pair.document.id}: {_range(ids)})", line)
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


def read_entries(path: Path) -> list[tuple[str, int, dict]]:
    """(action, line, entry) for every entry, checked for shape."""
    try:
        root = compose(read_utf8(path))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        raise BuildError(path, f"broken YAML: {err.problem}", mark.line + 1 if mark else None) from None
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise BuildError(path, "expected 'add:' and/or 'remove:' lists", root.start_mark.line + 1)
    entries = []
    for key, value in root.value:
        if key.value not in ("add", "remove"):
            raise BuildError(path, f"unknown section {key.value!r}: use 'add:' or 'remove:'", key.start_mark.line + 1)
        if not isinstance(value, yaml.SequenceNode):
            raise BuildError(path, f"'{key.value}:' must be a list of entries (- from: …)", value.start_mark.line + 1)
        for item in value.value:
            line = item.start_mark.line + 1
            if not isinstance(item, yaml.MappingNode):
                raise BuildError(path, "an entry needs from:, to: and reason:", line)
            entry = {k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)}
            missing = [name for name in FIELDS if not str(entry.get(name) or "").strip()]
            if missing:
                raise BuildError(path, f"{key.value}: entry lacks {', '.join(missing)} (every link needs "
                                 "from:, to: and a reason:)", line)
            unknown = sorted(set(k.value for k, _ in item.value) - set(FIELDS))
            if unknown:
                raise BuildError(path, f"{key.value}: unknown field {unknown[0]!r}; fields: from, to, reason", line)
            entries.append((key.value, line, entry))
    return entries


def _range(ids: list[str]) -> str:
    return f"{ids[0]} … {ids[-1]}" if len(ids) > 2 else ", ".join(ids)
