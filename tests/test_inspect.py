"""`python -m build_tools inspect`: what the parser sees, each thing with the line a contributor finds it on."""
import hashlib
import json
import re

import jsonschema
import pytest
import yaml

from build_tools.__main__ import main
from build_tools.inspection import report
from build_tools.linking import crosslink
from build_tools.model import Guess
from conftest import CORPUS, NO1, POLITICAL, REPO, SEED, parse_text

# `source.txt:43` at the start of a line of the report (after its indentation).
PLACE = re.compile(r"^\s*(?P<file>[^\s:]+\.txt):(?P<line>\d+)\s")


def inspect(capsys, monkeypatch, folder, *names):
    """The report on `names` in `folder`, run as the command is, from that folder."""
    monkeypatch.chdir(folder)
    assert main(["inspect", *names]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_the_first_bulletin_shows_articles_questions_points_clauses_and_links(capsys, monkeypatch):
    out = inspect(capsys, monkeypatch, SEED.parent, "source.txt")
    lines = out.splitlines()
    assert lines[0] == "source.txt: bulletin 2026-04-26-xinhua, 7 articles; bulletin.yml used"
    assert "source.txt:3    article interview (interview)" in lines
    assert "  source.txt:5    byline: □新华社记者" in lines
    assert "    source.txt:9    interview__q1  问:请介绍一下制定《意见》的背景和意义。" in lines
    assert "      source.txt:31   interview__q5__pt2  二是强化合法权益保障。督促互联网平台企业、快递企业等根据工作…" in lines
    # The document: continued from page 1, its fragment, sections and clauses with the ids pages anchor to.
    assert "source.txt:49   article producer-services (news), id from bulletin.yml" in lines
    assert "  source.txt:85   continued: ■上接第1版 (begins on page 1, not in this text)" in lines
    assert "    source.txt:95   opinion__sec4  heading 「加大关爱力度」" in lines
    assert "      source.txt:97   opinion__sec4__cl8  clause 「提高公共服务水平」" in lines
    assert "      source.txt:113  section text: 1 paragraph, opinion__sec6__p1" in lines
    assert "  source.txt:123  photo credit: 新华社记者 鞠焕宗 摄" in lines
    # A link names both ends with their lines, its score and its evidence.
    link = next(line for line in lines if "interview__q5__pt1 -> " in line)
    assert link.startswith("    source.txt:31   interview__q5__pt1 -> source.txt:85   opinion__sec3__cl4  score ")
    assert "title「依法规范用工管理」" in link
    curated = next(line for line in lines if "interview__q6__a1 -> source.txt:99 " in line)
    assert "(curated in links.yml: The lead names (九) by its title" in curated
    assert ("    not in the text, known from the interview's outline: opinion__sec1, opinion__sec2, "
            "opinion__sec2__cl1, opinion__sec2__cl2, opinion__sec2__cl3, opinion__sec3") in lines
    assert lines[-1].endswith("against the printed page") or lines[-1].startswith("0 guesses")


def test_a_folder_stands_for_its_source_and_each_text_is_read_once(capsys, monkeypatch):
    by_folder = inspect(capsys, monkeypatch, SEED.parent.parent, SEED.parent.name, f"{SEED.parent.name}/source.txt")
    assert by_folder.count("article opinion (policy)") == 1
    assert by_folder.startswith("2026-04-26-xinhua/source.txt: bulletin 2026-04-26-xinhua")


@pytest.mark.parametrize("folder, names", [
    (SEED.parent, ["source.txt"]),
    (POLITICAL, ["document.txt", "interview.txt"]),
    (NO1, ["interview.txt", "document.txt"]),
    (CORPUS / "2020-01-06-party-organs-regulations", ["document.txt", "interview.txt"]),
    (CORPUS / "2020-02-25-wildlife-decision", ["document.txt", "interview.txt"]),
    (CORPUS / "pages", ["2019-02-20-p01.txt", "2020-02-25-p06.txt"]),
], ids=["seed", "sections-clauses", "inline-clauses", "chapters-articles", "sections-only", "whole-pages"])
def test_every_thing_named_is_at_the_line_printed(capsys, monkeypatch, folder, names):
    """Each line that names something in a text starts with its place, and the text is there."""
    out = inspect(capsys, monkeypatch, folder, *names)
    sources = {name: (folder / name).read_text("utf-8").split("\n") for name in names}
    checked = 0
    for line in out.splitlines():
        place = PLACE.match(line)
        if place is None:
            # What names nothing in a text: a file's header, counts, a pair, the outline, the quoted line
            # of a guess (under the guess, which has its place), the summary.
            assert (not line.strip() or re.match(r"\S+\.txt: bulletin ", line) or line.endswith(":")
                    or " explains " in line or "known from the interview's outline" in line
                    or line.startswith(("links:", "guesses", "0 guesses")) or line.lstrip().startswith("| ")
                    or re.match(r"\d+ guess", line)), line
            continue
        words = re.search(r"[\u4e00-\u9fff（□■—][^…」\s]{0,5}", line[place.end():])
        if words and " -> " not in line:  # a link's evidence is in the other text
            assert words.group(0) in sources[place["file"]][int(place["line"]) - 1], line
            checked += 1
    assert checked > 30


def test_a_corpus_pair_in_two_files_is_linked(capsys, monkeypatch):
    out = inspect(capsys, monkeypatch, POLITICAL, "document.txt", "interview.txt")
    lines = out.splitlines()
    assert "document.txt: bulletin document, 1 article; no bulletin.yml beside it: ids and metadata are defaults" in lines
    assert "  document.txt:3    date: （2019年1月31日）" in lines
    assert "    document.txt:5    opinion__sec1  heading 「加强党的政治建设的总体要求」" in lines
    assert "      document.txt:6    section text: 4 paragraphs, opinion__sec1__p1 … opinion__sec1__p4" in lines
    assert "      document.txt:48   opinion__sec5__cl16  clause 「永葆清正廉洁的政治本色」" in lines
    assert "    interview.txt:14  interview__q4  问：请问《意见》对加强党的政治建设主要部署了哪些任务。" in lines
    assert "  interview (interview.txt) explains opinion (document.txt): " in out
    # Evidence where the answer names the clause's title with words inserted.
    link = next(line for line in lines if "-> document.txt:48   opinion__sec5__cl16 " in line)
    assert link.startswith("    interview.txt:15  interview__q4__pt4 -> ")
    assert "title「永葆共产党人清正廉洁的政治本色」" in link


def test_an_interview_without_its_document_says_what_to_add(capsys, monkeypatch):
    out = inspect(capsys, monkeypatch, POLITICAL, "interview.txt")
    assert ("links: 0, from 0 interviews paired with a document\n"
            "  interview.txt:2   article interview (interview) names no policy document of these texts in 《…》: "
            "inspect it together with its document's text\n") in out


def test_guesses_are_flagged_with_their_line_topic_and_correction():
    bulletin = parse_text("全国规上工业企业\n复工率逐步提高\n\n记者从工业和信息化部获悉，复工率逐步提高。\n",
                          name="news.txt")
    bulletin.guesses = [
        Guess(2, "headline", "title run of 2 lines: line 1 taken as title, line 2 as subtitle"),  # overridden:
        Guess(2, "headline", "title run of 2 lines: line 1 taken as overline, line 2 as title", corrected=True),
        Guess(1, "start", "an article starts here: no marker before it"),
    ]
    out = report([bulletin], crosslink([bulletin]))
    assert out.endswith(
        "guesses (decisions no marker settled; bulletin.yml `corrections` can override each):\n"
        "  news.txt:1  GUESS start  an article starts here: no marker before it\n"
        "    | 全国规上工业企业\n"
        "  news.txt:2  GUESS headline  corrected  title run of 2 lines: line 1 taken as overline, line 2 as title\n"
        "    | 复工率逐步提高\n"
        "2 guesses, 1 corrected: check each against the printed page\n")


def test_a_text_with_nothing_to_guess_says_so():
    bulletin = parse_text("复工率逐步提高\n——工业企业复工观察\n\n记者从工业和信息化部获悉，复工率逐步提高。\n", name="n.txt")
    assert report([bulletin], crosslink([bulletin])).endswith(
        "links: none (no interview among these texts)\n\n0 guesses: every decision was settled by a marker\n")


# Two unindented lines, no `——`, before an indented body: overline and title, or title and subtitle?
TITLE_RUN = ("全国规上工业企业复工率逐步提高\n中小企业复工步伐加快\n"
             "　　新华社北京3月1日电　记者从工业和信息化部获悉，复工率逐步提高。\n"
             "　　截至目前，全国规上工业企业复工率达到九成。\n")


def test_the_parser_flags_an_unmarked_title_run(tmp_path, capsys, monkeypatch):
    (tmp_path / "run.txt").write_text(TITLE_RUN, "utf-8")
    out = inspect(capsys, monkeypatch, tmp_path, "run.txt")
    assert "  run.txt:1  overline: 全国规上工业企业复工率逐步提高\n  run.txt:2  title: 中小企业复工步伐加快\n" in out
    assert out.endswith(
        "guesses (decisions no marker settled; bulletin.yml `corrections` can override each):\n"
        "  run.txt:1  GUESS headline  title run of 2 lines: line 1 taken as overline, line 2 taken as title "
        "(the last line of a run is the title)\n"
        "    | 全国规上工业企业复工率逐步提高\n"
        "1 guess, 0 corrected: check it against the printed page\n")


def test_a_correction_in_bulletin_yml_is_shown_applied_and_marked(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "2020-03-01-test"
    folder.mkdir()
    (folder / "source.txt").write_text(TITLE_RUN, "utf-8")
    (folder / "bulletin.yml").write_text(
        "sha256: " + hashlib.sha256(TITLE_RUN.encode()).hexdigest() + "\n"
        "corrections:\n"
        "  - line: 1\n"
        "    text: 全国规上工业企业复工率逐步提高\n"
        "    headline: [title, subtitle]\n", "utf-8")
    out = inspect(capsys, monkeypatch, folder, ".")
    assert "  source.txt:1  title: 全国规上工业企业复工率逐步提高\n  source.txt:2  subtitle: 中小企业复工步伐加快\n" in out
    assert re.search(r"^  source\.txt:1  GUESS headline  corrected  .*\n    \| 全国规上工业企业复工率逐步提高\n"
                     r"1 guess, 1 corrected: check it against the printed page\n\Z", out, re.MULTILINE), out


def test_control_characters_from_the_text_are_shown_escaped(tmp_path, capsys, monkeypatch):
    (tmp_path / "odd.txt").write_text("复工\x1b[31m率\u202e提高\x07\n\n记者从工业和信息化部获悉，复工率逐步提高。\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["inspect", "odd.txt"]) == 0
    out, err = capsys.readouterr()
    assert "  odd.txt:1  title: 复工\\x1b[31m率\\u202e提高\\x07\n" in out
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", out + err)
    # As check does, each is also named with its line and column.
    assert err.startswith("warning: odd.txt:1:3: ")


@pytest.mark.parametrize("setup, message", [
    # A folder that is not a bulletin's.
    (lambda d: (d / "empty").mkdir() or "empty",
     "error: empty: a folder without a source.txt: give a bulletin's folder, its source.txt, or any .txt file"),
    # The same errors as check and export for a file that is not a bulletin's text.
    (lambda d: (d / "blank.txt").write_bytes(b"\n \n") and "blank.txt",
     "error: blank.txt: the file is empty: a bulletin needs its text"),
    (lambda d: "missing.txt", "error: missing.txt: cannot read the file (No such file or directory)"),
    (lambda d: (d / "en.txt").write_text("Hello world.\nThis is not a bulletin.\n") and "en.txt",
     "error: en.txt:1: no recognisable article: the file contains no Chinese text"),
])
def test_bad_input_is_one_error_line_and_exit_1(tmp_path, capsys, monkeypatch, setup, message):
    monkeypatch.chdir(tmp_path)
    assert main(["inspect", setup(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == message + "\n"


def test_the_readme_shows_what_inspect_prints(capsys, monkeypatch):
    """The README's example is the command's output, shortened (a link's score and evidence left to the aligner)."""
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme[readme.index("### What `inspect` shows"):]
    start = section.index("```text\n") + 8
    example = section[start : section.index("\n```", start)].splitlines()
    assert example[0] == "$ python -m build_tools inspect document.txt interview.txt"
    out = inspect(capsys, monkeypatch, POLITICAL, "document.txt", "interview.txt").splitlines()
    for line in example[1:]:
        if line != "…":
            shown = line.split("  score ")[0]
            assert any(printed.split("  score ")[0] == shown for printed in out), line


def test_the_readme_shows_the_guesses_inspect_prints(tmp_path, capsys, monkeypatch):
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme[readme.index("and last, the guesses."):]
    start = section.index("```text\n") + 8
    example = section[start : section.index("```", start)]
    folder = tmp_path / "2020-02-25-p06"
    folder.mkdir()
    (folder / "source.txt").write_bytes((CORPUS / "pages" / "2020-02-25-p06.txt").read_bytes())
    out = inspect(capsys, monkeypatch, folder, ".")
    assert out.endswith("\n" + example)


def test_the_readme_documents_every_correction_and_its_example_is_valid():
    """The example validates against the schema check uses, and each key of the schema is in it."""
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme[readme.index("### Correcting a guess"):]
    start = section.index("```yaml\n") + 8
    example = yaml.safe_load(section[start : section.index("```", start)])
    schema = json.loads((REPO / "build_tools" / "schemas" / "bulletin.schema.json").read_text("utf-8"))
    jsonschema.validate({"sha256": "0" * 64, **example}, schema)
    keys = schema["properties"]["corrections"]["items"]["properties"]
    assert set(example["corrections"][0]) == set(keys)
