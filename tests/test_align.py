"""The interview explains the document: point-level links, checked against links read by hand."""
import re
from pathlib import Path

import pytest
import yaml

from build_tools.align import _namings, answer_units, document_targets
from build_tools.evaluate import evaluate
from build_tools.linking import crosslink
from build_tools.numerals import to_chinese
from conftest import NO1, POLITICAL, REPO, SEED, parse_file, parse_text

GOLD = Path(__file__).parent / "fixtures" / "gold"


def point_links(links):
    found = {}
    for link in links:
        found.setdefault(link.source.id, set()).add((link.target.section, link.target.clause))
    return found


@pytest.fixture(scope="module")
def seed_links(seed):
    return crosslink([seed])


# The answers on rights protection, care services and social integration, point by point:
# each point's heading or wording is that clause's (the care-services answer goes 8, 9, 10, 8, 9, 9).
EXPECTED_POINTS = {
    "interview__q5__pt1": {("三", "四")},   # 依法规范用工管理; 根据用工事实等依法合理确定权利义务 (the end of (四))
    "interview__q5__pt2": {("三", "五")},   # 强化合法权益保障
    "interview__q5__pt3": {("三", "六")},   # 加强互联网平台算法治理
    "interview__q5__pt4": {("三", "七")},   # 完善监督管理; 综合整治“内卷式”竞争
    "interview__q6__pt1": {("四", "八")},   # 社会保障制度体系, 职业伤害保障试点, 住房公积金
    "interview__q6__pt2": {("四", "九")},   # 加强相关企业网点站点与乡镇（街道）、村（社区）工作联系
    "interview__q6__pt3": {("四", "十")},   # 发挥党组织、行业管理和业务监管部门…收集反映…集中诉求
    "interview__q6__pt4": {("四", "八")},   # 探索通过向社会组织…购买服务 (the end of (八))
    "interview__q6__pt5": {("四", "九")},   # 友好场景建设; 住宿、餐饮、停车、道路通行
    "interview__q6__pt6": {("四", "九")},   # 乡镇（街道）、村（社区）牵头的多方协商机制
    "interview__q7__pt1": {("五", "十一")},  # 爱岗敬业、奉献社会; 法治意识、诚信意识和责任意识
    "interview__q7__pt2": {("五", "十一")},  # 在网络空间尊德守法、文明互动、理性表达
    "interview__q7__pt3": {("五", "十二")},  # 参与社会治理积极性主动性; 基层治理和志愿服务
    "interview__q4__pt1": {("二", "一")},   # missing clause, title from the framework answer
    "interview__q4__pt2": {("二", "二")},
    "interview__q4__pt3": {("二", "三")},
}


def test_every_point_of_the_three_answers_links_to_its_clause_and_nothing_else(seed_links):
    found = point_links(seed_links.links)
    for block, expected in EXPECTED_POINTS.items():
        assert found.get(block) == expected, block


def test_the_implementation_answer_links_to_section_six(seed_links):
    q8 = {(l.target.section, l.target.clause) for l in seed_links.links if l.source.question == 8}
    assert q8 == {("六", None)}
    link = next(l for l in seed_links.links if l.source.id == "interview__q8__a1")
    assert link.target.block == "opinion__sec6"
    assert any("结合实际抓好" in e.text for e in link.evidence)


def test_background_and_drafting_answers_link_nowhere(seed_links):
    assert {l.source.question for l in seed_links.links} & {1, 2} == set()


def test_links_carry_their_evidence(seed_links):
    link = next(l for l in seed_links.links if l.source.id == "interview__q5__pt3")
    assert link.evidence[0].kind == "title" and link.evidence[0].text == "加强互联网平台算法治理"
    assert any(e.kind == "quote" and "算法规则的知情权、参与权、选择权" in e.text for e in link.evidence)
    assert 0 < link.score <= 1 and link.origin == "auto"


@pytest.mark.parametrize("gold", sorted(GOLD.glob("*.yml")), ids=lambda p: p.stem)
def test_question_level_links_beat_the_baseline(gold):
    """Floors per pair are tests/test_evaluate.py's; here: better than the plain n-gram baseline on both counts."""
    result = evaluate(gold, REPO)
    ours, baseline = result.questions, result.baseline
    assert ours.precision >= baseline.precision and ours.recall >= baseline.recall


