"""The aligner against every answer key of the corpus, and the keys' own reading (fast: no browser).

Floors per pair: question level as the issue demands (precision ≥ 0.90, recall ≥ 0.85) for
every pair; point level at what the aligner reaches minus a small margin, so that a change
that loses point-level links shows here even while the question level holds.
"""
import json
from pathlib import Path

import pytest

from build_tools.__main__ import main
from build_tools.errors import BuildError
from build_tools.evaluate import AnswerKey, Score, corpus_keys, evaluate, read_key, score
from conftest import CORPUS, REPO

KEYS = corpus_keys(REPO)
SEED_KEY = REPO / "tests" / "fixtures" / "gold" / "2026-04-26-xinhua.yml"
QUESTION_PRECISION = 0.90
QUESTION_RECALL = 0.85
# Pairs the aligner does not yet bring to the issue's floor, and why (bench/ALIGNMENT.md has the
# figures). Strict: the day one passes, this fails until it is taken off the list.
SHORT_OF_THE_ISSUE = {
    "2019-02-20-no1-document": "its key links each part beside the clauses an answer goes through (一、 with its "
                               "four clauses; 五、六、七 likewise), the gold YAML files and the first bulletin never "
                               "do and align.py follows them: four of its 24 links, so no rule that keeps the first "
                               "bulletin's links passes Q R 0.83 (bench/ALIGNMENT.md, Q R ceiling)",
    "2020-01-06-party-organs-regulations": "the answer on what was revised names 30 articles and chapters mostly "
                                           "in other words (修改…任期 for 每届任期一般为3年): Q R reach 0.82; six "
                                           "chapters are keyed beside their articles (Q R ceiling 0.90)",
    "2020-02-25-wildlife-decision": "three of its twelve links are paraphrases (鱼类等水生野生动物不列入禁食范围 for "
                                    "二's 陆生野生动物) with too little in common to tell from chance",
}
# Floors against regression, per pair: the issue's where it is met, else what the aligner reaches less
# about 0.05; question level (precision, recall), then point level, from `python -m build_tools evaluate`.
QUESTION_FLOORS = {
    "2019-02-28-political-construction": (QUESTION_PRECISION, QUESTION_RECALL),
    "2020-02-06-no1-document": (QUESTION_PRECISION, QUESTION_RECALL),
    "2026-04-26-xinhua": (1.0, 1.0),  # the first bulletin keeps every link
    "2019-02-20-no1-document": (0.95, 0.66),
    "2020-01-06-party-organs-regulations": (QUESTION_PRECISION, 0.42),
    "2020-02-25-wildlife-decision": (0.95, 0.70),
}
POINT_FLOORS = {
    "2019-02-28-political-construction": (0.83, 0.87),
    "2020-02-06-no1-document": (0.95, 0.95),
    "2026-04-26-xinhua": (1.0, 0.89),  # no wrong point; two links are curated by hand, not found
    "2019-02-20-no1-document": (0.95, 0.66),
    "2020-01-06-party-organs-regulations": (0.71, 0.37),
    "2020-02-25-wildlife-decision": (0.80, 0.64),
}


def name_of(path: Path) -> str:
    return path.stem if path.suffix else path.name


def pairs(short_of_the_issue: bool = False) -> list:
    out = []
    for path in KEYS:
        reason = SHORT_OF_THE_ISSUE.get(name_of(path)) if short_of_the_issue else None
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(path, id=name_of(path), marks=marks))
    return out


@pytest.fixture(scope="module")
def results():
    return {}


def evaluated(path: Path, cache: dict):
    if path not in cache:
        cache[path] = evaluate(path, REPO)
    return cache[path]


def test_every_corpus_pair_has_a_key_and_a_floor():
    names = sorted(read_key(path, REPO).name for path in KEYS)
    assert names == sorted(POINT_FLOORS) == sorted(QUESTION_FLOORS)
    assert {p.name for p in CORPUS.iterdir() if p.is_dir() and p.name != "pages"} <= set(names)


@pytest.mark.parametrize("path", pairs(short_of_the_issue=True))
def test_question_level_meets_the_issue(path, results):
    q = evaluated(path, results).questions
    assert q.precision >= QUESTION_PRECISION, sorted(q.wrong)
    assert q.recall >= QUESTION_RECALL, sorted(q.missed)


