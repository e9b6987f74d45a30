"""Hostile pull requests: every contributor file comes from a stranger.

Each input below is what a pull request can carry. Either `check` and `build` refuse it with
one line naming the file (and the line, for anything inside a file), exit 1 and write
nothing; or it builds, and then its pages are opened in Chromium with a dialog handler and a
request guard: no dialog, no request off localhost, no inline handler or foreign script in
the DOM, no page missing or replaced. Nothing ends in a traceback or hangs.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from build_tools.__main__ import main
from build_tools.project import Project
from conftest import CHECKOUT, REPO, QuietHandler, record_sha256

BULLETIN = "source_texts/2026-04-26-xinhua"
# An override appended to zh-Hant.yml: the line after the reviewed ones.
OVERRIDE = f"zh-Hant.yml:{len((REPO / 'source_texts/zh-Hant.yml').read_text(encoding='utf-8').splitlines()) + 1}:"
# `error: path:line: …` or `error: path:line:col: …`
FILE_LINE = re.compile(r"^error: (?P<path>[^:]+):(?P<line>\d+)(?::\d+)?: \S")
# Whole files and folders (a symlink, a folder's name, a file too big) have no line to name.
FILE_ONLY = re.compile(r"^error: (?P<path>[^:]+): \S")


def run(project: Path, *args: str) -> tuple[int, list[str]]:
    """`python -m build_tools --root project …` in this process (fast); exit code and stderr lines."""
    stderr = io.StringIO()
    here = os.getcwd()
    os.chdir(project)
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            code = main(["--root", str(project), *args])
    finally:
        os.chdir(here)
    lines = stderr.getvalue().splitlines()
    assert not any("Traceback" in line or "internal error" in line for line in lines), lines
    return code, lines


def write(project: Path, relative: str, content: str | bytes, append: bool = False) -> Path:
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text((path.read_text("utf-8") if append else "") + content, "utf-8")
    return path


def replace(project: Path, relative: str, old: str, new: str, count: int = -1) -> None:
    path = project / relative
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), "utf-8")


def symlink(project: Path, relative: str, target: str | Path) -> None:
    path = project / relative
    if path.exists() or path.is_symlink():
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    os.symlink(target, path)


def fifo(project: Path, relative: str) -> None:
    (project / relative).unlink()
    os.mkfifo(project / relative)


def second_bulletin(project: Path, name: str, meta: str = "") -> Path:
    folder = project / "source_texts" / name
    shutil.copytree(project / BULLETIN, folder)
    if meta:
        write(project, f"source_texts/{name}/bulletin.yml", meta, append=True)
    return folder


NOTE = "- id: {id}\n  block: opinion__sec4__cl8\n  kind: context\n  zh: {zh}\n  en: {en}\n"
TERM = ("- zh: {zh}\n  pinyin: {pinyin}\n  en: {en}\n  alternatives: []\n  definition_en: {definition}\n"
        "  definition_zh: 定义。\n")

# (setup, what the first error line says). Grouped by the classes of the issue; each comment says
# what the input would have done.
REFUSED = [
    # 1. Interface strings of the Traditional edition: markup, a format directive, an empty key.
    pytest.param(lambda p: write(p, "source_texts/zh-Hant.yml", "公报: <img src=x onerror=alert(1)>\n", True),
                 OVERRIDE + " 公报: '<img src=x onerror=alert(1)>' is not of the form", id="override-markup"),
    pytest.param(lambda p: write(p, "source_texts/zh-Hant.yml", '中文: 中文" onmouseover="alert(1)\n', True),
                 OVERRIDE + " 中文:", id="override-attribute"),
    pytest.param(lambda p: write(p, "source_texts/zh-Hant.yml", "第: '%s第'\n", True),
                 OVERRIDE + " 第: '%s第' is not of the form", id="override-format"),
    pytest.param(lambda p: write(p, "source_texts/zh-Hant.yml", "s: d\n", True),
                 OVERRIDE + " key 's' is not of the form keys take here", id="override-ascii-key"),
    pytest.param(lambda p: write(p, "source_texts/zh-Hant.yml", "'': 繁\n", True),
                 OVERRIDE + " an empty key", id="override-empty-key"),
    # A longer Traditional form multiplies the text wherever its phrase occurs (的 made 40,000 long).
    pytest.param(lambda p: write(p, "source_texts/zh-Hant.yml", "的: " + "的" * 39_990 + "\n", True),
                 OVERRIDE + " '的' has 1 characters and its Traditional form '的的的", id="override-amplifies"),
    # 2. Folder names (ids by default) that are markup, or not of the strict form.
    pytest.param(lambda p: second_bulletin(p, 'x"><img src=x onerror=alert(1)>'),
                 "bulletin folder name: 'x\"><img src=x onerror=alert(1)>' is not a name", id="folder-markup"),
    pytest.param(lambda p: second_bulletin(p, "Other Bulletin"), "bulletin folder name: 'Other Bulletin'",
                 id="folder-space"),
    pytest.param(lambda p: second_bulletin(p, "2026-05-01-xinhua\n"), "bulletin folder name", id="folder-newline"),
    pytest.param(lambda p: second_bulletin(p, "a" * 65), "is longer than 64 characters", id="folder-long"),
    # 3. YAML that crashed `check` or ate memory.
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", "a: &a [x, x, x, x, x, x, x, x, x]\n"
                                 + "".join(f"{c}: &{c} [{', '.join(['*' + chr(ord(c) - 1)] * 9)}]\n"
                                           for c in "bcdefghi")),
                 "notes.yml:1: an anchor (&a): anchors and aliases are not allowed", id="yaml-billion-laughs"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", "&a [*a]\n"), "notes.yml:1: an anchor",
                 id="yaml-recursive-alias"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/links.yml", "add: " + "[" * 5000 + "]" * 5000 + "\n"),
                 "links.yml:1: nested more than 8 levels deep", id="yaml-deep-flow"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/links.yml", "".join(" " * i + f"k{i}:\n" for i in range(200))),
                 "links.yml:9: nested more than 8 levels deep", id="yaml-deep-block"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/links.yml", "add: !!python/name:os.system x\n"),
                 "links.yml:1: a tag (tag:yaml.org,2002:python/name:os.system): tags are not allowed", id="yaml-tag"),
    pytest.param(lambda p: write(p, "source_texts/glossary.yml", "- !!binary aGVsbG8=\n"),
                 "glossary.yml:1: a tag", id="yaml-binary"),
    pytest.param(lambda p: write(p, "source_texts/glossary.yml", "? [a, b]\n: c\n"),
                 "glossary.yml:1: a key that is a list or mapping", id="yaml-complex-key"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/bulletin.yml", "\x07\n", True),
                 "bulletin.yml:20:1: U+0007 is not allowed here: a control character", id="yaml-control-byte"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", "a: 1\n---\nb: 2\n"),
                 "notes.yml:2: a second YAML document", id="yaml-two-documents"),
    pytest.param(lambda p: (write(p, f"{BULLETIN}/bulletin.yml", "page: " + "9" * 5000 + "\n"),
                            record_sha256(p / BULLETIN)),
                 "bulletin.yml:1: '99999", id="yaml-huge-integer"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "date: 2026-04-26", "date: 2026-02-30"),
                 "bulletin.yml:4: date: '2026-02-30' is not a date of the calendar", id="date-impossible"),
    # 4. Symlinks and files that are no files: never followed, never printed, never waited on.
    pytest.param(lambda p: symlink(p, f"{BULLETIN}/notes.yml", "/etc/passwd"),
                 "notes.yml: is a symbolic link", id="symlink-file"),
    pytest.param(lambda p: symlink(p, f"{BULLETIN}/en/opinion.yml", "/proc/self/environ"),
                 "opinion.yml: is a symbolic link", id="symlink-translation"),
    pytest.param(lambda p: symlink(p, "source_texts/2020-02-06-other", REPO / "tests/fixtures/corpus/2020-02-06-no1-document"),
                 "2020-02-06-other: is a symbolic link", id="symlink-folder"),
    pytest.param(lambda p: symlink(p, f"{BULLETIN}/en", "/etc"), "en: is a symbolic link", id="symlink-en-folder"),
    pytest.param(lambda p: symlink(p, "source_texts/glossary.yml", "/dev/zero"),
                 "glossary.yml: is a symbolic link", id="symlink-device"),
    pytest.param(lambda p: fifo(p, f"{BULLETIN}/notes.yml"), "notes.yml: is not an ordinary file", id="fifo"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", "- id: a\n  block: " + "长" * 39_000
                                 + "\n  kind: context\n  zh: x\n  en: x\n"),
                 "notes.yml:2: 0.block: '长长长", id="long-value-quoted-short"),
    # 5. Ids that would replace a page of the site or another bulletin.
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "producer-services", "index"),
                 "bulletin.yml:15: articles: id 'index' is the site's own name for the bulletin's contents page",
                 id="article-index"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "producer-services", "opinion-explained"),
                 "bulletin.yml:15: articles: id 'opinion-explained' ends in '-explained'", id="article-explained"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "producer-services", "pdf"),
                 "bulletin.yml:15: articles: id 'pdf' is the site's own name", id="article-pdf"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "auto-show", "producer-services"),
                 "bulletin.yml:16: articles: id 'producer-services' is already the id of", id="article-twice"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "producer-services", "interview"),
                 "bulletin.yml:15: articles: id 'interview' is", id="article-takes-default-id"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/bulletin.yml", "id: glossary\n", True),
                 "bulletin.yml:20: bulletin id: 'glossary' is the site's own name for the glossary page",
                 id="bulletin-glossary"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/bulletin.yml", "id: en\n", True),
                 "bulletin.yml:20: bulletin id: 'en' is the site's own name for the English edition", id="bulletin-en"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/bulletin.yml", "id: zh-hant\n", True),
                 "bulletin.yml:20: bulletin id: 'zh-hant' is the site's own name", id="bulletin-zh-hant"),
    pytest.param(lambda p: second_bulletin(p, "assets"), "source_texts/assets: bulletin id: 'assets' is the site's own",
                 id="bulletin-folder-assets"),
    pytest.param(lambda p: second_bulletin(p, "2026-04-27-xinhua", "id: 2026-04-26-xinhua\n"),
                 "2026-04-27-xinhua/bulletin.yml:20: bulletin id '2026-04-26-xinhua' is also the id of",
                 id="bulletin-twice"),
    # 6. What `check` passed and the build could not take.
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "date: 2026-04-26", "date: 2026-13-45"),
                 "bulletin.yml:4: date: '2026-13-45' is not a date", id="date-month-13"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "date: 2026-04-26", 'date: "2026-04-26\\n"'),
                 "bulletin.yml:4: date: '2026-04-26\\n' is not of the form", id="date-trailing-newline"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "date: 2026-04-26", "date: ２０２６-04-26"),
                 "bulletin.yml:4: date: '２０２６-04-26' is not of the form", id="date-fullwidth-digits"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "date: 2026-04-26", "date: 2026-0٤-26"),
                 "bulletin.yml:4: date:", id="date-arabic-digit"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/bulletin.yml", 'id: "abc\\n"\n', True),
                 "bulletin.yml:20: id: 'abc\\n' is not of the form", id="id-trailing-newline"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", NOTE.format(id='"a\\n"', zh="注。", en="x"), True),
                 "notes.yml:", id="note-id-trailing-newline"),
    # 7. Links to other hosts dressed as pages of this site.
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", NOTE.format(id="x", zh="'[看](//evil.example/a)'", en="x"),
                                 True), "note 'x' (zh): link target '//evil.example/a' is not allowed", id="link-//"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", NOTE.format(id="x", zh="'[看](/\\evil.example/a)'", en="x"),
                                 True), "note 'x' (zh): link target '/\\\\evil.example/a' is not allowed", id="link-/\\"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", NOTE.format(id="x", zh="'[看](&#47;/evil.example)'",
                                                                         en="x"), True),
                 "note 'x' (zh): link target '&#47;/evil.example' is not allowed", id="link-encoded-//"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", NOTE.format(id="x", zh="'[看](JaVa&#x53;cript:alert(1))'",
                                                                         en="x"), True),
                 "note 'x' (zh): link target", id="link-encoded-javascript"),
    pytest.param(lambda p: write(p, "source_texts/glossary.yml", TERM.format(
        zh="新就业群体", pinyin="xīn jiùyè qúntǐ", en="x", definition="'[a](data:text/html,<script>alert(1)</script>)'"),
        True), "(definition_en): raw HTML is not allowed", id="link-data"),
    # 9. Input that was silently ignored.
    pytest.param(lambda p: write(p, f"{BULLETIN}/links.yml", "  - from: news__p1\n    to: opinion__sec4__cl8\n"
                                 "    reason: r\n", True),
                 "links.yml:11: add: 'news__p1' in 'from' is no answer of an interview", id="links-from-no-interview"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/note.yml", "[]\n"), "note.yml: unknown file in a bulletin folder",
                 id="misspelt-notes-file"),
    pytest.param(lambda p: write(p, "source_texts/glosary.yml", "[]\n"), "glosary.yml: unknown file in source_texts/",
                 id="misspelt-glossary"),
    pytest.param(lambda p: write(p, "source_texts/glossary.yml", TERM.format(
        zh="新就业形态", pinyin="xīn jiùyè xíngtài", en="New Employment Groups!", definition="x"), True),
                 "its English rendering gives the anchor 'term-new-employment-groups'", id="glossary-anchor-twice"),
    # 11. Sizes no real text reaches.
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", b"#" * 1_000_001),
                 "notes.yml: is 1,000,001 bytes; the limit for this file is 1,000,000 bytes", id="yaml-too-big"),
    pytest.param(lambda p: [write(p, f"{BULLETIN}/en/{name}.yml", b"#" * 900_000) for name in ("auto-show", "opinion",
                                                                                             "interview")],
                 "en: the translation files of this bulletin hold 2,7", id="translations-too-big"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/en/auto-show.yml", 'en: "', 'en: "' + "very " * 1000, 1),
                 "the translation has", id="translation-ten-times-its-chinese"),
    pytest.param(lambda p: (write(p, f"{BULLETIN}/source.txt", "".join(f"标题{i}\n\n新华社北京5月1日电 正文。\n\n"
                                                                       for i in range(101))),
                            record_sha256(p / BULLETIN)), "source.txt:401: 101 articles; a bulletin holds at most 100",
                 id="too-many-articles"),
    pytest.param(lambda p: (write(p, f"{BULLETIN}/source.txt", "标题\n\n" + "".join(f"第{i}段。\n\n"
                                                                                 for i in range(501))),
                            write(p, f"{BULLETIN}/bulletin.yml", "date: 2026-05-01\n"), record_sha256(p / BULLETIN)),
                 "has 501 paragraphs, clauses and answers", id="too-many-blocks"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/en/auto-show.yml", "auto-show__title:\n  zh: x\n  en: '"
                                 + "a " * 20_001 + "'\n"), "auto-show.yml:3: this line has 40,0",
                 id="yaml-line-too-long"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/en/auto-show.yml", "auto-show__title:\n  zh: x\n  en: |\n"
                                 + "    aaaa aaaa\n" * 4_200 + "\n"), "auto-show.yml:3: a value of 42,000 characters",
                 id="yaml-value-too-long"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", "- x\n" * 10_001), "notes.yml:10001: more than 10,000 items",
                 id="yaml-too-many-items"),
    pytest.param(lambda p: (write(p, f"{BULLETIN}/source.txt", "标题\n\n" + "长" * 10_001 + "。\n"),
                            record_sha256(p / BULLETIN)), "source.txt:3: this line has 10,002 characters",
                 id="source-line-too-long"),
    pytest.param(lambda p: (write(p, f"{BULLETIN}/source.txt", ("标题\n\n" + "长" * 9_000 + "。\n") * 20),
                            record_sha256(p / BULLETIN)), "source.txt: is 540,240 bytes; the limit for this file is 500,000",
                 id="source-too-big"),
    # 12. Encodings, line ends, invisible characters, a missing fingerprint.
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", (p / BULLETIN / "notes.yml").read_text("utf-8")
                                 .encode("utf-16")), "notes.yml: this is UTF-16 text, not UTF-8: convert it with `iconv",
                 id="utf16-notes"),
    pytest.param(lambda p: (write(p, f"{BULLETIN}/source.txt", (p / BULLETIN / "source.txt").read_text("utf-8")
                                  .encode("utf-16-le")), record_sha256(p / BULLETIN)),
                 "source.txt: this is UTF-16LE text", id="utf16-source-no-bom"),
    pytest.param(lambda p: (write(p, f"{BULLETIN}/source.txt", (p / BULLETIN / "source.txt").read_text("utf-8")
                                  .replace("\n", "\r")), record_sha256(p / BULLETIN)),
                 "a carriage return without a line feed: line ends must be LF or CRLF",
                 id="cr-only-source"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", (p / BULLETIN / "notes.yml").read_text("utf-8")
                                 .replace("\n", "\r")), "a carriage return without a line feed", id="cr-only-notes"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", NOTE.format(id="x", zh="注\u202e释", en="x"), True),
                 ": U+202E RIGHT-TO-LEFT OVERRIDE is not allowed here: a bidirectional control", id="bidi-in-note"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", NOTE.format(id="x", zh='"注\\u2066释"', en="x"), True),
                 "U+2066 LEFT-TO-RIGHT ISOLATE in this value is not allowed", id="bidi-escaped-in-note"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/en/opinion.yml", "en: \"Opinions", "en: \"\u200bOpinions"),
                 ": U+200B ZERO WIDTH SPACE is not allowed here: an invisible character", id="zero-width-in-title"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/en/opinion.yml", "en: \"Opinions", 'en: "\\eOpinions'),
                 "U+001B in this value is not allowed: a control character", id="escape-in-title"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/bulletin.yml", "sha256:", "# sha256:"),
                 "bulletin.yml:2: missing field 'sha256'", id="no-sha256"),
    pytest.param(lambda p: (p / BULLETIN / "bulletin.yml").unlink(),
                 "bulletin.yml: missing: every bulletin folder holds source.txt and bulletin.yml",
                 id="no-bulletin-yml"),
    # Found by a red-team run after the cases above passed.
    pytest.param(lambda p: write(p, f"{BULLETIN}/bulletin.yml", "url: 0x" + "f" * 20_000 + "\n", True),
                 "bulletin.yml:20: '0xfffff", id="yaml-huge-hex"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/bulletin.yml", "url: 1" + ":59" * 13_000 + "\n", True),
                 "is a number larger than any field here takes", id="yaml-huge-sexagesimal"),
    pytest.param(lambda p: replace(p, f"{BULLETIN}/en/auto-show.yml", 'en: "', "en: 0b" + "1" * 39_000 + "\n  x: \""),
                 "auto-show.yml:", id="yaml-huge-binary-translation"),
    pytest.param(lambda p: write(p, "source_texts/zh-Hant.yml", '"发布\\n::warning::injected": 發布\n', True),
                 OVERRIDE + " the key '发布\\n::warning::injected' holds a line break", id="key-with-newline"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/bulletin.yml", 'extra:\n  "t\\n::error::inj": x\n', True),
                 "bulletin.yml:", id="key-with-newline-in-articles"),
    pytest.param(lambda p: (replace(p, f"{BULLETIN}/source.txt", "快递小哥", "快递小哥" + "一" * 3000, 1),
                            record_sha256(p / BULLETIN),
                            write(p, "source_texts/glossary.yml", TERM.format(zh="一" * 3000, pinyin="yī" * 3000,
                                                                              en="one", definition="x"), True)),
                 "glossary.yml:", id="glossary-term-too-long"),
    pytest.param(lambda p: write(p, f"{BULLETIN}/notes.yml", "- id: overlap\n  block: interview__q1__a1\n"
                                 "  quote: 十八大以来\n  kind: context\n  zh: 注。\n  en: x\n", True),
                 "note 'overlap': its words overlap those of note", id="notes-overlap"),
    pytest.param(lambda p: os.link(_outside(p), p / BULLETIN / "links.yml") if not (p / BULLETIN / "links.yml").unlink()
                 else None, "links.yml: has other hard links", id="hard-link"),
    pytest.param(lambda p: second_bulletin(p, "x.md"), "source_texts/x.md: bulletin folder name", id="folder-x.md"),
    pytest.param(lambda p: second_bulletin(p, ".hidden"), "source_texts/.hidden: bulletin folder name",
                 id="folder-hidden"),
]


def _outside(project: Path) -> Path:
    """A file beside the project, outside its repository."""
    path = project.parent / f"{project.name}-outside.yml"
    path.write_text("add: []\n", "utf-8")
    return path


@pytest.mark.parametrize("setup, message", REFUSED)
def test_refused_with_file_and_line_and_nothing_written(project, setup, message):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    setup(project)
    started = time.monotonic()
    code, lines = run(project, "check")
    assert code == 1, lines
    assert any(message in line for line in lines), lines
    first = lines[0]
    assert FILE_LINE.match(first) or FILE_ONLY.match(first), first
    assert len(first) < 600, "an error quotes an excerpt, never a whole value"
    assert "root:" not in "\n".join(lines), "nothing of a symlink's target is printed"
    assert not any(line.startswith("::") for line in lines), "no line of CI log a stranger wrote"
    code, build_lines = run(project, "build")
    assert code == 1 and build_lines[0] == first
    assert (site / "index.html").read_text() == "previous site"
    assert not (project / "docs").exists() and not (project / "build").exists()
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("setup, message", [
    pytest.param(lambda p: second_bulletin(p, "2026-04-27-xinhua"), "'2026-04-27-xinhua' is not"),
])
def test_a_copied_bulletin_without_an_id_of_its_own_is_fine(project, setup, message):
    """The folder name is the id: a second bulletin in a new folder is an ordinary pull request."""
    setup(project)
    code, lines = run(project, "check")
    assert code == 0, lines


def insert_in_source(project, character: str) -> str:
    """`character` put between two sentences of the interview's first answer; the new text."""
    source = project / BULLETIN / "source.txt"
    text = source.read_text("utf-8").replace("重要力量。党的十八大", f"重要力量。{character}党的十八大", 1)
    assert character in text
    source.write_text(text, "utf-8")
    record_sha256(project / BULLETIN)
    return text