def test_the_seed_point_links_agree_with_the_gold_points(seed_links):
    """Every point links exactly as read by hand; answer leads may say less, never something else."""
    gold = yaml.safe_load((GOLD / "2026-04-26-xinhua.yml").read_text("utf-8"))
    expected = {block: {tuple(t) for t in targets}
                for q in gold["questions"].values() for block, targets in (q.get("points") or {}).items()}
    found = point_links(seed_links.links)
    for block in set(expected) | set(found):
        if "__pt" in block:
            assert found.get(block) == expected.get(block), block
        else:
            assert found.get(block, set()) <= expected.get(block, set()), block


def test_the_outline_names_the_missing_clauses_and_invents_no_text(seed, seed_links):
    opinion = next(a for a in seed.articles if a.id == "opinion")
    outline = seed_links.outline(opinion)
    assert [(e.section, e.clause, e.present) for e in outline if e.clause] == [
        ("二", "一", False), ("二", "二", False), ("二", "三", False), ("三", "四", True), ("三", "五", True),
        ("三", "六", True), ("三", "七", True), ("四", "八", True), ("四", "九", True), ("四", "十", True),
        ("五", "十一", True), ("五", "十二", True)]
    missing = [e for e in outline if not e.present]
    assert [e.id for e in missing] == ["opinion__sec1", "opinion__sec2", "opinion__sec2__cl1", "opinion__sec2__cl2",
                                       "opinion__sec2__cl3", "opinion__sec3"]
    assert next(e for e in outline if e.clause == "四").partial
    targets = document_targets(opinion, seed, outline)
    assert all(t.text == "" for t in targets if not t.present)


def test_interview_and_document_pair_across_bulletins():
    document, interview = parse_file(NO1 / "document.txt"), parse_file(NO1 / "interview.txt")
    links = crosslink([interview, document]).links
    assert links and {l.target.bulletin.id for l in links} == {"document"}
    assert {l.source_bulletin.id for l in links} == {"interview"}


def test_a_news_story_naming_another_document_is_not_paired(seed_links):
    assert [(p.interview.id, p.document.id) for p in seed_links.pairs] == [("interview", "opinion")]


def test_generic_party_vocabulary_is_no_evidence():
    """An answer made of what every party document says links to no clause."""
    interview = (NO1 / "interview.txt").read_text("utf-8") + "\r\n".join([
        "", "　　记者：如何把握今年工作的总体要求？",
        "　　韩长赋：要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，坚持党的全面领导，"
        "坚持以人民为中心，推动高质量发展，贯彻落实党中央决策部署，确保各项工作取得实效。"])
    bulletins = [parse_file(NO1 / "document.txt"), parse_text(interview, "interview.txt")]
    links = crosslink(bulletins).links
    assert links and not [l for l in links if l.source.question == 10]


def renumber(text: str, style: str) -> str:
    """The same document with clause numbers restarting in each section, or as items 1. 2."""
    out, count = [], 0
    for line in text.split("\n"):
        body = line.lstrip("\u3000 ")
        if re.match(r"^[一二三四五六七八九十]+、", body):
            count = 0
        marker = re.match(r"^（[一二三四五六七八九十]+）", body)
        if marker:
            count += 1
            number = to_chinese(count) if style == "restart" else str(count)
            new = f"（{number}）" if style == "restart" else f"{number}."
            line = line[: len(line) - len(body)] + new + body[marker.end():]
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("style", ["restart", "items"])
@pytest.mark.parametrize("folder", [POLITICAL, NO1], ids=["political", "no1"])
def test_the_same_links_whatever_the_clause_numbering(folder, style):
    original = crosslink([parse_file(folder / "document.txt"), parse_file(folder / "interview.txt")]).links
    renumbered_doc = parse_text(renumber((folder / "document.txt").read_text("utf-8"), style), "document.txt")
    renumbered = crosslink([renumbered_doc, parse_file(folder / "interview.txt")]).links
    heads = {b.id: b.heading for b in renumbered_doc.articles[0].blocks}

    def keyed(links, names):
        return {(l.source.id, l.target.section, names(l.target)) for l in links}

    assert keyed(original, lambda t: t.heading) == keyed(renumbered, lambda t: heads.get(t.block, t.heading))
    assert all(l.target.clause_number is None or l.target.clause_number <= 11 for l in renumbered)


def test_answer_units_drop_labels():
    interview = parse_file(NO1 / "interview.txt")
    units = answer_units(interview.articles[0], interview)
    assert units[0].text.startswith("以习近平同志为核心的党中央")  # 韩长赋： removed
    assert next(u for u in units if u.block.id == "interview__q3__pt1").text.startswith("农村公共基础设施方面。")


