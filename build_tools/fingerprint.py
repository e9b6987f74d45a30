"""Hashes of a build's inputs, for deciding what a rebuild may keep.

A cache is only as correct as its key: each key here names every input of what it guards
(files by path and bytes, tool versions, the project's settings), so that equal keys mean
equal output, and a changed input changes the key.
"""
from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

# The packages whose versions change what a build writes.
TOOLS = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "Jinja2", "opencc", "pagefind",
         "weasyprint", "pydyf", "fonttools")
PACKAGE = Path(__file__).resolve().parent  # build_tools: its code, templates, interface strings, schemas


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))  # so that ("ab", "c") and ("a", "bc") differ
        h.update(data)
    return h.hexdigest()


def tree_files(folder: Path) -> list[Path]:
    """Every regular file under `folder`, in a fixed order; symlinks are neither followed nor read
    (the build refuses them in source_texts/, source.check_tree)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):  # os.walk does not follow symlinked folders
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not path.is_symlink() and path.is_file():
                found.append(path)
    return found


def files_digest(paths: list[Path], relative_to: Path) -> str:
    parts: list[bytes | str] = []
    for path in paths:
        parts += [path.relative_to(relative_to).as_posix(), path.read_bytes()]
    return digest(*parts)


def tool_versions() -> str:
    versions = []
    for name in TOOLS:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return ";".join(versions)


def code_digest() -> str:
    """build_tools itself: a change to the code or a template may change every page."""
    return files_digest([p for p in tree_files(PACKAGE) if p.suffix != ".pyc"], PACKAGE)
