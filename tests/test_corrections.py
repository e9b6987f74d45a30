"""Corrections in bulletin.yml: each overrides one guess of the parser, quotes its line, and is
refused, with the file and line, when it no longer matches the text or changes nothing it can."""
from pathlib import Path

import pytest

from build_tools.errors import BuildError
from build_tools.parse import parse_source
from build_tools.source import Source, read_meta
from build_tools.validation import first_error
from build_tools.yamlfile import parse_yaml
from conftest import CORPUS

PAGE = (CORPUS / "pages" / "2020-02-25-p06.txt").read_bytes().decode("utf-8")
REGULATIONS = (CORPUS / "2020-01-06-party-organs-regulations" / "document.txt").read_bytes().decode("utf-8")


def parse_with(text: str, corrections: str, tmp_path: Path):
    meta_path = tmp_path / "bulletin.yml"
    meta_path.write_text("sha256: " + "a" * 64 + "\ncorrections:\n" + corrections, "utf-8")
    meta = read_meta(meta_path)
    return parse_source(Source(tmp_path / "source.txt", text, meta.data, meta))


def test_a_headline_correction_gives_the_lines_their_roles(tmp_path):
    page = parse_with(PAGE, "  - line: 2\n    text: 我国全面禁止非法野生动物交易\n    headline: [overline, title]\n", tmp_path)
    first = page.articles[0]
    assert (first.kicker.text, first.title.text, first.subtitle) == ("我国全面禁止非法野生动物交易", "革除滥食野生动物陋习", None)
    guess = next(g for g in page.guesses if g.line == 2)
    assert guess.corrected and guess.topic == "headline"


def test_kind_and_start_corrections(tmp_path):
    page = parse_with(PAGE, "  - line: 70\n    text: 防护，一丝不苟\n    kind: news\n"
                            "  - line: 75\n    text: 金融支持疫情防控\n    article: continue\n", tmp_path)
    kinds = [(a.title.text if a.title else None, a.kind) for a in page.articles]
    assert ("防护，一丝不苟", "news") in kinds
    assert "金融支持疫情防控和复工复产（国务院联防联控机制发布会）" not in [t for t, _ in kinds]


def test_numbering_corrections_say_what_the_clauses_are(tmp_path):
    document = parse_with(REGULATIONS, "  - line: 2\n    text: 中共中央印发\n    clauses: none\n", tmp_path).articles[0]
    assert not [b for b in document.blocks if b.type == "clause"]
    assert "regulations__ch2" in [b.id for b in document.blocks]


@pytest.mark.parametrize("corrections, message", [
    ("  - line: 2\n    text: 革除滥食野生动物陋习\n    kind: news\n", "line 2 of source.txt reads '我国全面禁止非法野生动物交易'"),
    ("  - line: 900\n    text: 防护\n    kind: news\n", "line 900 is past the end of source.txt"),
    ("  - line: 5\n    text: 决定明确规定\n    kind: news\n", "kind does not apply there"),
    ("  - line: 2\n    text: 我国全面禁止\n    headline: [title]\n", "headline gives 1 role(s) to a title run of 2"),
    ("  - line: 70\n    text: 防护\n    kind: news\n  - line: 70\n    text: 防护\n    kind: photo\n", "corrected twice"),
])
def test_a_correction_that_does_not_match_the_text_is_refused_with_its_line(tmp_path, corrections, message):
    with pytest.raises(BuildError) as caught:
        parse_with(PAGE, corrections, tmp_path)
    assert message in str(caught.value)
    assert str(caught.value).split(": ")[0].endswith("bulletin.yml:3") or "bulletin.yml:" in str(caught.value)


@pytest.mark.parametrize("entry", [
    "  - line: 2\n    text: 我国\n",  # changes nothing
    "  - line: 0\n    text: 我国\n    kind: news\n",
    "  - line: 2\n    text: 我国\n    kind: editorial\n",
    "  - line: 2\n    text: 我国\n    headline: [title, title, title, title]\n",
    "  - line: 2\n    text: 我国\n    numbering: restart\n",
])
def test_the_schema_refuses_malformed_corrections(tmp_path, entry):
    path = tmp_path / "bulletin.yml"
    path.write_text("sha256: " + "a" * 64 + "\ncorrections:\n" + entry, "utf-8")
    assert first_error(parse_yaml(path, path.read_text("utf-8")), "bulletin") is not None
