import pytest

from build_tools.punctuation import display_text, is_display_of


@pytest.mark.parametrize("raw, shown", [
    # ASCII marks between Chinese characters become full-width.
    ("新业态大量涌现,聚集了", "新业态大量涌现，聚集了"),
    ("问:请介绍一下", "问：请介绍一下"),
    ("原则:一是坚持", "原则：一是坚持"),
    ("发布机制;开展", "发布机制；开展"),
    ("有哪些要求?", "有哪些要求？"),
    # Brackets as a pair, when the bracketed text is Chinese.
    ("(五)强化合法权益保障", "（五）强化合法权益保障"),
    ("《意见》(以下简称《意见》)公开", "《意见》（以下简称《意见》）公开"),
    ("(新华社北京4月26日电)", "（新华社北京4月26日电）"),
    ("新华社北京4月26日电 (记者黄轶铭)记者", "新华社北京4月26日电 （记者黄轶铭）记者"),
    # A mark after a number or % but before Chinese is Chinese punctuation too.
    ("占比不足13%,而发达经济体", "占比不足13%，而发达经济体"),
    ("4月26日,2026(第十九届)北京", "4月26日，2026（第十九届）北京"),
])
def test_chinese_context_gets_full_width_marks(raw, shown):
    assert display_text(raw) == shown


@pytest.mark.parametrize("raw", [
    "1,451",          # a thousands separator
    "12:30",          # a time
    "Vision GT",      # Latin text
    "(see p. 3)",     # an English aside
    "f(x) = 1",
])
def test_non_chinese_context_keeps_ascii(raw):
    assert display_text(raw) == raw


def test_unmatched_bracket_is_left_alone():
    assert display_text("一)二") == "一)二"


def test_display_differs_from_raw_only_by_documented_marks():
    assert is_display_of("（五）强化，", "(五)强化,")
    assert not is_display_of("（五）强化。", "(五)强化,")
    assert not is_display_of("强化", "强化了")
