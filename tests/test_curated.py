"""Curated links: source_texts/<bulletin>/links.yml adds and removes links, and is checked line by line."""
import pytest

from build_tools.errors import BuildError
from build_tools.linking import crosslink
from conftest import parse_file

LINKS = "source_texts/2026-04-26-xinhua/links.yml"


def links_with(project, text):
    (project / LINKS).write_text(text, "utf-8")
    return crosslink([parse_file(project / "source_texts/2026-04-26-xinhua/source.txt")]).links


def test_the_shipped_file_adds_its_two_links(seed):
    curated = [l for l in crosslink([seed]).links if l.origin == "curated"]
    assert sorted((l.source.id, l.target.block) for l in curated) == [
        ("interview__q6__a1", "opinion__sec4__cl8"), ("interview__q6__a1", "opinion__sec4__cl9")]
    assert all(l.reason for l in curated)


def test_add_and_remove(project):
    links = links_with(project, """
add:
  - from: interview__q8__pt3
    to: opinion__sec6__p1
    reason: 加强跟踪指导 takes up 研究解决…重点难点问题
remove:
  - from: interview__q5__pt1
    to: opinion__sec3__cl4
    reason: testing a removal
""")
    pairs = {(l.source.id, l.target.block, l.origin) for l in links}
    assert ("interview__q8__pt3", "opinion__sec6", "curated") in pairs  # a block inside section 六's text
    assert not any(s == "interview__q5__pt1" for s, _, _ in pairs)


def test_a_link_to_a_missing_clause_of_the_outline(project):
    links = links_with(project, "add:\n  - from: interview__q2__pt1\n    to: opinion__sec2__cl1\n    reason: r\n")
    link = next(l for l in links if l.source.id == "interview__q2__pt1")
    assert link.target.present is False and link.target.heading == "加强新就业群体思想政治工作"


@pytest.mark.parametrize("text, message", [
    ("add:\n  - from: interview__q9__pt1\n    to: opinion__sec4__cl8\n    reason: r\n",
     "links.yml:2: add: unknown answer id 'interview__q9__pt1' in 'from' (answers here: interview__q1__a1 … "
     "interview__q8__pt4)"),
    ("add:\n  - from: interview__q6__pt1\n    to: opinion__sec4__cl13\n    reason: r\n",
     "links.yml:2: add: unknown block id 'opinion__sec4__cl13' in 'to' (clauses, sections and passages of opinion: "
     "opinion__sec3__cl4 … opinion__sec3)"),
    ("add:\n  - from: interview__q6__pt1\n    to: opinion__sec4__cl8\n",
     "links.yml:2: add: entry lacks reason (every link needs from:, to: and a reason:)"),
    ("remove:\n  - from: interview__q1__a1\n    to: opinion__sec4__cl8\n    reason: r\n",
     "links.yml:2: remove: the aligner makes no link from interview__q1__a1 to opinion__sec4__cl8; delete this entry"),
    ("add:\n  - from: interview__q6__pt1\n    to: opinion__sec4__cl8\n    reason: r\n    score: 1\n",
     "links.yml:2: add: unknown field 'score'; fields: from, to, reason"),
    ("remove:\n  - [broken\n", "links.yml:3: broken YAML: expected ',' or ']', but got '<stream end>' (while "
     "parsing a flow sequence that starts at line 2)"),
    ("delete:\n  - from: a\n", "links.yml:1: unknown section 'delete': use 'add:' or 'remove:'"),
])
def test_mistakes_name_file_and_line(project, text, message):
    with pytest.raises(BuildError) as err:
        links_with(project, text)
    assert str(err.value).endswith(message), str(err.value)