def test_invisible_characters_in_a_bulletin_are_kept_and_reported(project):
    """The text stays as received, so `check` passes it and says where each one is."""
    text = insert_in_source(project, "\u200b")
    line = text[: text.index("\u200b")].count("\n") + 1
    code, lines = run(project, "check")
    assert code == 0, lines
    assert any(l.startswith(f"warning: {BULLETIN}/source.txt:{line}:") and "U+200B ZERO WIDTH SPACE" in l
               for l in lines), lines


def test_translations_write_writes_what_the_build_reads(project):
    """A paragraph holding a line separator (U+2028) was copied into a comment, where YAML breaks the line."""
    insert_in_source(project, "\u2028\u202e")
    (project / BULLETIN / "en" / "interview.yml").unlink()
    code, lines = run(project, "translations", "--write")
    assert code == 0, lines
    assert "\u2028" not in (project / BULLETIN / "en" / "interview.yml").read_text("utf-8")
    code, lines = run(project, "check")
    assert code == 0, lines


def test_pdf_workers_end_with_the_build(tmp_path):
    """A build killed while printing (CI's timeout) leaves no worker behind."""
    script = tmp_path / "print.py"
    script.write_text(
        "import sys\nfrom pathlib import Path\nfrom build_tools.handouts import write_pdfs\n"
        "page = '<p>' + '长' * 200000 + '</p>'\n"
        f"write_pdfs({{f'{{i}}.pdf': page for i in range(8)}}, Path({str(tmp_path)!r}))\n", "utf-8")
    build = subprocess.Popen([sys.executable, str(script)], env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        workers = []
        for _ in range(100):
            time.sleep(0.2)
            workers = _children(build.pid)
            if workers:
                break
        assert workers, "the pool started no worker"
        time.sleep(1)
        build.send_signal(signal.SIGKILL)
        build.wait()
        for _ in range(50):
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers), "a PDF worker outlived the build"
    finally:
        for pid in _children(build.pid):
            os.kill(pid, signal.SIGKILL)


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# What a stranger can get into the pages: everything is text, whatever it looks like.
HOSTILE_TITLE = '<script>alert("t1")</script>标题*强调*{#evil}[链接](onmouseover=alert(2)//)'
HOSTILE_SOURCE = "\n\n".join([
    HOSTILE_TITLE,
    "新华社北京5月1日电（记者 张三）正文第一段<img src=x onerror=alert(3)>，含有{{ 7*7 }}与{% raw %}和&lt;b&gt;实体。",
    '# 第二段"><svg onload=alert(4)>，以及\u2028分隔符和零宽\u200b字符。',
    '!!! note "警告" 第三段 `代码` **粗体** _下划线_ <!-- 注释 --> --- <iframe src="https://evil.example/">。',
    "> 第四段 - 列表 | 表格 | [[维基]] :smile: ~~删除~~ ==标记== ^^插入^^ {: onclick=\"alert(5)\" }。",
    "（新华社北京5月1日电）",
]) + "\n"
HOSTILE_META = """publisher: 新华社<img src=x onerror=alert(6)>
publisher_en: 'Xinhua" onmouseover="alert(7)'
date: 2026-05-01
page: '<b>1</b>'
source: "[x](javascript:alert(8)) </dd><script>alert(9)</script>"
url: https://example.org/a
received_as: "a.txt\\"><script>alert(10)</script>"
articles:
  '{title}': hostile-news
# Taken as a document, which gets handouts (a news item gets none): the payloads must be text there too.
corrections:
  - line: 1
    text: '{title}'
    kind: policy
"""
HOSTILE_EN = """hostile-news__title:
  zh: "000000000000"
  en: "</title><script>alert(11)</script> Title\\n\\n# injected {#evil}\\n\\n<img src=x onerror=alert(12)> [x](onmouseover=alert(19)//) *a*{ onclick=alert(20) } `code\\"`"
hostile-news__p1:
  zh: "000000000000"
  en: |
    First paragraph.

    ## Injected heading {: onclick="alert(13)" }

    [click](javascript:alert(14)) <script>alert(15)</script> {{ 7*7 }}
hostile-news__p2:
  zh: "000000000000"
  en: "x\\" onmouseover=\\"alert(16)\\" y ' onfocus='alert(17)"
hostile-news__p3:
  zh: "000000000000"
  en: "Third paragraph."
hostile-news__p4:
  zh: "000000000000"
  en: "Fourth paragraph."
"""
HOSTILE_NOTES = """- id: markdown
  block: hostile-news__p1
  quote: 正文第一段
  kind: context
  zh: "**粗体** *斜体* `代码` [外链](https://example.org/a_b*c*) [内链](../../2026-04-26-xinhua/opinion/#opinion__sec4__cl8) {{ 7*7 }} {#x}"
  en: "A [link](HTTPS://example.org/) and [another](mailto:a@example.org) \\\\ *emphasis [inside](https://example.org/x*y*)*"
"""
HOSTILE_TERM = TERM.format(zh="正文第一段", pinyin="zhèngwén dì-yī duàn", en="'first paragraph <b>x</b>\" onmouseover=\"alert(18)'",
                           definition="'A [definition](https://example.org/) with `code` & {{ 7*7 }}.'")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A project whose second bulletin, notes, translation and glossary entry carry every payload that
    passes `check` (it is all text), built with its handouts."""
    root = tmp_path_factory.mktemp("hostile")
    for name in ("mkdocs.yml", "overrides", "source_texts"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    folder = root / "source_texts" / "2026-05-01-hostile"
    write(root, "source_texts/2026-05-01-hostile/source.txt", HOSTILE_SOURCE)
    write(root, "source_texts/2026-05-01-hostile/bulletin.yml",
          HOSTILE_META.replace("{title}", HOSTILE_TITLE.replace("'", "''")))
    record_sha256(folder)
    write(root, "source_texts/2026-05-01-hostile/en/hostile-news.yml", HOSTILE_EN)
    write(root, "source_texts/2026-05-01-hostile/notes.yml", HOSTILE_NOTES)
    write(root, "source_texts/glossary.yml", HOSTILE_TERM, append=True)
    code, lines = run(root, "translations", "--write")
    assert code == 0, lines
    code, lines = run(root, "check")
    assert code == 0, "\n".join(lines)
    assert any("U+2028" in l and "warning: source_texts/2026-05-01-hostile/source.txt:5:" in l for l in lines), lines
    code, lines = run(root, "build")
    assert code == 0, lines
    return root / "site"


PAGES = ["", "glossary/", "2026-05-01-hostile/", "2026-05-01-hostile/hostile-news/", "2026-04-26-xinhua/",
         "2026-04-26-xinhua/interview/", "2026-04-26-xinhua/opinion/"]
EDITIONS = ["", "zh-Hant/", "en/"]


@pytest.mark.e2e
def test_every_page_of_every_edition_is_there_and_its_own(hostile_site):
    """No page replaced another: each article's page is at its address with its own title id."""
    for edition in EDITIONS:
        for bulletin, articles in (("2026-04-26-xinhua", ["opinion", "interview", "producer-services", "auto-show",
                                                          "flood-control", "inner-mongolia-ai", "trial-fields"]),
                                   ("2026-05-01-hostile", ["hostile-news"])):
            assert 'id="bulletin"' in (hostile_site / edition / bulletin / "index.html").read_text("utf-8")
            for article in articles:
                page = (hostile_site / edition / bulletin / article / "index.html").read_text("utf-8")
                assert f'id="{article}__title"' in page, (edition, bulletin, article)
        assert 'id="glossary"' in (hostile_site / edition / "glossary" / "index.html").read_text("utf-8")
        assert 'id="home"' in (hostile_site / edition / "index.html").read_text("utf-8")


