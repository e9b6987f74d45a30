"""The markers newspapers print, as one table of named, commented patterns.

ASCII and full-width forms stand side by side: the Xinhua bulletin prints `(五)` and
`问:`, People's Daily prints `（五）` and `问：`. Every pattern is matched against a
paragraph with its indentation already removed.
"""
from __future__ import annotations

import re

NUM = "[一二三四五六七八九十]+"
OPEN = "[（(]"
CLOSE = "[）)]"
COLON = "[:：]"

MARKERS: dict[str, re.Pattern[str]] = {
    # □新华社记者 周圆 高亢, or 本报记者 张三 李四 on its own line: a byline.
    "byline": re.compile(
        r"^(?:□\s*\S.{0,40}"
        r"|(?:本报|新华社|人民日报)(?:特约)?(?:记者|通讯员|评论员)[\u4e00-\u9fff·、\s]{0,30}(?<!摄))$"
    ),
    # ■上接第1版: the article began on another page; the text follows on the same line.
    "continued": re.compile(r"^■\s*上接第\s*(?P<page>[0-9一二三四五六七八九十]+)\s*版"),
    # (新华社北京4月26日电) or （新华社北京2月27日电）: a dateline closing the article.
    "dateline_end": re.compile(rf"^{OPEN}[^（()）]{{2,30}}电{CLOSE}$"),
    # 新华社北京4月26日电 (记者黄轶铭): a dateline opening the first paragraph.
    "dateline_start": re.compile(
        rf"^(?P<dateline>(?:新华社|中新社|本报)[^，,。\s]{{0,16}}?\d{{1,2}}月\d{{1,2}}日电)"
        rf"(?:\s*{OPEN}(?:记者|通讯员)[^）)]{{1,30}}{CLOSE})?"
    ),
    # 新华社记者 鞠焕宗 摄: a photo credit.
    "credit": re.compile(r"^(?:新华社|本报)?(?:特约)?(?:记者|通讯员|摄影)\s*[\u4e00-\u9fff·\s]{2,30}摄$"),
    # ——我国服务业扩能提质展望之一: a subtitle.
    "subtitle": re.compile(r"^——\S"),
    # （2019年1月31日）, or how it was adopted (（2020年2月24日第十三届全国人民代表大会常务委员会
    # 第十六次会议通过）, several dates for a revised 条例): printed under a document's title.
    "date": re.compile(rf"^{OPEN}\d{{4}}年\d{{1,2}}月\d{{1,2}}日[^（()）]{{0,120}}{CLOSE}$"),
    # 2020年5月31日 under a letter's signature: closes the text, never a title.
    "signoff_date": re.compile(
        r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日$"
    ),
    # 问: / 记者：, or numbered (1　问：, 9\xa0\xa0问：): an interviewer's question.
    "question": re.compile(rf"^(?:(?P<number>[0-9]{{1,2}})[\s\u3000\xa0]*)?(?P<speaker>问|记者){COLON}"),
    # 12 alone on its line: the number of the question printed below it.
    "question_number": re.compile(r"^[0-9]{1,2}$"),
    # ■守住“三农”这个战略后院: a subhead; in a 专访 in reported speech, each opens a topic.
    # (■上接第1版 is a continuation mark, never a subhead.)
    "subhead": re.compile(r"^[■●▲◆](?!\s*上接第)\s*\S[^。！？!?]{0,60}$"),
    # 答: / 韩长赋：: an answer; a name label counts only inside an interview.
    "answer": re.compile(rf"^(?P<speaker>答){COLON}"),
    "speaker": re.compile(rf"^(?P<speaker>[\u4e00-\u9fff]{{2,4}}){COLON}"),
    # 全国人大常委会法工委发言人、研究室主任臧铁伟：: a speaker's office and name, on the first
    # paragraph of an answer only (elsewhere a colon after a phrase is a sentence's).
    "speaker_title": re.compile(rf"^(?P<speaker>[\u4e00-\u9fff、·（）]{{2,40}}?){COLON}"),
    # 四、加大关爱力度 / 一、聚力精准施策，决战决胜脱贫攻坚 / 一、凡…必须严格禁止。: a part of a
    # document, its heading alone on the line or its text after the number.
    "section": re.compile(rf"^(?P<num>{NUM})、(?P<heading>.*)$"),
    # 第二章　组织设置 (U+3000, U+00A0 or spaces after the number): a chapter of a 条例 or a law.
    "chapter": re.compile(rf"^第(?P<num>{NUM})章(?:[\s\u3000\xa0]+(?P<heading>.*))?$"),
    # 第七条　机关正式党员3人以上的…: an article of a 条例 or a law, numbered across chapters.
    "article": re.compile(rf"^第(?P<num>{NUM})条(?:[\s\u3000\xa0]+|(?=[\u4e00-\u9fff“]))(?P<rest>.*)$"),
    # (五)强化合法权益保障。… or （一）坚持…: a clause, inline or as its own heading line.
    "clause": re.compile(rf"^{OPEN}(?P<num>{NUM}){CLOSE}\s*(?P<rest>.*)$"),
    # 1. / 1．/ 1、: a numbered item, read as a clause where a document has no （一）.
    "item": re.compile(r"^(?P<num>[0-9]{1,2})[.．、]\s*(?P<rest>\D.*)$"),
    # 一是 … 二是 …: points inside an answer, at the start or after a full stop, colon or semicolon.
    "point": re.compile(rf"(?:^|(?<=[。；;：:！!？?]))(?P<num>{NUM})是"),
    # 第一，… 第二，…: points numbered as ordinals (a comma or 、 after them, not 第一部分).
    "ordinal_point": re.compile(rf"(?:^|(?<=[。；;：:！!？?]))第(?P<num>{NUM})[，,、]"),
    # 《条例》全文如下。: a report that prints the document's full text after it.
    "full_text": re.compile(r"全文如下[。：:]?$"),
}

