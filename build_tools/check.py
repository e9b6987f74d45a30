"""`python -m build_tools check`: every contributor file against its published schema, then
against the text.

Order: the tree and every file's bytes (source.py, textfile.py: no symlinks, limits,
encoding, characters), YAML syntax (with the line), the JSON Schema in build_tools/schemas/
(fields, types, id forms), then what a schema cannot see: ids that exist, quotes that
match, glossary terms that occur, pinyin that fits the characters, and annotation text that
is Markdown without HTML. Every problem is reported, each with file, line and what to do.
"""
from __future__ import annotations

from pathlib import Path

from .convert import override_problems
from .errors import BuildError, display_path, short
from .linking import crosslink
from .model import Bulletin
from .notes import find_quote, notes_path, read_notes, texts_of
from .glossary import term_anchor
from .pinyin import pinyin_problem
from .safe_text import problems as unsafe
from .textfile import describe, suspicious
from .translations import outline_titles, translate, translation_path
from .validation import validate
from .yamlfile import YamlFile, load_yaml

GLOSSARY = "glossary.yml"
OVERRIDES = "zh-Hant.yml"


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
    for stray in sorted((folder / "en").glob("*.yml")) if (folder / "en").is_dir() else []:
        if stray.stem not in {a.id for a in bulletin.articles}:
            errors.append(BuildError(stray, f"no article {short(stray.stem)} in this bulletin (articles: "
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
    marked: dict[str, list[tuple[int, int, object]]] = {}  # block → (start, end, note) of quoted words
    for note in read_notes(file):
        if note.id in seen:
            errors.append(BuildError(path, f"note id {short(note.id)} is used twice (first at line {seen[note.id]}); "
                                     "give each note its own id", note.line))
        seen[note.id] = note.line
        if note.block not in texts:
            article = note.block.split("__")[0]
            ids = [key for key in texts if key.startswith(article + "__")]
            where = f"ids of {article}: {ids[0]} … {ids[-1]}" if ids else "no article of that name in this bulletin"
            errors.append(BuildError(path, f"unknown block id {short(note.block)} ({where})", note.line))
            continue
        if note.quote:
            found = find_quote(note, texts[note.block])
            if not found:
                errors.append(BuildError(path, f"note {note.id!r}: the quoted words {short(note.quote)} are no longer in "
                                         f"{note.block}; update the quote or the note", note.line))
            elif len(found) > 1:
                errors.append(BuildError(path, f"note {note.id!r}: {short(note.quote)} occurs {len(found)} times in "
                                         f"{note.block}; add a prefix: or suffix: to tell which", note.line))
            else:
                start, end = found[0], found[0] + len(note.quote)
                # Two marks cannot share words: the second would lose its mark and number.
                other = next((o for a, b, o in marked.get(note.block, []) if a < end and start < b), None)
                if other is not None:
                    errors.append(BuildError(path, f"note {note.id!r}: its words overlap those of note {other.id!r} "
                                             f"(line {other.line}) in {note.block}; quote words of its own, or merge "
                                             "the two notes", note.line))
                marked.setdefault(note.block, []).append((start, end, note))
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
    anchors: dict[str, tuple[str, int | None]] = {}
    for index, entry in enumerate(file.data or []):
        line = file.line((index,))
        term = entry["zh"]
        if term in seen:
            errors.append(BuildError(path, f"{short(term)} is in the glossary twice (first at line {seen[term]})", line))
        seen[term] = line
        if term not in everything:
            errors.append(BuildError(path, f"{short(term)} never occurs in any bulletin; check the characters, or "
                                     "remove the entry", line))
        # The entry's anchor on the glossary page comes from its English rendering.
        slug = term_anchor(entry["en"])
        if slug == "term-":
            errors.append(BuildError(path, f"{short(term)}: its English rendering {short(entry['en'])} has no "
                                     "letters a–z or digits to name its anchor; write it in English",
                                     file.line((index, "en"))))
        elif slug in anchors:
            errors.append(BuildError(path, f"{short(term)}: its English rendering gives the anchor {slug!r}, as "
                                     f"{short(anchors[slug][0])}'s does (line {anchors[slug][1]}); "
                                     "make the renderings differ", file.line((index, "en"))))
        anchors.setdefault(slug, (term, line))
        problem = pinyin_problem(term, entry["pinyin"])
        if problem:
            errors.append(BuildError(path, f"{short(term)}: {problem}", file.line((index, "pinyin"))))
        for field in ("definition_en", "definition_zh"):
            for found in unsafe(entry[field]):
                errors.append(BuildError(path, f"{short(term)} ({field}): {found}", file.line((index, field))))
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
        try:
            errors += override_problems(load_yaml(overrides))
        except BuildError as err:
            errors.append(err)
    return errors


def source_warnings(bulletins: list[Bulletin]) -> list[str]:
    """Characters of a bulletin that change how its text shows without showing themselves. The text
    stays as received, so they are kept; a contributor decides whether a note should say so."""
    warnings = []
    for bulletin in bulletins:
        for line, col, char, what, _ in suspicious(bulletin.text):
            warnings.append(f"{display_path(bulletin.path)}:{line}:{col}: {describe(char)}, {what}, in the text as "
                            "received: it is kept, as the text is; if it changes what readers see, say so in a note")
    return warnings
