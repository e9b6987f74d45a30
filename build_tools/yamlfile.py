"""Contributor YAML, read safely, with the line of every value, so that errors can name it.

Every contributor file is read here, and only as plain data: mappings with text keys, lists,
and scalars. The file comes from a stranger's pull request, so what YAML offers beyond
that is refused with the file and line instead of being trusted:

- tags (`!!python/name:…`, `!!binary`, any `!…`): no code, no surprises in types;
- anchors and aliases (`&a`, `*a`): nothing in these files needs them, and expanding them
  is how a few lines grow into gigabytes;
- keys that are not plain text (`? [a, b]`), empty keys, a key given twice (PyYAML keeps
  the last without a word), more than one document;
- nesting deeper than `limits.YAML_DEPTH`, more than `limits.YAML_ITEMS` items in one list or
  mapping, and the size, line and character limits of `textfile.read_utf8`.

The file is read as a stream of events (libyaml's parser, which needs no recursion), so
no shape of input can exhaust the stack. Plain scalars become null, booleans, numbers or
text as YAML 1.1 says, except that dates stay text (`2026-02-30` is a date no calendar has,
and the schemas check their form).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from . import limits
from .errors import BuildError, short
from .textfile import describe, first_suspicious, read_utf8

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()
_CONSTRUCT = {
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}


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


# Files already parsed, by path and text, for one command: the check, the coverage report and the
# editions each read every translation file (about 1,500 files read four times a build at 1,000
# bulletins), and the event-by-event parse is what takes the time. Keyed by the text just read, so an
# entry can never be stale; cleared by `forget_files` at the start of a command, to hold no more than
# one build's files. Errors are not kept: a bad file is parsed, and refused, every time.
_PARSED: dict[tuple[str, bytes], YamlFile] = {}


def load_yaml(path: Path, limit: int = limits.YAML_BYTES) -> YamlFile:
    """The data of a contributor file, or a BuildError naming the file and line. Each caller gets data
    of its own (read_meta fills in defaults), with the lines of the first parse."""
    text = read_utf8(path, limit)
    key = (str(path), hashlib.sha256(text.encode("utf-8")).digest())
    if key not in _PARSED:
        _PARSED[key] = parse_yaml(path, text)
    parsed = _PARSED[key]
    return YamlFile(parsed.path, _copy(parsed.data), parsed.lines)


def forget_files() -> None:
    _PARSED.clear()


def _copy(value):
    """Plain data (what _Builder makes: mappings, lists, scalars) copied, as copy.deepcopy would, faster."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def parse_yaml(path: Path, text: str) -> YamlFile:
    result = YamlFile(path, None)
    try:
        result.data = _Builder(path, result.lines).build(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError:
        raise _syntax_error(path, text) from None
    except yaml.YAMLError as err:
        raise BuildError(path, f"broken YAML: {short(str(err), 200)}") from None
    return result


def _syntax_error(path: Path, text: str) -> BuildError:
    """PyYAML's own parser on the same text: its messages say more than libyaml's
    ("expected ',' or ']', but got '<stream end>'")."""
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.MarkedYAMLError as err:
        mark, context = err.problem_mark, err.context_mark
        where = f" ({err.context} that starts at line {context.line + 1})" if context and err.context else ""
        return BuildError(path, f"broken YAML: {err.problem}{where}", mark.line + 1 if mark else None)
    except yaml.YAMLError as err:
        return BuildError(path, f"broken YAML: {short(str(err), 200)}")
    return BuildError(path, "broken YAML")


class _Builder:
    """Plain data from parser events, with the line of every key and item."""

    def __init__(self, path: Path, lines: dict[tuple, int]):
        self.path = path
        self.lines = lines

    def fail(self, event, message: str) -> BuildError:
        return BuildError(self.path, message, event.start_mark.line + 1)

    def build(self, events) -> Any:
        # A stack of (container, its path, the key awaiting its value); the document's value at the bottom.
        root: list = []
        stack: list[tuple[Any, tuple, Any]] = [(root, (), None)]
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fail(event, "a second YAML document (after ---): a contributor file holds one")
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.AliasEvent):
                raise self.fail(event, f"an alias (*{short(event.anchor, 20)[1:-1]}): anchors and aliases are not "
                                "allowed in contributor files; write the value out")
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                value, where, _ = stack.pop()
                self._add(stack, value, where, event)
                continue
            if event.anchor is not None:
                raise self.fail(event, f"an anchor (&{short(event.anchor, 20)[1:-1]}): anchors and aliases are not "
                                "allowed in contributor files; write the value out")
            if event.tag is not None and event.tag != "!":
                raise self.fail(event, f"a tag ({short(event.tag, 40)[1:-1]}): tags are not allowed in contributor "
                                "files; write plain text, numbers or lists")
            container, where, key = stack[-1]
            here = where + (() if container is root else (key if isinstance(container, dict) else len(container),))
            if isinstance(container, dict) and key is _NO_KEY:
                if not isinstance(event, yaml.ScalarEvent):
                    raise self.fail(event, "a key that is a list or mapping (? [a, b]): keys are plain text")
                self._key(stack, event)
                continue
            if isinstance(event, yaml.ScalarEvent):
                self._add(stack, self._scalar(event), here, event)
                continue
            if len(stack) > limits.YAML_DEPTH:
                raise self.fail(event, f"nested more than {limits.YAML_DEPTH} levels deep; contributor files are "
                                "flat lists and mappings (see the schema)")
            self.lines.setdefault(here, event.start_mark.line + 1)
            stack.append(({} if isinstance(event, yaml.MappingStartEvent) else [], here, _NO_KEY))
        return root[0] if root else None

    def _key(self, stack: list, event) -> None:
        container, where, _ = stack[-1]
        name = event.value
        if name == "":
            raise self.fail(event, "an empty key; write the key before the colon")
        if any(ch < " " or ch == "\x7f" for ch in name):  # "a\n::error::…" in quotes
            raise self.fail(event, f"the key {short(name)} holds a line break or a control character; keys are "
                            "ids, titles and phrases on one line")
        self._refuse_hidden(event, name)
        if name in container:
            raise self.fail(event, f"{short(name)} appears twice (first at line {self.lines[where + (name,)]}); "
                            "merge the two entries")
        self.lines[where + (name,)] = event.start_mark.line + 1
        stack[-1] = (container, where, name)

    def _add(self, stack: list, value: Any, where: tuple, event) -> None:
        container, parent, key = stack[-1]
        if isinstance(container, dict):
            container[key] = value
            stack[-1] = (container, parent, _NO_KEY)
        else:
            container.append(value)
        if len(container) > limits.YAML_ITEMS:
            raise self.fail(event, f"more than {limits.YAML_ITEMS:,} items in one list or mapping "
                            "(build_tools/limits.py)")
        self.lines.setdefault(where, event.start_mark.line + 1)

    def _refuse_hidden(self, event, value: str) -> None:
        """Written as an escape in quotes ("\\u202e"), a character the file itself may not hold."""
        hidden = first_suspicious(value)
        if hidden:
            raise self.fail(event, f"{describe(hidden[2])} in this value is not allowed: {hidden[3]}; {hidden[4]}")

    def _scalar(self, event) -> Any:
        if len(event.value) > limits.YAML_LINE_CHARS:
            raise self.fail(event, f"a value of {len(event.value):,} characters; the limit is "
                            f"{limits.YAML_LINE_CHARS:,} (build_tools/limits.py)")
        self._refuse_hidden(event, event.value.replace("\r\n", "\n").replace("\r", "\n"))
        if not event.implicit[0]:  # quoted, or a block (| or >): text
            return event.value
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))
        construct = _CONSTRUCT.get(tag)
        if construct is None:  # text, and dates (kept as written)
            return event.value
        try:
            value = construct(yaml.ScalarNode(tag, event.value))
        except ValueError:
            raise self.fail(event, f"{short(event.value)} is not a number YAML can read; quote it to write text") \
                from None
        # 0x… or 1:59:59:… can be read into a number Python will not even print (over 4,300 digits).
        if isinstance(value, int) and value.bit_length() > 64:
            raise self.fail(event, f"{short(event.value)} is a number larger than any field here takes; quote it "
                            "to write text")
        return value


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY = _NoKey()
