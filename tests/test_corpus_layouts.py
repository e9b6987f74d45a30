"""Real texts in layouts the first bulletin does not have: whole pages, chapters and articles,
restarting clause numbers, a 专访 with ■ topics; and the same texts in other clothes.

The expected counts come from the corpus's hand-written answer keys (`links.json`: sections,
clauses per section, questions, points per question) and `pages/pages.json`, never from
what the parser printed.
"""
import json
import re

import pytest

from build_tools.linking import link_bulletins
from conftest import CORPUS, parse_text

PAGES = json.loads((CORPUS / "pages" / "pages.json").read_text("utf-8"))
PAIRS = sorted(p for p in CORPUS.iterdir() if (p / "document.txt").exists())
KEYED = [p for p in PAIRS if (p / "links.json").exists()]


def read(path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_whole_page_splits_into_its_articles(name):
    expected = PAGES[name]
    bulletin = parse_text(read(CORPUS / "pages" / f"{name}.txt"), f"{name}.txt")
    found = [(a.title.text if a.title else None, a.kind) for a in bulletin.articles]
    assert found == list(zip(expected["titles"], expected["kinds"]))
    assert len(bulletin.articles) == expected["articles"]


def test_a_photo_keeps_its_title_and_a_two_line_headline_its_roles():
    page = parse_text(read(CORPUS / "pages" / "2020-02-25-p06.txt"), "p06.txt")
    first, second, _, photo, _ = page.articles
    assert (first.title.text, first.subtitle.text) == ("我国全面禁止非法野生动物交易", "革除滥食野生动物陋习")
    assert (second.kicker.text, second.title.text) == ("全国规上工业企业复工率逐步提高", "政策密集出台 对冲疫情影响")
    assert photo.kind == "photo" and photo.blocks == []
    topics = {g.topic for g in page.guesses}
    assert {"headline", "kind"} <= topics  # both two-line headlines and the photo are said to be guesses


def test_dash_paragraphs_of_a_text_are_text_not_subtitles():
    page = parse_text(read(CORPUS / "pages" / "2019-02-20-p01.txt"), "p01.txt")
    commentary = page.articles[0]
    assert commentary.subtitle.text == "——把握我国发展重要战略机遇新内涵述评之三"
    dashes = [b.text for b in commentary.blocks if b.text.startswith("——")]
    assert dashes[0] == "——新时代的改革开放决心更坚定、期盼更强烈。" and len(dashes) == 3


def structure(pair, document_text=None, interview_text=None):
    document = parse_text(document_text or read(pair / "document.txt"), "document.txt")
    interview = parse_text(interview_text or read(pair / "interview.txt"), "interview.txt")
    doc = next(a for a in document.articles if a.kind == "policy")
    talk = next(a for a in interview.articles if a.kind == "interview")
    sections = [b for b in doc.blocks if b.type in ("heading", "section")]
    clauses = {}
    for block in doc.blocks:
        if block.type == "clause":
            clauses.setdefault(block.section_number, []).append(block.clause_number)
    questions = [b for b in talk.blocks if b.type == "question"]
    points = {q.question: sorted({b.point for b in talk.blocks if b.type == "point" and b.question == q.question})
              for q in questions}
    return document, interview, sections, clauses, questions, points


@pytest.mark.parametrize("pair", KEYED, ids=lambda p: p.name)
def test_structure_agrees_with_the_answer_key(pair):
    key = json.loads((pair / "links.json").read_text("utf-8"))
    _, _, sections, clauses, questions, points = structure(pair)
    assert len(sections) == key["sections"]
    assert {s: len(clauses.get(s, [])) for s in range(1, key["sections"] + 1)} == \
        {int(s): n for s, n in key["clauses_per_section"].items()}
    assert len(questions) == key["questions"]
    assert {q: len(p) for q, p in points.items()} == {int(q): n for q, n in key["points_per_question"].items()}


def test_clause_ids_stay_unique_and_readable_when_numbers_restart():
    document, *_ = structure(CORPUS / "2019-02-20-no1-document")
    ids = [b.id for b in document.articles[0].blocks]
    assert len(ids) == len(set(ids))
    assert {"opinion__sec1__cl1", "opinion__sec2__cl1", "opinion__sec8__cl4", "opinion__end__p1"} <= set(ids)


def test_chapters_and_articles_of_a_regulation_inside_a_report():
    document, *_ = structure(CORPUS / "2020-01-06-party-organs-regulations")
    blocks = {b.id: b for b in document.articles[0].blocks}
    assert "regulations__lead__p5" in blocks and blocks["regulations__lead__p5"].text == "《条例》全文如下。"
    assert blocks["regulations__ch2"].heading == "组织设置"
    assert blocks["regulations__ch2__art7"].text.startswith("第七条")
    # the （一）… list of article 4 is part of it, not clauses of the document
    assert blocks["regulations__ch1__art4__p2"].text.startswith("（一）坚持和加强党的全面领导")
    assert not any(b.type == "clause" and b.clause_scheme == "clause" for b in blocks.values())


def test_a_decision_of_sections_only_gives_sections_their_own_text():
    document, *_ = structure(CORPUS / "2020-02-25-wildlife-decision")
    blocks = document.articles[0].blocks
    assert [b.id for b in blocks if b.type == "section"] == [f"decision__sec{n}" for n in range(1, 9)]
    assert blocks[0].id == "decision__p1"  # the preamble, addressable


def test_interview_shapes():
    *_, questions, _ = structure(CORPUS / "2020-01-06-party-organs-regulations")
    assert [q.id for q in questions][-1] == "interview__q9" and questions[8].text.startswith("9")
    _, interview, *_ = structure(CORPUS / "2020-01-06-party-organs-regulations")
    blocks = {b.id: b for b in interview.articles[0].blocks}
    # a list of one-sentence points: the sentences after the last one are the answer again
    assert blocks["interview__q8__pt4"].text.endswith("重要事项的工作程序。")
    assert blocks["interview__q8__a2"].text.startswith("为推动和保障党建责任落实")
    _, interview, *_ = structure(CORPUS / "2020-02-25-wildlife-decision")
    talk = interview.articles[0]
    blocks = {b.id: b for b in talk.blocks}
    assert blocks["interview__q1__head"].text == "修法前及时明确全面禁食野生动物"
    assert blocks["interview__q1__a1"].speaker == "全国人大常委会法工委发言人、研究室主任臧铁伟"
    assert blocks["interview__q3__pt2"].text.startswith("第二，比较常见的家畜家禽")
    _, interview, *_ = structure(CORPUS / "2019-02-20-no1-document")
    assert any(g.topic == "questions" for g in interview.guesses)  # ■ topics as questions: a guess, said


# Other clothes: the same texts as another newspaper or an editor's tool would give them.
ASCII = str.maketrans("，：；？！（）", ",:;?!()")


def lf(text):
    return text.replace("\r\n", "\n")


def ascii_punctuation(text):
    return text.translate(ASCII)


def blank_line_paragraphs(text):
    lines = [line.strip().lstrip("\u3000") for line in lf(text).split("\n")]
    return "\n\n".join(line for line in lines if line)


def renumbered(text):
    """Clause numbers that restart in every section where they ran on, and run on where they restarted."""
    from build_tools.numerals import to_chinese
    document = parse_text(text, "document.txt").articles[0]
    clauses = [b for b in document.blocks if b.type == "clause" and b.clause_scheme == "clause"]
    restarting = len({b.clause_number for b in clauses}) < len(clauses)
    lines = text.split("\n")
    counter, section = 0, None
    for block in clauses:
        if block.section_number != section:
            section, counter = block.section_number, (0 if not restarting or section is None else counter)
            counter = counter if restarting else 0
        counter += 1
        line = lines[block.line - 1]
        found = re.search(r"（[一二三四五六七八九十]+）", line)
        lines[block.line - 1] = line[: found.start()] + f"（{to_chinese(counter)}）" + line[found.end():]
    return "\n".join(lines)


CLOTHES = {"lf": lf, "ascii": ascii_punctuation, "blank-lines": blank_line_paragraphs, "renumbered": renumbered}


def shape(pair, transform=lambda t: t):
    interview_text = read(pair / "interview.txt")
    document, interview, sections, clauses, questions, points = structure(
        pair, transform(read(pair / "document.txt")),
        interview_text if transform is renumbered else transform(interview_text))
    links = {(l.source.question, l.source.point, l.target.section_number,
              clauses.get(l.target.section_number, []).index(l.target.clause_number) if l.target.clause_number else None)
             for l in link_bulletins([document, interview])}
    return len(sections), {s: len(c) for s, c in clauses.items()}, len(questions), points, links


@pytest.mark.parametrize("clothes", sorted(CLOTHES))
@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_the_same_structure_and_links_in_other_clothes(pair, clothes):
    assert shape(pair, CLOTHES[clothes]) == shape(pair)