def test_seed_is_the_file_the_gold_names():
    assert yaml.safe_load((GOLD / "2026-04-26-xinhua.yml").read_text("utf-8"))["document"] == str(SEED.relative_to(REPO))


# Layouts of the newer corpus pairs: each rule of the aligner on the layout it serves.

REGULATIONS = Path(__file__).parent / "fixtures" / "corpus" / "2020-01-06-party-organs-regulations"
WILDLIFE = Path(__file__).parent / "fixtures" / "corpus" / "2020-02-25-wildlife-decision"


@pytest.fixture(scope="module")
def regulations_links():
    return crosslink([parse_file(REGULATIONS / "document.txt"), parse_file(REGULATIONS / "interview.txt")]).links


@pytest.fixture(scope="module")
def wildlife():
    bulletins = [parse_file(WILDLIFE / "document.txt"), parse_file(WILDLIFE / "interview.txt")]
    return bulletins, crosslink(bulletins).links


def targets_of(links, block_id):
    return {(l.target.section_number, l.target.clause_number) for l in links if l.source.id == block_id}


def test_a_speakers_office_and_name_and_a_points_mark_are_no_evidence(wildlife):
    (_, interview), _ = wildlife
    units = {u.block.id: u.text for u in answer_units(interview.articles[0], interview)}
    assert units["interview__q1__a1"].startswith("疫情发生以来")  # 全国人大常委会法工委发言人、研究室主任臧铁伟： gone
    assert units["interview__q2__pt1"].startswith("首先强调")  # 一是， gone
    assert units["interview__q3__pt1"].startswith("捕捞鱼类")  # 第一， gone


def test_sections_of_a_document_without_clauses_are_its_provisions(wildlife):
    _, links = wildlife
    assert targets_of(links, "interview__q5__pt4") == {(6, None)}  # 健全执法管理体制… = 六 verbatim
    assert targets_of(links, "interview__q2__pt1") == {(1, None)}  # 必须严格禁止 = 一


def test_a_point_restating_a_provision_in_other_words_links_by_vocabulary(wildlife):
    _, links = wildlife
    link = next(l for l in links if l.source.id == "interview__q3__pt2")
    assert (link.target.section_number, link.evidence[0].kind) == (3, "vocabulary")


def test_a_chapter_the_answer_calls_a_chapter_is_linked_beside_its_articles(regulations_links):
    assert (8, None) in targets_of(regulations_links, "interview__q8__a1")  # 在“领导和保障”一章
    q4 = targets_of(regulations_links, "interview__q4__a1")
    assert {(1, None), (4, None), (4, 12)} <= q4  # 在总则部分, 增写“党的政治建设”专章


def test_words_naming_one_title_do_not_name_a_shorter_one_inside_them(regulations_links):
    # 党务工作人员队伍建设 (第七章) holds 党…员队伍建设 (第五章 党员队伍建设) by insertion
    assert targets_of(regulations_links, "interview__q3__pt6") >= {(7, None)}
    assert (5, None) not in targets_of(regulations_links, "interview__q3__pt6")


NO1_2019 = Path(__file__).parent / "fixtures" / "corpus" / "2019-02-20-no1-document"


def test_a_sentence_heading_is_named_by_one_of_its_phrases_at_the_head_of_a_paragraph():
    # 八、加强党对“三农”工作的领导，落实农业农村优先发展总方针: the 专访's paragraph opens
    # `韩长赋说，必须加强党对“三农”工作的领导` (a reported-speech label, then a modal).
    interview = parse_file(NO1_2019 / "interview.txt")
    links = crosslink([parse_file(NO1_2019 / "document.txt"), interview]).links
    assert (8, None) in targets_of(links, "interview__q5__a2")
    units = {u.block.id: u.text for u in answer_units(interview.articles[0], interview)}
    assert units["interview__q5__a2"].startswith("必须加强党对")  # 韩长赋说， gone


def test_a_phrase_of_a_heading_in_passing_is_no_name():
    heading = "加强党对“三农”工作的领导，落实农业农村优先发展总方针"
    named = {n.at_head for n in _namings(heading, "必须加强党对“三农”工作的领导，把优势发挥出来。")}
    passing = {n.at_head for n in _namings(heading, "我们说过，加强党对“三农”工作的领导很重要。")}
    assert named == {True} and passing == {False}