@pytest.mark.e2e
def test_the_payloads_are_text_in_the_handouts(hostile_site):
    pdf = hostile_site / "2026-05-01-hostile" / "pdf" / "2026-05-01-hostile.bilingual.pdf"
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # An English line may break a long word with a hyphen (on‐/mouseover): the text is the same.
    text = "".join(printed.replace("\u2010\n", "").split())
    for payload in ('<script>alert("t1")</script>标题', "[x](onmouseover=alert(19)//)", "[链接](onmouseover=alert(2)//)", "<img src=x onerror=alert(3)>", "{{ 7*7 }}",
                    "</title><script>alert(11)</script> Title # injected {#evil}", "粗体 斜体 代码 外链"):
        assert "".join(payload.split()) in text, payload


@pytest.mark.e2e
def test_no_payload_runs_or_reaches_out(hostile_site, browser):
    handler = functools.partial(QuietHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs, off_site = [], []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
               else (off_site.append(route.request.url), route.abort()))
    try:
        for edition in EDITIONS:
            for path in PAGES:
                page.goto(base + edition + path)
                page.wait_for_load_state("load")
                found = page.evaluate(DOM_CHECK, base)
                assert found == {"handlers": [], "scripts": [], "javascript": [], "external": [], "frames": []}, \
                    (edition, path, found)
        # Search results show the same text again, from Pagefind's index.
        page.goto(base + "2026-05-01-hostile/hostile-news/")
        page.keyboard.press("/")
        page.wait_for_selector("dialog[open] input")
        page.keyboard.insert_text("正文")
        page.wait_for_selector("dialog a.site-search__link", timeout=10_000)
        assert page.evaluate(DOM_CHECK, base)["handlers"] == []
    finally:
        page.close()
        server.shutdown()
    assert dialogs == [] and off_site == []


