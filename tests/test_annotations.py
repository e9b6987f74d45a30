"""Annotations from strangers: checked against schemas, rendered safely, anchored by their words."""
import os
import subprocess
import sys

import pytest

from build_tools.check import check_project
from build_tools.errors import BuildError
from build_tools.notes import find_quote, load_notes
from build_tools.pinyin import pinyin_problem
from build_tools.safe_text import problems, render
from conftest import REPO, edit_source, parse_file

BULLETIN = "source_texts/2026-04-26-xinhua"


def problems_in(project):
    try:
        bulletin = parse_file(project / BULLETIN / "source.txt")
    except BuildError as err:  # bulletin.yml is read with the text: its problems stop the parse
        return [str(err)]
    return [str(p) for p in check_project(project, [bulletin])]


def write(project, relative, text):
    (project / relative).write_text(text, "utf-8")


NOTE = """- id: {id}
  block: {block}
  quote: {quote}
  kind: context
  zh: 注释。
  en: A note.
"""


def test_the_shipped_files_pass(project):
    assert problems_in(project) == []


@pytest.mark.parametrize("relative, text, message", [
    # YAML syntax, with the line
    (f"{BULLETIN}/notes.yml", "- id: a\n  block: [x\n", "notes.yml:3: broken YAML"),
    # a key given twice (PyYAML would keep the last one silently)
    (f"{BULLETIN}/notes.yml", "- id: a\n  id: b\n", "notes.yml:2: 'id' appears twice (first at line 1)"),
    # schema: missing field, unknown field, wrong value
    (f"{BULLETIN}/notes.yml", "- id: a\n  block: opinion__sec4__cl8\n  kind: context\n  zh: 注\n",
     "notes.yml:1: 0: missing field 'en' (the note in English (Markdown without HTML))"),
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="提高") + "  colour: red\n",
     "notes.yml:7: 0: unknown field 'colour' (fields: id, block, quote, prefix, suffix, kind, zh, en)"),
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="提高").replace("context", "opinion"),
     "notes.yml:4: 0.kind: 'opinion' is not one of source, context, translation, correction"),
    (f"{BULLETIN}/notes.yml", NOTE.format(id="Bad Id", block="opinion__sec4__cl8", quote="提高"),
     "notes.yml:1: 0.id: 'Bad Id' is not of the form this field takes"),
    # ids: unknown block, duplicate note id
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl13", quote="提高"),
     "notes.yml:1: unknown block id 'opinion__sec4__cl13' (ids of opinion: opinion__title … opinion__sec6__p1)"),
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="提高公共服务水平")
     + NOTE.format(id="a", block="opinion__sec4__cl9", quote="营造和谐友好从业环境"),
     "notes.yml:7: note id 'a' is used twice (first at line 1); give each note its own id"),
    # quotes that do not match, or match twice
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="不存在的话"),
     "notes.yml:1: note 'a': the quoted words '不存在的话' are no longer in opinion__sec4__cl8; update the quote or the note"),
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="新就业群体"),
     "notes.yml:1: note 'a': '新就业群体' occurs 6 times in opinion__sec4__cl8; add a prefix: or suffix: to tell which"),
    # untrusted text
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="提高公共服务水平").replace(
        "A note.", "'<script>alert(1)</script>'"), "note 'a' (en): raw HTML is not allowed ('<script>')"),
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="提高公共服务水平").replace(
        "A note.", "'<img src=x onerror=alert(1)>'"), "note 'a' (en): raw HTML is not allowed ('<img src=x onerror=alert(1)>')"),
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="提高公共服务水平").replace(
        "A note.", "'[x](javascript:alert(1))'"), "note 'a' (en): link target 'javascript:alert(1' is not allowed"),
    (f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="提高公共服务水平").replace(
        "A note.", "'![x](https://evil.example/x.png)'"), "note 'a' (en): images are not allowed in annotations"),
    # glossary: a term that never occurs, pinyin that does not fit
    ("source_texts/glossary.yml", "- zh: 不存在的术语\n  pinyin: bù cúnzài de shùyǔ\n  en: x\n  alternatives: []\n"
     "  definition_en: x\n  definition_zh: x\n", "glossary.yml:1: '不存在的术语' never occurs in any bulletin"),
    ("source_texts/glossary.yml", "- zh: 新就业群体\n  pinyin: xīn jiùyè qǔntǐ\n  en: x\n  alternatives: []\n"
     "  definition_en: x\n  definition_zh: x\n", "glossary.yml:2: '新就业群体': pinyin 'xīn jiùyè qǔntǐ' does not read"),
    # other contributor files
    (f"{BULLETIN}/bulletin.yml", "publisher: 新华社\ncolour: red\n", "bulletin.yml:2: unknown field 'colour' (fields: id,"),
    (f"{BULLETIN}/links.yml", "add:\n  - from: interview__q1__a1\n    to: opinion__sec4__cl8\n",
     "links.yml:2: add: entry lacks reason (every link needs from:, to: and a reason:)"),
    ("source_texts/zh-Hant.yml", "发布: 42\n", "zh-Hant.yml:1: 发布: expected string, got int 42"),
])
def test_every_kind_of_mistake_is_named_with_file_line_and_remedy(project, relative, text, message):
    write(project, relative, text)
    found = problems_in(project)
    assert any(message in p for p in found), found