@pytest.mark.parametrize("level, floors", [("questions", QUESTION_FLOORS), ("points", POINT_FLOORS)],
                         ids=["question-level", "point-level"])
@pytest.mark.parametrize("path", pairs())
def test_floor(path, results, level, floors):
    result = evaluated(path, results)
    precision, recall = floors[result.key.name]
    score = getattr(result, level)
    assert score.precision >= precision, sorted(score.wrong, key=str)
    assert score.recall >= recall, sorted(score.missed, key=str)


@pytest.mark.parametrize("path", pairs())
def test_the_aligner_beats_the_baseline(path, results):
    result = evaluated(path, results)
    assert result.questions.f1 > result.baseline.f1


def test_the_first_bulletin_keeps_every_link(results):
    q = evaluated(SEED_KEY, results).questions
    assert q.precision == q.recall == 1.0, (sorted(q.wrong), sorted(q.missed))


# Scoring: what counts, at which level.

KEY = AnswerKey(Path("k.json"), "k", (), frozenset({(1, 1, 2, None), (1, 2, 3, 4), (2, None, 5, 1)}),
                frozenset({(1, 1, 3, 4), (2, None, 6, None)}))


class FakeLink:
    def __init__(self, question, point, section, clause):
        self.source = type("B", (), {"question": question, "point": point, "id": f"q{question}"})()
        self.target = type("T", (), {"section_number": section, "clause_number": clause})()
        self.evidence = []


def test_a_wrong_link_costs_precision_and_a_missing_one_recall():
    perfect = score(KEY, [FakeLink(*k) for k in KEY.links])
    assert (perfect.questions.precision, perfect.questions.recall, perfect.points.precision) == (1.0, 1.0, 1.0)
    result = score(KEY, [FakeLink(1, 1, 2, None), FakeLink(1, 2, 3, 4), FakeLink(2, None, 7, None)])
    assert result.questions.wrong == {(2, 7, None)} and result.questions.missed == {(2, 5, 1)}
    assert result.questions.precision == result.questions.recall == 2 / 3


def test_borderline_links_count_neither_way():
    # (2, 6, –) is borderline: found, it is not wrong; not found, it is not missed.
    found = [FakeLink(*k) for k in KEY.links] + [FakeLink(2, None, 6, None)]
    assert score(KEY, found).questions.precision == 1.0
    assert score(KEY, found[:3]).questions.recall == 1.0
    # (1, 1, 3, 4) is borderline at point level, but (1, 3, 4) is a real link at question level.
    assert Score({(1, 3, 4)}, {(1, 3, 4)}, {(1, 3, 4)}).recall == 1.0
    moved = score(KEY, [FakeLink(1, 1, 2, None), FakeLink(1, 1, 3, 4), FakeLink(2, None, 5, 1)])
    assert moved.points.precision == 1.0 and moved.points.missed == {(1, 2, 3, 4)}
    assert moved.questions.recall == 1.0


def test_a_point_on_the_wrong_point_is_right_at_question_level_only():
    result = score(KEY, [FakeLink(1, 2, 2, None), FakeLink(1, 1, 3, 4), FakeLink(2, None, 5, 1)])
    assert result.questions.precision == result.questions.recall == 1.0
    assert result.points.wrong == {(1, 2, 2, None)} and result.points.missed == {(1, 1, 2, None), (1, 2, 3, 4)}


# Reading the keys.

def test_both_key_forms_read_as_numbers():
    yaml_key = read_key(REPO / "tests" / "fixtures" / "gold" / "2019-02-28-political-construction.yml", REPO)
    assert (4, 1, 2, 1) in yaml_key.links and (2, None, 1, None) in yaml_key.links  # pt1 → 二（一）; a1 → 一
    assert len(yaml_key.sources) == 2
    assert len(read_key(SEED_KEY, REPO).sources) == 1  # one bulletin holding both
    folder = CORPUS / "2020-02-25-wildlife-decision"
    json_key = read_key(folder, REPO)
    assert json_key == read_key(folder / "links.json", REPO)
    assert (2, 3, 2, None) in json_key.links and (1, None, 2, None) in json_key.borderline
    assert json_key.sources == (folder / "document.txt", folder / "interview.txt")
    assert "加重处罚" in json_key.reasons[(2, 3, 1, None)]