# Inline event handlers, scripts not of this site, javascript: links, links to other hosts
# without rel, and frames: none may come from the input.
DOM_CHECK = """base => {
  const all = [...document.querySelectorAll('*')];
  return {
    handlers: all.flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
    scripts: [...document.scripts].filter(s => (s.src && !s.src.startsWith(base)) || /alert/.test(s.textContent))
      .map(s => s.src || s.textContent.slice(0, 40)),
    javascript: [...document.querySelectorAll('a[href], [src], [action], [formaction]')]
      .filter(e => /^\\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') || e.getAttribute('src') || ''))
      .map(e => e.outerHTML.slice(0, 80)),
    external: [...document.querySelectorAll('a[href]')].filter(a => a.href.startsWith('http')
      && !a.href.startsWith(base) && !/noopener/.test(a.rel)).map(a => a.href),
    frames: [...document.querySelectorAll('iframe, object, embed, svg[onload], img:not([src^="' + base + '"])')]
      .filter(e => e.tagName !== 'IMG' || !e.src.startsWith(base)).map(e => e.outerHTML.slice(0, 80)),
  };
}"""


# Any edit of any contributor file ends in `check` passing or in one line naming the file; never
# in a traceback. Hypothesis mutates the real files with the characters YAML, Markdown and HTML
# give meaning to (the default profile tries a few dozen edits per file, HYPOTHESIS_PROFILE=bench
# thousands).
CONTRIBUTOR_FILES = ["source_texts/glossary.yml", "source_texts/zh-Hant.yml", f"{BULLETIN}/bulletin.yml",
                     f"{BULLETIN}/notes.yml", f"{BULLETIN}/links.yml", f"{BULLETIN}/en/interview.yml"]
