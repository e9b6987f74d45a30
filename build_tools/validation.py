"""Contributor files against their published JSON Schemas (build_tools/schemas/), each error at
the line of the value it is about, quoting at most a short excerpt of it.

The schemas are written for editors too (VS Code and others read them with JavaScript's
regular expressions), where `$` ends the input. Python's `$` also matches before a final
newline, so here a pattern's closing `$` is read as `\\Z`: `"opinion\\n"` is no id.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import jsonschema
from jsonschema import validators

from .errors import BuildError, short
from .yamlfile import YamlFile

SCHEMAS = Path(__file__).parent / "schemas"


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))


@cache
def _strict(pattern: str) -> re.Pattern:
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith(r"\$") else pattern)


def _pattern(validator, pattern, instance, schema_):
    if validator.is_type(instance, "string") and not _strict(pattern).search(instance):
        yield jsonschema.ValidationError(f"{short(instance)} does not match {pattern!r}")


_Validator = validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


def validate(file: YamlFile, name: str) -> list[BuildError]:
    """Schema errors, each at the line of the value it is about."""
    validator = _Validator(schema(name))
    errors = []
    for error in sorted(validator.iter_errors(file.data), key=lambda e: list(map(str, e.absolute_path))):
        where = tuple(error.absolute_path)
        if "propertyNames" in error.schema_path:  # about a key: its own line
            errors.append(BuildError(file.path, f"key {short(error.instance)} is not of the form keys take here "
                                     f"({error.schema.get('description', 'see the schema')})",
                                     file.line(where + (error.instance,))))
            continue
        if error.validator == "additionalProperties":  # at the line of the first unknown key
            where += tuple(key for key in error.instance if key not in error.schema.get("properties", {}))[:1]
            where = where if where in file.lines else tuple(error.absolute_path)
        errors.append(BuildError(file.path, _explain(error, name), file.line(where)))
    return errors


def first_error(file: YamlFile, name: str) -> BuildError | None:
    errors = validate(file, name)
    return errors[0] if errors else None


def _explain(error: jsonschema.ValidationError, name: str) -> str:
    path = ".".join(part if len(part) <= 30 else short(part, 30) for part in map(str, error.absolute_path))
    field = f"{path}: " if path else ""  # nothing before the message when it is about the file as a whole
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        return f"{field}missing field '{missing.group(1) if missing else '?'}' ({_hint(name, missing)})"
    if error.validator == "additionalProperties":
        extra = [key for key in error.instance if key not in error.schema.get("properties", {})]
        known = ", ".join(error.schema.get("properties", {})) or "none"
        return f"{field}unknown field {short(extra[0])} (fields: {known})" if extra else f"{field}unknown field"
    if error.validator == "enum":
        return f"{field}{short(error.instance)} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "pattern":
        return (f"{field}{short(error.instance)} is not of the form this field takes "
                f"({error.schema.get('description', error.validator_value)})")
    if error.validator == "type":
        return f"{field}expected {error.validator_value}, got {type(error.instance).__name__} {short(error.instance)}"
    if error.validator in ("minLength", "maxLength", "minItems", "maxItems"):
        return f"{field}{short(error.instance)} is too short or too long ({error.validator} {error.validator_value})"
    return f"{field}{short(error.message, 120)}"


def _hint(name: str, missing) -> str:
    props = schema(name).get("items", schema(name)).get("properties", {})
    return props.get(missing.group(1), {}).get("description", "see the schema") if missing else "see the schema"
