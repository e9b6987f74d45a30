"""The parser on the real 26 April 2026 Xinhua bulletin."""
from conftest import article


def test_seven_articles_in_print_order_with_kinds(seed):
    assert [(a.id, a.kind) for a in seed.articles] == [
        ("interview", "interview"),
        ("producer-services", "news"),
        ("opinion", "policy"),
        ("auto-show", "photo"),
        ("flood-control", "news"),
        ("inner-mongolia-ai", "news"),
        ("trial-fields", "news"),
    ]


def test_titles_and_headers(seed):
    interview = article(seed, "interview")
    assert interview.title.text == "中央社会工作部负责人就《关于加强新就业群体服务管理的意见》答记者问"
    assert interview.byline.text == "□新华社记者"
    assert interview.dateline.text == "（新华社北京4月26日电）"
    news = article(seed, "producer-services")
    assert news.subtitle.text == "——我国服务业扩能提质展望之一"
    assert news.byline.text == "□新华社记者 周圆 高亢"
    photo = article(seed, "auto-show")
    assert photo.title.text == "2026北京车展迎来首个专业观众日"
    assert photo.credit.text == "新华社记者 鞠焕宗 摄"
    assert article(seed, "flood-control").opening_dateline == "新华社北京4月26日电"


def test_continued_articles_say_so(seed):
    continued = {a.id: a.continued_from for a in seed.articles if a.continued}
    assert continued == {"opinion": "1", "inner-mongolia-ai": "1", "trial-fields": "1"}
    assert article(seed, "opinion").continued.raw == "■上接第1版"
    # The marker is not part of the first block.
    assert article(seed, "opinion").blocks[0].text.startswith("推广使用适应行业特点")


def texts(bulletin):
    return [b.text for a in bulletin.articles for b in a.blocks]


def test_column_and_page_breaks_are_joined_without_a_space(seed):
    every = "\n".join(texts(seed))
    for joined in ["增强针对性、系统性和可操作性。", "坚决打击涉新就业群体欺诈骗", "担任防汛抗旱责任人。",
                   "良法是增产之要。", "推动跨部门、跨地域", "也是农技推广的“讲堂”", "培育智能工厂（数字化车间）",
                   "搭建普惠高效的算力服务平台", "共通报防汛抗旱责任人2810名", "加强对新就业群体的联系服务。",
                   "提供精准化、精细化服务。"]:
        assert joined in every, joined


def test_no_block_ends_mid_sentence(seed):
    """Every paragraph reads as printed: it ends with a full stop, quote or ellipsis."""
    for a in seed.articles:
        for block in a.blocks:
            if block.type in ("question", "heading"):
                continue
            assert block.text[-1] in "。！？”…：", (block.id, block.text[-20:])


def test_interview_has_eight_questions_with_their_points(seed):
    interview = article(seed, "interview")
    questions = [b for b in interview.blocks if b.type == "question"]
    assert [q.id for q in questions] == [f"interview__q{n}" for n in range(1, 9)]
    points = {n: [b.point for b in interview.blocks if b.type == "point" and b.question == n] for n in range(1, 9)}
    assert points == {1: [], 2: [1, 2, 3, 4, 5], 3: [], 4: [1, 2, 3], 5: [1, 2, 3, 4],
                      6: [1, 2, 3, 4, 5, 6], 7: [1, 2, 3], 8: [1, 2, 3, 4]}
    by_id = {b.id: b for b in interview.blocks}
    assert by_id["interview__q5__pt3"].text.startswith("三是加强互联网平台算法治理。")
    assert by_id["interview__q6__pt3"].text.endswith("及时解决合理诉求。")
    # The lead before the points keeps the speaker label; 一分部署 is not a point.
    assert by_id["interview__q8__a1"].text.startswith("答：一分部署，九分落实。")
    assert by_id["interview__q8__a1"].speaker == "答"
    assert by_id["interview__q1"].speaker == "问"


def test_policy_document_sections_and_clauses(seed):
    opinion = article(seed, "opinion")
    assert [b.id for b in opinion.blocks] == [
        "opinion__sec3__cl4", "opinion__sec3__cl5", "opinion__sec3__cl6", "opinion__sec3__cl7",
        "opinion__sec4", "opinion__sec4__cl8", "opinion__sec4__cl9", "opinion__sec4__cl10",
        "opinion__sec5", "opinion__sec5__cl11", "opinion__sec5__cl12",
        "opinion__sec6", "opinion__sec6__p1",
    ]
    clauses = [b for b in opinion.blocks if b.type == "clause"]
    assert [(b.section, b.clause) for b in clauses] == [
        ("三", "四"), ("三", "五"), ("三", "六"), ("三", "七"), ("四", "八"), ("四", "九"),
        ("四", "十"), ("五", "十一"), ("五", "十二")]
    assert [b.clause_number for b in clauses] == list(range(4, 13))
    fragment = clauses[0]
    assert fragment.fragment and fragment.heading is None
    assert clauses[2].heading == "加强互联网平台算法治理"
    headings = [(b.section, b.heading) for b in opinion.blocks if b.type == "heading"]
    assert headings == [("四", "加大关爱力度"), ("五", "促进社会融入"), ("六", "加强组织实施")]


def test_display_text_has_chinese_punctuation_raw_text_is_untouched(seed):
    block = {b.id: b for b in article(seed, "opinion").blocks}["opinion__sec3__cl5"]
    assert block.raw.startswith("(五)强化合法权益保障。督促互联网平台企业、快递企业等根据工作任务、劳动强度等合理确定新就业群体劳动报酬,")
    assert block.text.startswith("（五）强化合法权益保障。督促互联网平台企业、快递企业等根据工作任务、劳动强度等合理确定新就业群体劳动报酬，")


def test_source_positions_point_at_the_printed_line(seed):
    blocks = {b.id: b for a in seed.articles for b in a.blocks}
    assert blocks["interview__q1"].line == 9
    assert blocks["opinion__sec4__cl8"].line == 97
    assert [s.line for s in blocks["opinion__sec3__cl7"].segments] == [91, 93]