# How an answer numbers its points, tried in this order; the first that forms a sequence wins.
POINT_SCHEMES = ("point", "ordinal_point")

# How a document numbers its parts (level 1) and the clauses inside them (level 2), tried in
# this order: a 条例 has chapters and articles, and its （一） lists are parts of an article; an
# Opinion has sections and （一） clauses, and its 1. 2. items are parts of a clause; a plan
# with sections and 1. 2. only numbers its clauses so.
PARTS = ("chapter", "section")
CLAUSES = ("article", "clause", "item")
# The id word of each: regulations__ch2__art7, opinion__sec2__cl1.
ID_WORDS = {"chapter": "ch", "section": "sec", "article": "art", "clause": "cl", "item": "cl"}
# A part's heading printed alone on its line is at most this long (一、发挥农村党支部战斗堡垒作用，
# 全面加强农村基层组织建设: 29); longer, or ending in a full stop, the line is the part's text.
PART_HEADING_MAX = 60

# A paragraph that ends with one of these is complete; one that ends otherwise was
# cut by a column or page break, unless it is a title, heading or marker line.
TERMINAL = "。！？!?…；;：:"
CLOSING_QUOTES = "”’」』）)》"

# Titles and headings are short and carry no sentence punctuation.
HEADING_MAX = 40
SENTENCE_MARKS = "，,。；;：:！!？?"

# Words in a header that make subheaded text an interview: 专访 and 访谈 (——访…部长韩长赋).
INTERVIEW_WORDS = ("访", "答记者问")

# Words that make a title a policy document, and the article id each gives.
DOCUMENT_TYPES = {
    "意见": "opinion",
    "决定": "decision",
    "通知": "notice",
    "方案": "plan",
    "规划": "plan",
    "纲要": "outline",
    "办法": "measures",
    "条例": "regulations",
    "规定": "provisions",
    # 中华人民共和国…法: a law (after 办法, which ends with it too); a title ending in 法 is a
    # document only where its text is numbered in parts or clauses (detect_kind).
    "法": "law",
}


def match(name: str, text: str) -> re.Match[str] | None:
    return MARKERS[name].match(text)


def ends_paragraph(text: str) -> bool:
    """True if `text` ends a sentence: `。`, `！`, `……`, or a closing quote after one."""
    stripped = text.rstrip(CLOSING_QUOTES)
    if stripped != text:
        return bool(stripped) and stripped[-1] in TERMINAL
    return bool(text) and text[-1] in TERMINAL


def looks_like_heading(text: str) -> bool:
    return len(text) <= HEADING_MAX and not any(ch in SENTENCE_MARKS for ch in text)
