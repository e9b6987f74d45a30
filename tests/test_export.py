"""`python -m build_tools export`: the model as JSON, as documented in the README."""
import json
import os
import subprocess
import sys

from conftest import NO1, REPO, SEED


def export(*paths):
    result = subprocess.run([sys.executable, "-m", "build_tools", "export", *map(str, paths)],
                            cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_export_of_the_bulletin():
    data = json.loads(export(SEED))
    assert data["format"] == "policy-bulletin-model/2"
    [bulletin] = data["bulletins"]
    assert {k: bulletin[k] for k in ("id", "publisher", "date", "page")} == {
        "id": "2026-04-26-xinhua", "publisher": "新华社", "date": "2026-04-26", "page": None}
    assert [(a["id"], a["kind"], a["continued"]) for a in bulletin["articles"]] == [
        ("interview", "interview", False), ("producer-services", "news", False), ("opinion", "policy", True),
        ("auto-show", "photo", False), ("flood-control", "news", False), ("inner-mongolia-ai", "news", True),
        ("trial-fields", "news", True)]
    interview, opinion = bulletin["articles"][0], bulletin["articles"][2]
    point = next(b for b in interview["blocks"] if b["id"] == "interview__q6__pt3")
    assert {k: point[k] for k in ("type", "question", "point")} == {"type": "point", "question": 6, "point": 3}
    assert point["text"].startswith("三是发挥党组织、行业管理和业务监管部门")
    question = next(b for b in interview["blocks"] if b["id"] == "interview__q6")
    assert (question["type"], question["question"], question["point"]) == ("question", 6, None)
    clause = next(b for b in opinion["blocks"] if b["id"] == "opinion__sec4__cl8")
    assert {k: clause[k] for k in ("type", "section", "clause", "section_number", "clause_number", "line")} == {
        "type": "clause", "section": "四", "clause": "八", "section_number": 4, "clause_number": 8, "line": 97}
    heading = next(b for b in opinion["blocks"] if b["id"] == "opinion__sec5")
    assert (heading["type"], heading["section"], heading["clause"]) == ("heading", "五", None)
    assert clause["text"].startswith("（八）提高公共服务水平。") and clause["raw"].startswith("(八)提高公共服务水平。")


def test_export_carries_the_links():
    data = json.loads(export(SEED))
    link = next(l for l in data["links"] if l["from"]["block"] == "interview__q5__pt3")
    assert link["from"] == {"bulletin": "2026-04-26-xinhua", "article": "interview", "block": "interview__q5__pt3",
                            "question": 5, "point": 3}
    assert link["to"] == {"bulletin": "2026-04-26-xinhua", "article": "opinion", "block": "opinion__sec3__cl6",
                          "section": "三", "clause": "六", "heading": "加强互联网平台算法治理", "in_bulletin": True}
    assert link["origin"] == "auto" and 0 < link["score"] <= 1 and link["reason"] is None
    assert link["evidence"][0] == {"kind": "title", "text": "加强互联网平台算法治理"}
    whole = next(l for l in data["links"] if l["from"]["block"] == "interview__q8__a1")
    assert (whole["from"]["point"], whole["to"]["section"], whole["to"]["clause"]) == (None, "六", None)
    missing = next(l for l in data["links"] if l["from"]["block"] == "interview__q4__pt1")
    assert (missing["to"]["block"], missing["to"]["in_bulletin"]) == ("opinion__sec2__cl1", False)
    curated = [l for l in data["links"] if l["origin"] == "curated"]
    assert len(curated) == 2 and all(l["reason"] for l in curated)


def test_export_of_several_files_keeps_their_order():
    data = json.loads(export(NO1 / "document.txt", NO1 / "interview.txt"))
    assert [b["id"] for b in data["bulletins"]] == ["document", "interview"]
    assert [a["kind"] for b in data["bulletins"] for a in b["articles"]] == ["policy", "interview"]
    answer = data["bulletins"][1]["articles"][0]["blocks"][2]
    assert (answer["type"], answer["speaker"], answer["question"]) == ("answer", "韩长赋", 1)


def test_export_is_byte_for_byte_reproducible():
    assert export(SEED) == export(SEED)


def test_check_parses_every_bulletin_and_writes_nothing(tmp_path):
    result = subprocess.run([sys.executable, "-m", "build_tools", "check"], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0
    assert result.stderr.endswith("source.txt: 7 articles, every character accounted for; contributor files valid\n")