HOSTILE_CHARACTERS = list(":-?[]{},&*!|>'\"%@`#\\<>/=()~^_$.\n\n\n    \t\r\x00\x07\x1b\x85\u2028\u202e\u200b\ufeff"
                          "019aZé新华社（）：、“”\u3000") + ["!!python/name:os.system", "&a", "*a", "? ", "---\n",
                                                             "<script>", "javascript:", "[x](//h)", "{#i}", "%s", "\n- "]


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    for name in ("mkdocs.yml", "overrides", "source_texts"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    return root


def test_no_edit_of_a_contributor_file_crashes_check(fuzz_project):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    originals = {name: (fuzz_project / name).read_text("utf-8") for name in CONTRIBUTOR_FILES}
    edit = st.tuples(st.integers(0, 10**9), st.integers(0, 40),
                     st.lists(st.sampled_from(HOSTILE_CHARACTERS), max_size=8).map("".join))

    @settings(max_examples=60 if os.environ.get("HYPOTHESIS_PROFILE") != "bench" else 3000, deadline=None,
              suppress_health_check=list(HealthCheck), database=None)
    @given(st.sampled_from(CONTRIBUTOR_FILES), st.lists(edit, min_size=1, max_size=4))
    def mutated(name, edits):
        text = originals[name]
        for at, cut, insert in edits:
            at %= len(text) + 1
            text = text[:at] + insert + text[at + cut:]
        try:
            (fuzz_project / name).write_text(text, "utf-8", errors="surrogatepass")
            code, lines = run(fuzz_project, "check")
            assert code in (0, 1), lines
            if code == 1:
                assert FILE_LINE.match(lines[0]) or FILE_ONLY.match(lines[0]), lines[0]
        finally:
            (fuzz_project / name).write_text(originals[name], "utf-8")

    mutated()


@pytest.mark.parametrize("markdown, html", [
    # Emphasis inside a link's target stays part of the target (it made <a href="…<em>…">).
    ("[x](https://example.org/a*b*c_d_)", '<a href="https://example.org/a*b*c_d_" rel="noopener noreferrer nofollow">'
                                          "x</a>"),
    ("*a [b](../p/#c_d) e*", '<em>a <a href="../p/#c_d">b</a> e</em>'),
    ("**`<b>`**", "<strong><code>&lt;b&gt;</code></strong>"),
    # Links that are not http(s), mailto or a path of this site keep their words, not their target.
    ("[x](//evil.example/)", "x"),
    ("[x](/\\evil.example/)", "x"),
    ("[x](&#106;avascript:alert(1))", "x)"),  # a target ends at the first ")"
    ("![img](https://example.org/i.png)", '<a href="https://example.org/i.png" rel="noopener noreferrer nofollow">'
                                          "img</a>"),
    # A line break never ends the HTML block the note is written in.
    ("a\n\n# b", "a&#10;&#10;&#35; b"),
])
def test_annotation_markdown_is_rendered_well_formed(markdown, html):
    from build_tools.safe_text import render

    assert render(markdown) == html


def test_every_quoted_note_keeps_its_marker(seed):
    """A note's words overlapping a glossary term (二十大) lost their mark and number to the term."""
    from build_tools.notes import load_notes
    from build_tools.render import render_site

    pages = render_site([seed], CHECKOUT)
    for note in load_notes(seed):
        article = note.block.split("__")[0]
        for edition in ("zh-Hans", "zh-Hant", "en"):
            page = pages[f"{edition}/{seed.id}/{article}.md"]
            assert f'id="note-{note.id}"' in page, (edition, note.id)
            if note.quote:
                assert f'href="#note-{note.id}"' in page, (edition, note.id)


@pytest.mark.parametrize("old, new", [
    ("六、", "一二三四五六七八九、"),  # read as part 123456789: its Roman numeral took minutes to write
    ("六、", "十十、"),                # no numeral of any form: a KeyError
    ("五、", "九十九、"),
    # A part's "title" of 3,000 characters repeating itself: matching it cost the cube of its length.
    ("第一部分为总体要求", "第一部分为" + "甲乙" * 1500),
    ("五是强化系统集成。", "五是强化系统集成。十十是测试。"),  # a point numbered 十十
    ("第六部分为", "第一一一部分为"),                        # part 111 of the framework answer
    # A text that starts inside an article (no title) or with a byline: check passed, build crashed.
    ("国家防总通报", "上文的结尾部分，接续前一版。\n\n国家防总通报"),
    ("国家防总通报", "□新华社记者 张三\n\n国家防总通报"),
    # Five 9,000-character lines without a full stop are one block of 45,000: its comment in the
    # translation file was longer than a line may be.
    ("国家防总通报", "\n\n".join(["长" * 9_000] * 5) + "。\n\n国家防总通报"),
])
def test_a_strange_bulletin_neither_stalls_nor_crashes(project, old, new):
    from build_tools.linking import crosslink
    from build_tools.pipeline import load_project
    from build_tools.render import render_site
    from conftest import edit_source

    edit_source(project, old, new, count=1)
    started = time.monotonic()
    code, lines = run(project, "translations", "--write")
    assert code in (0, 1), lines
    code, lines = run(project, "check")
    assert code in (0, 1), lines
    if code == 0:
        bulletins = load_project(project)
        pages = render_site(bulletins, Project(project), crosslink(bulletins))
        assert any(new[:-1][:100].split("\n")[0] in page for page in pages.values())
    assert time.monotonic() - started < 30


def test_notes_full_of_brackets_are_checked_in_linear_time(project):
    """39,000 "[" made each Markdown pattern scan ahead from every position: minutes per note. A note
    now holds 5,000 characters at most; these are checked in linear time whatever they hold."""
    write(project, f"{BULLETIN}/notes.yml", "".join(
        NOTE.format(id=f"n{i}", zh="'" + "[" * 4_999 + "'", en="'" + "[a](" * 1_249 + "'") for i in range(40)))
    started = time.monotonic()
    code, lines = run(project, "check")
    assert code == 0, lines
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("date, epoch", [("1956-05-02", 0), ("2026-04-26", 1777161600), ("9999-12-31", 2**32 - 1)])
def test_any_calendar_date_builds(date, epoch):
    """SOURCE_DATE_EPOCH goes into 32-bit fields (sitemap.xml.gz): a 1956 bulletin made MkDocs fail."""
    from types import SimpleNamespace

    from build_tools.pipeline import source_date_epoch

    assert source_date_epoch([SimpleNamespace(meta={"date": date})]) == epoch


def test_characters_reach_the_page_as_themselves():
    """C1 controls stay raw: as references HTML reads them as Windows-1252 (&#147; is “)."""
    from build_tools.markup import text
    from build_tools.textfile import check_lines

    assert text("引\x93号\x85") == "引\x93号\x85"
    assert text("a\nb\x1bc") == "a&#10;b&#27;c"
    check_lines(Path("x.txt"), "a" * 10 + "\r\n", 10)  # a CRLF line is as long as its LF twin


def test_a_handout_links_a_note_to_the_published_page_or_not_at_all():
    """Relative to the template folder, a note's link pointed into the machine that printed it."""
    from build_tools.safe_text import render

    assert render("[见](../opinion/#opinion__sec4__cl8)", base=None) == "见"
    assert render("[见](../opinion/#x)", base="https://example.org/b/interview/") == \
        '<a href="https://example.org/b/opinion/#x">见</a>'
    assert render("[见](../opinion/#x)") == '<a href="../opinion/#x">见</a>'


@pytest.mark.e2e
def test_no_page_links_to_another_host_by_accident(site):
    """On 404 pages base_url is "/": the language menu linked to //zh-Hant/, a host named zh-hant."""
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        found = re.findall(r'(?:href|src|data-[a-z-]+)="(//[^"]*)"', html)
        assert found == [], (page.relative_to(site), found[:3])


def test_a_note_across_a_clause_title_keeps_its_number(project):
    """The words 提高公共服务水平。推 run out of the clause's bold title: the mark is cut in two, not lost."""
    from build_tools.pipeline import load_project
    from build_tools.render import render_site

    write(project, f"{BULLETIN}/notes.yml", NOTE.format(id="across", zh="注。", en="x").replace(
        "  kind:", "  quote: 提高公共服务水平。推\n  kind:"))
    code, lines = run(project, "check")
    assert code == 0, lines
    page = render_site(load_project(project), Project(project))["zh-Hans/2026-04-26-xinhua/opinion.md"]
    assert ('<strong>（八）<span class="noted">提高公共服务水平。</span></strong><span class="noted">推</span>'
            '<sup class="note-ref"><a href="#note-across">') in page