def pair_folder(tmp_path, key) -> Path:
    for name in ("document.txt", "interview.txt"):
        (tmp_path / name).write_text("x", "utf-8")
    (tmp_path / "links.json").write_text(key if isinstance(key, str) else json.dumps(key), "utf-8")
    return tmp_path


@pytest.mark.parametrize("key, message", [
    ('{"links": [', "links.json:1:12: broken JSON: Expecting value"),
    ({"link": []}, "links.json: expected an object with a `links` list (and optionally `borderline`)"),
    ({"links": [{"question": 0, "point": None, "target": [1, 2]}]},
     "links.json: links[0].question: expected a number from 1 (the question in print order), got 0"),
    ({"links": [{"question": 1, "point": "一", "target": [1, 2]}]},
     "links.json: links[0].point: expected a number from 1, or null for the answer as a whole, got '一'"),
    ({"links": [{"question": 1, "point": None, "target": ["三", None]}]},
     "links.json: links[0].target: expected [section, clause] as numbers ([3, 4], or [3, null] for a whole "
     "section; chapter and article for a 条例), got ['三', None]"),
    ({"links": [], "borderline": [{"question": 1, "point": None, "target": [3]}]},
     "links.json: borderline[0].target: expected [section, clause] as numbers"),
    ({"links": [{"question": 1, "point": None, "target": [3, None]}],
      "borderline": [{"question": 1, "point": None, "target": [3, None]}]},
     "links.json: a link cannot be both certain and borderline: (1, None, 3, None)"),
], ids=["syntax", "no-links", "question", "point", "numerals", "borderline", "both"])
def test_a_broken_links_json_is_named(tmp_path, key, message):
    with pytest.raises(BuildError) as err:
        read_key(pair_folder(tmp_path, key), tmp_path)
    assert str(err.value).endswith(message) or message in str(err.value)
    assert str(tmp_path / "links.json") in str(err.value) or "links.json" in str(err.value)


def test_a_pair_folder_without_its_texts_is_named(tmp_path):
    (tmp_path / "links.json").write_text('{"links": []}', "utf-8")
    with pytest.raises(BuildError, match="a pair folder holds document.txt, interview.txt and links.json: "
                                         "document.txt is missing"):
        read_key(tmp_path, tmp_path)


GOLD_HEAD = "document: a.txt\ninterview: a.txt\nquestions:\n"


@pytest.mark.parametrize("body, message", [
    ("  1:\n    links:\n      - [三, 四]\n    points:\n      interview__q1__pt1: [[三, 五]]\n",
     "gold.yml:4: question 1: `links` and `points` disagree (only in links: [(3, 4)], only in points: [(3, 5)])"),
    ("  1:\n    links:\n      - [3, 4]\n", "gold.yml:6: expected [section, clause] in Chinese numerals"),
    ("  1:\n    links:\n      - [三, 四]\n    points:\n      interview__q2__pt1: [[三, 四]]\n",
     "gold.yml:8: question 1: 'interview__q2__pt1' is not an answer block of this question"),
    ("  first:\n    links: []\n", "gold.yml:4: question numbers are whole numbers from 1, got 'first'"),
], ids=["disagree", "digits", "other-question", "question"])
def test_a_broken_gold_file_is_named_with_its_line(tmp_path, body, message):
    (tmp_path / "a.txt").write_text("x", "utf-8")
    (tmp_path / "gold.yml").write_text(GOLD_HEAD + body, "utf-8")
    with pytest.raises(BuildError) as err:
        read_key(tmp_path / "gold.yml", tmp_path)
    assert message in str(err.value)


def test_a_gold_file_naming_a_missing_text_is_named(tmp_path):
    (tmp_path / "gold.yml").write_text(GOLD_HEAD, "utf-8")
    with pytest.raises(BuildError, match=r"gold.yml:1: no such file: .*a.txt \(paths are relative to the project"):
        read_key(tmp_path / "gold.yml", tmp_path)


def test_evaluate_command_prints_a_row_per_pair(capsys):
    assert main(["--root", str(REPO), "evaluate", str(SEED_KEY),
                 str(REPO / "tests/fixtures/gold/2020-02-06-no1-document.yml")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("| pair | questions P | questions R | points P | points R | baseline P")
    assert out[2].startswith("| 2026-04-26-xinhua | 1.00 | 1.00 |")
    assert out[3].startswith("| 2020-02-06-no1-document | ")
