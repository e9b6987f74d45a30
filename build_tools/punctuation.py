"""Display punctuation: the raw text stays as received, pages show Chinese punctuation.

Some sources (the Xinhua bulletin among them) replace the full-width marks the
newspaper printed with ASCII ones. In Chinese running text we restore them:

    ,  →  ，      :  →  ：      ;  →  ；      ?  →  ？      !  →  ！
    (  →  （      )  →  ）

A mark is restored only in Chinese context, so that `1,451`, `12:30`, `Vision GT`
or an English aside keep their ASCII marks:
- `, : ; ? !` when the character before or after is Chinese (an ideograph or
  full-width punctuation);
- `( )` as a pair, when the bracketed text or a character next to the pair is Chinese.
The mapping is one character for one character, so display text and raw text
always have the same length (the conservation check relies on it).
"""
from __future__ import annotations

import re

SINGLE_MARKS = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
BRACKETS = {"(": "（", ")": "）"}
ALLOWED_PAIRS = {**SINGLE_MARKS, **BRACKETS}

_CJK = re.compile(
    r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
    r"\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]"
)


def is_chinese(ch: str) -> bool:
    """An ideograph or a mark used in Chinese text (full-width forms, “”, ——, …)."""
    return bool(ch) and bool(_CJK.match(ch))


def display_text(raw: str) -> str:
    chars = list(raw)
    n = len(chars)

    def around(i: int) -> tuple[str, str]:
        return (chars[i - 1] if i > 0 else ""), (chars[i + 1] if i + 1 < n else "")

    for i, ch in enumerate(raw):
        if ch in SINGLE_MARKS:
            before, after = around(i)
            if is_chinese(before) or is_chinese(after):
                chars[i] = SINGLE_MARKS[ch]
    for start, end in _bracket_pairs(raw):
        inner = raw[start + 1 : end]
        outside = (raw[start - 1] if start > 0 else "", raw[end + 1] if end + 1 < n else "")
        if any(is_chinese(c) for c in inner) or any(is_chinese(c) for c in outside):
            chars[start], chars[end] = "（", "）"
    return "".join(chars)


def _bracket_pairs(raw: str) -> list[tuple[int, int]]:
    """Matching ASCII bracket pairs; unmatched brackets are left alone."""
    pairs, stack = [], []
    for i, ch in enumerate(raw):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def is_display_of(text: str, raw: str) -> bool:
    """True if `text` is `raw` with only the documented marks replaced."""
    return len(text) == len(raw) and all(
        t == r or ALLOWED_PAIRS.get(r) == t for t, r in zip(text, raw)
    )


# Quotation marks of the Traditional edition. Taiwan and Hong Kong print 「」 where the
# Mainland prints “ ”, and 『』 for the quotation inside a quotation (‘ ’), so nesting
# carries over mark for mark: “…‘…’…” → 「…『…』…」. One character for one, like
# `display_text`, so offsets into the Simplified text hold for the Traditional one.
CORNER_QUOTES = {"“": "「", "”": "」", "‘": "『", "’": "』"}
_OPENING = {"“": "”", "‘": "’"}
_CLOSING = {"”": "“", "’": "‘"}
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def corner_quotes(text: str) -> str:
    """`text` with Chinese “ ” ‘ ’ turned into 「 」 『 』; English quotations keep theirs.

    A pair is Chinese when it quotes Chinese (an ideograph inside: 以“[…]”标出 counts by its
    neighbours, “十五五” by its content) or stands next to Chinese (“AI+”行动). A pair quoting
    English between English words (`address “involution-style” competition`) and an apostrophe
    (China’s) keep their marks. A mark without its partner (a quotation running on into the
    next paragraph, as Chinese prints it) goes by its neighbours.
    """
    chinese = [False] * len(text)
    open_at: dict[str, list[int]] = {"“": [], "‘": []}
    paired: set[int] = set()
    for i, ch in enumerate(text):
        if ch in _OPENING:
            open_at[ch].append(i)
        elif ch in _CLOSING and open_at[_CLOSING[ch]]:
            start = open_at[_CLOSING[ch]].pop()
            paired.update((start, i))
            if (_IDEOGRAPH.search(text, start + 1, i) or _chinese_at(text, start - 1)
                    or _chinese_at(text, i + 1)):
                chinese[start] = chinese[i] = True
    for i, ch in enumerate(text):
        if ch in CORNER_QUOTES and i not in paired and (_chinese_at(text, i - 1) or _chinese_at(text, i + 1)):
            chinese[i] = True
    return "".join(CORNER_QUOTES[ch] if chinese[i] else ch for i, ch in enumerate(text))


def _chinese_at(text: str, i: int) -> bool:
    """An ideograph or a full-width mark at `i` (a quotation mark alone says nothing)."""
    return 0 <= i < len(text) and text[i] not in CORNER_QUOTES and is_chinese(text[i])
