"""`python -m build_tools check`: every contributor file against its published schema, then
against the text.

Order: YAML syntax (with the line), the JSON Schema in build_tools/schemas/ (fields,
types, id forms), then what a schema cannot see: ids that exist, quotes that match,
glossary terms that occur, pinyin that fits the characters, and annotation text that is
Markdown without HTML. Every problem is reported, each with file, line and what to do.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import jsonschema

from .errors import BuildError
from .linking import crosslink
from .model import Bulletin
from .notes import find_quote, notes_path, read_notes, texts_of
from .pinyin import pinyin_problem
from .safe_text import problems as unsafe
from .translations import outline_titles, translate, translation_path
from .yamlfile import YamlFile, load_yaml

SCHEMAS = Path(__file__).parent / "schemas"
GLOSSARY = "glossary.yml"
OVERRIDES = "zh-Hant.yml"


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))


def validate(file: YamlFile, name: str) -> list[BuildError]:
    """Schema errors, each at the line of the value it is about."""
    validator = jsonschema.Draft202012Validator(schema(name))
    errors = []
    for error in sorted(validator.iter_errors(file.data), key=lambda e: list(map(str, e.absolute_path))):
        where = tuple(error.absolute_path)
        errors.append(BuildError(file.path, _explain(error, name), file.line(where)))
    return errors


def _explain(error: jsonschema.ValidationError, name: str) -> str:
    field = ".".join(map(str, error.absolute_path)) or "the file"
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        return f"{field}: missing field '{missing.group(1) if missing else '?'}' ({_hint(name, missing)})"
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        known = ", ".join(error.schema.get("properties", {})) or "none"
        return f"{field}: unknown field {extra[0]!r} (fields: {known})" if extra else error.message
    if error.validator == "enum":
        return f"{field}: {error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "pattern":
        return f"{field}: {error.instance!r} is not of the form this field takes ({error.schema.get('description', error.validator_value)})"
    if error.validator == "type":
        return f"{field}: expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}"
    return f"{field}: {error.message}"


def _hint(name: str, missing) -> str:
    props = schema(name).get("items", schema(name)).get("properties", {})
    return props.get(missing.group(1), {}).get("description", "see the schema") if missing else "see the schema"


def check_file(path: Path, name: str) -> tuple[YamlFile | None, list[BuildError]]:
    try:
        file = load_yaml(path)
    except BuildError as err:
        return None, [err]
    return file, validate(file, name)


def check_bulletin(bulletin: Bulletin, crosslinks) -> list[BuildError]:
    errors = []
    folder = bulletin.path.parent
    for name, schema_name in (("bulletin.yml", "bulletin"), ("links.yml", "links")):
        if (folder / name).exists():
            errors += check_file(folder / name, schema_name)[1]
    errors += check_notes(bulletin)
    for article in bulletin.articles:
        path = translation_path(bulletin, "en", article)
        if path.exists():
            file, found = check_file(path, "translation")
            errors += found
            if file is not None and not found:
                try:
                    translate(article, bulletin, "en", outline_titles(crosslinks, article))
                except BuildError as err:
                    errors.append(err)
    for stray in sorted((folder / "en").glob("*.yml")) if (folder / "en").exists() else []:
        if stray.stem not in {a.id for a in bulletin.articles}:
            errors.append(BuildError(stray, f"no article {stray.stem!r} in this bulletin (articles: "
                                     f"{', '.join(a.id for a in bulletin.articles)}); rename or delete the file", 1))
    return errors


def check_notes(bulletin: Bulletin) -> list[BuildError]:
    path = notes_path(bulletin)
    if not path.exists():
        return []
    file, errors = check_file(path, "notes")
    if file is None or errors:
        return errors
    texts = texts_of(bulletin)
    seen: dict[str, int | None] = {}
    for note in read_notes(file):
        if note.id in seen:
            errors.append(BuildError(path, f"note id {note.id!r} is used twice (first at line {seen[note.id]}); "
                                     "give each note its own id", note.line))
        seen[note.id] = note.line
        if note.block not in texts:
            article = note.block.split("__")[0]
            ids = [key for key in texts if key.startswith(article + "__")]
            where = f"ids of {article}: {ids[0]} … {ids[-1]}" if ids else "no article of that name in this bulletin"
            errors.append(BuildError(path, f"unknown block id {note.block!r} ({where})", note.line))
            continue
        if note.quote:
            found = find_quote(note, texts[note.block])
            if not found:
                errors.append(BuildError(path, f"note {note.id!r}: the quoted words {note.quote!r} are no longer in "
                                         f"{note.block}; update the quote or the note", note.line))
            elif len(found) > 1:
                errors.append(BuildError(path, f"note {note.id!r}: {note.quote!r} occurs {len(found)} times in "
                                         f"{note.block}; add a prefix: or suffix: to tell which", note.line))
        for language in ("zh", "en"):
            for problem in unsafe(getattr(note, language)):
                errors.append(BuildError(path, f"note {note.id!r} ({language}): {problem}", note.line))
    return errors


def check_glossary(root: Path, bulletins: list[Bulletin]) -> list[BuildError]:
    path = root / "source_texts" / GLOSSARY
    if not path.exists():
        return []
    file, errors = check_file(path, "glossary")
    if file is None or errors:
        return errors
    everything = "\n".join(text for b in bulletins for text in texts_of(b).values())
    seen: dict[str, int | None] = {}
    for index, entry in enumerate(file.data or []):
        line = file.line((index,))
        term = entry["zh"]
        if term in seen:
            errors.append(BuildError(path, f"{term!r} is in the glossary twice (first at line {seen[term]})", line))
        seen[term] = line
        if term not in everything:
            errors.append(BuildError(path, f"{term!r} never occurs in any bulletin; check the characters, or remove "
                                     "the entry", line))
        problem = pinyin_problem(term, entry["pinyin"])
        if problem:
            errors.append(BuildError(path, f"{term!r}: {problem}", file.line((index, "pinyin"))))
        for field in ("definition_en", "definition_zh"):
            for found in unsafe(entry[field]):
                errors.append(BuildError(path, f"{term!r} ({field}): {found}", file.line((index, field))))
    return errors


def check_project(root: Path, bulletins: list[Bulletin], crosslinks=None) -> list[BuildError]:
    """Every problem in the contributor files of `root`, in file order (`crosslinks` if already made)."""
    errors: list[BuildError] = []
    if crosslinks is None:
        try:
            crosslinks = crosslink(bulletins)
        except BuildError as err:
            errors.append(err)
    for bulletin in bulletins:
        errors += check_bulletin(bulletin, crosslinks) if crosslinks else check_notes(bulletin)
    errors += check_glossary(root, bulletins)
    overrides = root / "source_texts" / OVERRIDES
    if overrides.exists():
        errors += check_file(overrides, "zh-Hant")[1]
    return errors
