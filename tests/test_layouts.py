"""Page layouts beyond the first bulletin: what other real pages look like."""
from conftest import parse_text

I = "\u3000\u3000"  # the ideographic-space indent of People's Daily paragraphs

PAGE = "\r\n".join([
    "习近平回信勉励北京大学考古文博学院老同志",
    f"{I}新华社北京5月28日电  中共中央总书记习近平近日给北京大学考古文博学院的老同志们回信，向他们致以诚挚问候。",
    f"{I}习近平在回信中指出，考古工作是展示和构建中华民族历史、中华文明瑰宝的重要工作。",
    "守正创新 推动文化繁荣",
    "——写在全国文化工作会议召开之际",
    f"{I}文化是民族的血脉。",
    "关于进一步做好基层减负工作的通知",
    "（2023年5月1日）",
    f"{I}各地区各部门：",
    f"{I}为深入贯彻落实党中央决策部署，现就有关事项通知如下。",
    "致全国少先队员的信",
    "亲爱的少先队员们：",
    f"{I}你们好！在六一国际儿童节到来之际，我向你们致以节日的祝贺！",
    f"{I}祝你们节日快乐！",
    "习近平",
    "2020年5月31日",
    "春耕备耕忙",
    f"{I}连日来，各地抢抓农时，田间地头一派繁忙景象。记者在现场看到，一台台播种机来回穿梭，把种子送进",
    "了湿润的土地。",
    f"{I}农技人员说，今年的墒情总体不错。",
])


def test_a_page_of_several_articles_in_the_indented_layout():
    bulletin = parse_text(PAGE)
    titles = [a.title.text for a in bulletin.articles]
    assert titles == ["习近平回信勉励北京大学考古文博学院老同志", "守正创新 推动文化繁荣",
                      "关于进一步做好基层减负工作的通知", "致全国少先队员的信", "春耕备耕忙"]
    assert bulletin.articles[1].subtitle.text == "——写在全国文化工作会议召开之际"
    assert bulletin.articles[2].date.text == "（2023年5月1日）"


def test_a_letters_salutation_and_signature_are_not_titles():
    letter = parse_text(PAGE).articles[3]
    texts = [b.text for b in letter.blocks]
    assert texts[0] == "亲爱的少先队员们："
    assert texts[-2:] == ["习近平", "2020年5月31日"]


def test_a_page_break_inside_an_indented_paragraph_is_joined():
    farming = parse_text(PAGE).articles[4]
    assert farming.blocks[0].text.endswith("把种子送进了湿润的土地。")
    assert len(farming.blocks) == 2


BLANK_LINE_PAGE = "\n\n".join([
    "城市更新让老街区焕发新活力",
    "本报记者 走访了多个老旧小区。改造后的街巷干净整洁,居民",
    "纷纷点赞。",
    "良种是丰收之基,良法是增产之",
    "要。农技人员现场讲解。",
    "夜经济点亮消费新场景",
    "各地推出夜间消费活动,带动餐饮、文旅消费增长。",
])


def test_blank_line_layout_titles_without_markers_and_cut_words():
    bulletin = parse_text(BLANK_LINE_PAGE)
    assert [a.title.text for a in bulletin.articles] == ["城市更新让老街区焕发新活力", "夜经济点亮消费新场景"]
    # the second title is known by its shape alone: inspect says it was guessed
    assert [(g.line, g.topic) for g in bulletin.guesses] == [(11, "start")]
    first = [b.text for b in bulletin.articles[0].blocks]
    assert first == ["本报记者 走访了多个老旧小区。改造后的街巷干净整洁，居民纷纷点赞。",
                     "良种是丰收之基，良法是增产之要。农技人员现场讲解。"]


def test_ascii_and_full_width_clause_brackets_are_the_same_clause():
    text = "\n\n".join(["关于加强某项工作的意见", "一、总体要求", "(一)指导思想。坚持稳中求进。",
                        "（二）主要目标。到2030年取得成效。", "二、重点任务", "（三）加强统筹。统筹推进各项工作。"])
    opinion = parse_text(text).articles[0]
    assert [b.id for b in opinion.blocks] == ["opinion__sec1", "opinion__sec1__cl1", "opinion__sec1__cl2",
                                              "opinion__sec2", "opinion__sec2__cl3"]