def test_a_translation_file_for_no_article(project):
    write(project, f"{BULLETIN}/en/opinions.yml", "{}\n")
    assert any("en/opinions.yml:1: no article 'opinions' in this bulletin" in p for p in problems_in(project))


def test_check_lists_every_problem_and_exits_1(project):
    write(project, f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl13", quote="x")
          + NOTE.format(id="b", block="opinion__sec4__cl8", quote="不存在"))
    result = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(project), "check"], cwd=project,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert [line.split(": ", 2)[1] for line in lines[:2]] == [f"{BULLETIN}/notes.yml:1", f"{BULLETIN}/notes.yml:7"]
    assert lines[-1] == "2 problem(s) in contributor files; nothing was written"


def test_a_note_survives_an_edit_elsewhere_in_its_block(project):
    write(project, f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="法律援助生活困难"))
    bulletin = parse_file(edit_source(project, "推行由常住地提供基本公共服务", "推行由常住地稳步提供基本公共服务"))
    [note] = load_notes(bulletin)
    block = next(b for a in bulletin.articles for b in a.blocks if b.id == "opinion__sec4__cl8")
    assert "稳步提供" in block.text and len(find_quote(note, block.text)) == 1
    assert not [p for p in problems_in(project) if "notes.yml" in p]


def test_a_note_whose_words_are_gone_is_reported(project):
    write(project, f"{BULLETIN}/notes.yml", NOTE.format(id="a", block="opinion__sec4__cl8", quote="法律援助生活困难"))
    edit_source(project, "法律援助生活困难", "法律援助等作用，对生活困难")
    assert any("the quoted words '法律援助生活困难' are no longer in opinion__sec4__cl8" in p for p in problems_in(project))


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt&#58;alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "![x](https://evil.example/x.png)",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example>",
])
def test_the_renderer_neutralises_what_check_rejects(payload):
    assert problems(payload), payload
    html = render(payload)
    assert "<script" not in html and "<img" not in html and "<svg" not in html and "<iframe" not in html
    assert 'href="javascript' not in html.lower() and 'href="data:' not in html.lower()


def test_the_renderer_keeps_the_small_markdown():
    assert render("**粗体** *italic* `code` [链接](https://www.gov.cn/)") == (
        '<strong>粗体</strong> <em>italic</em> <code>code</code> '
        '<a href="https://www.gov.cn/" rel="noopener noreferrer nofollow">链接</a>')


@pytest.mark.parametrize("term, written, ok", [
    ("新就业群体", "xīn jiùyè qúntǐ", True),
    ("行业", "hángyè", True),
    ("调解", "tiáojiě", True),
    ("新就业群体", "xin jiuye qunti", False),   # no tone marks
    ("新就业群体", "xīn jiùyè qǔntǐ", False),   # wrong tone
    ("算法", "suànfǎ zhìlǐ", False),           # syllables too many
])
def test_pinyin_is_checked_against_the_characters(term, written, ok):
    assert (pinyin_problem(term, written) is None) == ok


def test_every_contributor_field_is_documented():
    import json

    contributing = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    for name in ("notes", "glossary"):
        schema = json.loads((REPO / "build_tools" / "schemas" / f"{name}.schema.json").read_text("utf-8"))
        for field in schema["items"]["properties"]:
            assert f"{field}:" in contributing or f"`{field}`" in contributing, (name, field)
