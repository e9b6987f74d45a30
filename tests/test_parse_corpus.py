"""The parser on People's Daily texts: CRLF, ideographic indents, full-width marks."""
from conftest import NO1, POLITICAL, article, parse_file, parse_text


def test_political_construction_document():
    doc = parse_file(POLITICAL / "document.txt")
    assert [(a.id, a.kind) for a in doc.articles] == [("opinion", "policy")]
    opinion = doc.articles[0]
    assert opinion.title.text == "中共中央关于加强党的政治建设的意见"
    assert opinion.date.text == "（2019年1月31日）"
    assert opinion.dateline.text == "（新华社北京2月27日电）"
    sections = [b.section for b in opinion.blocks if b.type == "heading"]
    assert sections == ["一", "二", "三", "四", "五", "六"]
    clauses = [b for b in opinion.blocks if b.type == "clause"]
    # Clauses are numbered continuously (一)–(二十), each a heading line with its text below.
    assert [b.clause_number for b in clauses] == list(range(1, 21))
    assert clauses[0].id == "opinion__sec2__cl1" and clauses[0].heading == "坚持用党的科学理论武装头脑"
    assert clauses[3].id == "opinion__sec3__cl4" and clauses[3].heading == "坚决做到“两个维护”"
    blocks = {b.id: b for b in opinion.blocks}
    assert blocks["opinion__sec2__cl1__p1"].text.startswith("马克思主义是我们立党立国的根本指导思想。")
    assert blocks["opinion__sec1__p1"].section == "一" and blocks["opinion__sec1__p1"].clause is None
    assert blocks["opinion__p1"].text.startswith("为深入贯彻落实习近平新时代中国特色社会主义思想")


def test_political_construction_interview():
    bulletin = parse_file(POLITICAL / "interview.txt")
    interview = bulletin.articles[0]
    assert interview.kind == "interview"
    assert interview.title.text == "为加强党的政治建设提供基本遵循"
    assert interview.subtitle.text.startswith("——中央办公厅负责人就《中共中央关于加强党的政治建设的意见》答记者问")
    questions = [b for b in interview.blocks if b.type == "question"]
    assert len(questions) == 5 and {q.speaker for q in questions} == {"问"}
    points = [b.id for b in interview.blocks if b.type == "point"]
    assert points == ["interview__q1__pt1", "interview__q1__pt2", "interview__q1__pt3", "interview__q1__pt4",
                      "interview__q4__pt1", "interview__q4__pt2", "interview__q4__pt3", "interview__q4__pt4"]
    blocks = {b.id: b for b in interview.blocks}
    assert blocks["interview__q4__pt2"].text.startswith("二是强化政治领导。")
    # One answer spans three paragraphs (一方面 … 另一方面 …).
    assert [b.id for b in interview.blocks if b.question == 2 and b.type == "answer"] == [
        "interview__q2__a1", "interview__q2__a2", "interview__q2__a3"]


def test_no1_document_inline_clauses_and_closing():
    opinion = parse_file(NO1 / "document.txt").articles[0]
    assert opinion.kind == "policy" and opinion.date.text == "（2020年1月2日）"
    clauses = [b for b in opinion.blocks if b.type == "clause"]
    assert [b.clause_number for b in clauses] == list(range(1, 28))
    assert [b.section for b in opinion.blocks if b.type == "heading"] == ["一", "二", "三", "四", "五"]
    by_id = {b.id: b for b in opinion.blocks}
    assert by_id["opinion__sec3__cl14"].heading == "稳定粮食生产"
    assert by_id["opinion__sec5__cl27"].text.endswith("完善执法体系，提高执法能力。")
    assert by_id["opinion__sec5__cl27"].heading == "抓好农村重点改革任务"
    # The closing paragraphs after the last clause belong to the whole document.
    assert by_id["opinion__end__p1"].text.startswith("做好“三农”工作，关键在党。")
    assert by_id["opinion__end__p1"].clause is None
    assert [b.id for b in opinion.blocks[:3]] == ["opinion__p1", "opinion__p2", "opinion__p3"]


def test_no1_interview_with_named_speakers():
    interview = parse_file(NO1 / "interview.txt").articles[0]
    assert interview.kind == "interview"
    assert interview.title.text == "奋力做好“三农”工作 决胜全面小康"
    assert interview.kicker.text == "中央农办主任、农业农村部部长韩长赋解读二〇二〇年中央一号文件"
    questions = [b for b in interview.blocks if b.type == "question"]
    assert len(questions) == 9 and {q.speaker for q in questions} == {"记者"}
    assert questions[3].text.endswith("在促进农民增收方面有什么政策举措？")
    answers = [b for b in interview.blocks if b.type == "answer" and b.speaker]
    assert {b.speaker for b in answers} == {"韩长赋"}
    assert [b.point for b in interview.blocks if b.question == 3 and b.type == "point"] == list(range(1, 9))
    # The answer on income spans four paragraphs, each naming a measure.
    assert [b.text[:7] for b in interview.blocks if b.question == 4 and b.type == "answer"] == [
        "韩长赋：到20", "发展富民乡村产", "稳住农民工就业", "稳定农民转移性"]


def test_document_and_interview_in_one_bulletin():
    """A bulletin made of a document followed by its interview, separated by blank lines."""
    text = (POLITICAL / "document.txt").read_text("utf-8") + "\r\n\r\n" + (POLITICAL / "interview.txt").read_text("utf-8")
    bulletin = parse_text(text)
    assert [(a.id, a.kind) for a in bulletin.articles] == [("opinion", "policy"), ("interview", "interview")]
    assert article(bulletin, "interview").subtitle is not None
