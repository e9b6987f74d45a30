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
