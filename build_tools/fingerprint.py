"""Hashes of a build's inputs, for deciding what a rebuild may keep.

A cache is only as correct as its key: each key here names every input of what it guards
(files by path and bytes, tool versions, the project's settings), so that equal keys mean
equal output, and a changed input changes the key.
"""
from __future__ import annotations

import functools
import hashlib
import os
import subprocess
from importlib import metadata
from pathlib import Path

from .project import Project

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


# A file's digest by path, time and size: a build reads each input once, though the stamp of the
# whole build, the page cache and the search index each name it (cleared by `forget_files`).
_FILES: dict[tuple, str] = {}


def file_digest(path: Path) -> str:
    info = path.stat()
    key = (str(path), info.st_mtime_ns, info.st_size)
    if key not in _FILES:
        _FILES[key] = digest(path.read_bytes())
    return _FILES[key]


def forget_files() -> None:
    """At the start of a command: a preview server builds many times, and a file may change in the tick
    its time was last read."""
    _FILES.clear()


def files_digest(paths: list[Path], relative_to: Path) -> str:
    return digest(*(part for path in paths for part in (path.relative_to(relative_to).as_posix(), file_digest(path))))


@functools.cache  # read once a process, as the code is
def tool_versions() -> str:
    versions = []
    for name in TOOLS:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return ";".join(versions)


@functools.cache  # the code does not change while a build runs
def code_digest() -> str:
    """build_tools itself: a change to the code or a template may change every page."""
    return files_digest([p for p in tree_files(PACKAGE) if p.suffix != ".pyc"], PACKAGE)


@functools.cache  # fc-list once a process
def fonts_stamp() -> str:
    """The fonts WeasyPrint may pick (fontconfig's list, with each file's size and time): a font
    package upgraded changes the PDFs, so it changes the cache's key."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True,
                                check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "no fontconfig"
    stats = []
    for name in sorted(set(listed)):
        try:
            info = os.stat(name)
            stats.append(f"{name} {info.st_size} {info.st_mtime_ns}")
        except OSError:
            continue
    return "\n".join(stats)


def project_stamp(project: Project, *settings: str) -> str:
    """Every input of a whole build of `project`: its texts and contributor files, its MkDocs config
    and theme, this package, the tools and fonts, the project's settings and the command's options.
    Equal stamps, equal sites: a build under the stamp of the last one has nothing to do."""
    root = project.root
    return digest(files_digest(tree_files(project.texts), root),
                  files_digest([root / "mkdocs.yml", *tree_files(root / "overrides")], root),
                  code_digest(), tool_versions(), fonts_stamp(),
                  *project.settings, *settings)
