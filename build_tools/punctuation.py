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