def test_documents_numbering_items_1_2_instead_of_brackets():
    text = "\n\n".join(["关于推进某项改革的实施方案", "一、主要任务", "1.深化改革。推进改革。", "2.扩大开放。推进开放。",
                        "二、保障措施", "1.加强领导。落实责任。"])
    plan = parse_text(text).articles[0]
    assert plan.kind == "policy" and plan.id == "plan"
    assert [b.id for b in plan.blocks] == ["plan__sec1", "plan__sec1__cl1", "plan__sec1__cl2", "plan__sec2",
                                           "plan__sec2__cl1"]
    assert plan.blocks[1].heading == "深化改革"


def test_a_byline_line_under_a_title_is_not_a_second_title():
    text = "\r\n".join(["乡村振兴有了新气象", "本报记者 张三 李四", f"{I}走进村子，新修的道路干净整洁。",
                        "凝心聚力谱写新篇章", "——论学习贯彻全会精神", "本报评论员", f"{I}全会精神需要学深悟透。"])
    articles = parse_text(text).articles
    assert [(a.title.text, a.byline.text if a.byline else None) for a in articles] == [
        ("乡村振兴有了新气象", "本报记者 张三 李四"), ("凝心聚力谱写新篇章", "本报评论员")]


LAW = "\r\n".join([
    "",
    "中华人民共和国某某保护法",
    "（2020年5月1日第十三届全国人民代表大会常务委员会第十八次会议通过）",
    f"{I}目　　录",
    f"{I}第一章　总　　则",
    f"{I}第二章　保护措施",
    f"{I}第三章　法律责任",
    f"{I}第一章　总　　则",
    f"{I}第一条　为了保护某某，制定本法。",
    f"{I}第二条　本法适用于中华人民共和国领域内的某某活动。",
    f"{I}第二章　保护措施",
    f"{I}第三条　国家采取下列措施：",
    f"{I}（一）建立保护名录；",
    f"{I}（二）划定保护区域。",
    f"{I}第十二条规定的名录由国务院公布。",
    f"{I}第三章　法律责任",
    f"{I}第四条　违反本法第三条规定的，由有关部门责令改正。",
    f"{I}第五条　本法自公布之日起施行。",
])


def test_a_law_with_a_table_of_contents_chapters_and_articles():
    law = parse_text(LAW).articles[0]
    assert (law.kind, law.id) == ("policy", "law")
    ids = [b.id for b in law.blocks]
    aid = law.id
    # the table of contents repeats the chapter headings before the text: it is text of the preamble
    assert [i for i in ids if i.endswith(("__ch1", "__ch2", "__ch3"))] == [f"{aid}__ch1", f"{aid}__ch2", f"{aid}__ch3"]
    assert ids.index(f"{aid}__ch1") > ids.index(f"{aid}__p4")
    assert f"{aid}__ch2__art3" in ids and f"{aid}__ch3__art5" in ids
    texts = {b.id: b.text for b in law.blocks}
    # （一）（二） inside an article are parts of it; 第十二条 out of sequence at a paragraph's start is text
    assert texts[f"{aid}__ch2__art3__p2"].startswith("（一）")
    assert texts[f"{aid}__ch2__art3__p4"].startswith("第十二条规定的名录")


def test_an_outline_with_items_under_sections():
    text = "\n\n".join(["国家某某发展规划纲要", "一、总体要求", "1.指导思想。坚持稳中求进。", "2.主要目标。到2035年基本实现。",
                        "二、重点任务", "1.加快发展。推进各项工作。"])
    outline = parse_text(text).articles[0]
    assert (outline.kind, outline.id) == ("policy", "outline")
    assert [b.id for b in outline.blocks if b.type == "clause"] == ["outline__sec1__cl1", "outline__sec1__cl2",
                                                                    "outline__sec2__cl1"]


def test_a_question_number_alone_on_its_line():
    text = "\r\n".join(["", "某某负责人答记者问", "", f"{I}近日，某某印发《关于某某工作的意见》。",
                        f"{I}1", f"{I}问：请介绍一下《意见》出台的背景。", f"{I}答：这是背景。",
                        f"{I}2", f"{I}问：《意见》有哪些主要内容？", f"{I}答：一是加强领导。二是完善制度。"])
    talk = parse_text(text).articles[0]
    questions = [b for b in talk.blocks if b.type == "question"]
    assert [q.id for q in questions] == ["interview__q1", "interview__q2"]
    assert questions[1].raw == "2问：《意见》有哪些主要内容？"  # the number and the question, one block
    assert [b.id for b in talk.blocks if b.type == "point"] == ["interview__q2__pt1", "interview__q2__pt2"]
