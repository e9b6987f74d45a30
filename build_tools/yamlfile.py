"""Contributor YAML, read with the line of every value, so that errors can name it.

PyYAML keeps the last of two equal keys without a word; here a repeated key is an
error, as is anything that is not plain YAML data.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError
from .textfile import read_utf8


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree, with marks. libyaml's parser when PyYAML has it: ten times faster
    (every translation file is read on every build); on an error, PyYAML's own parser again,
    whose messages say more ("expected ',' or ']', but got '<stream end>'")."""
    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


@dataclass
class YamlFile:
    path: Path
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, where: tuple = ()) -> int | None:
        """The line of the value at `where` (a path of keys and indexes), or of its nearest parent."""
        where = tuple(where)
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where)


def load_yaml(path: Path) -> YamlFile:
    text = read_utf8(path)
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as err:
        mark, context = err.problem_mark, err.context_mark
        where = f" ({err.context} that starts at line {context.line + 1})" if context and err.context else ""
        raise BuildError(path, f"broken YAML: {err.problem}{where}", mark.line + 1 if mark else None) from None
    result = YamlFile(path, None)
    result.data = _convert(root, (), result) if root is not None else None
    return result


def _convert(node: yaml.Node, where: tuple, into: YamlFile) -> Any:
    into.lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping = {}
        for key, value in node.value:
            name = key.value
            if name in mapping:
                raise BuildError(into.path, f"{name!r} appears twice (first at line {into.lines[where + (name,)]}); "
                                 "merge the two entries", key.start_mark.line + 1)
            into.lines[where + (name,)] = key.start_mark.line + 1
            mapping[name] = _convert(value, where + (name,), into)
            into.lines[where + (name,)] = key.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, where + (i,), into) for i, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    value = yaml.safe_load(yaml.serialize(node))
    # Dates are data like any other string here (2026-04-26 in bulletin.yml).
    return value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else value
