"""Chinese numerals as printed in section and clause numbers (一 … 九十九)."""
from __future__ import annotations

import re

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUMERAL_CHARS = "一二三四五六七八九十"


def to_int(numeral: str) -> int:
    """`十二` → 12, `二十` → 20, `二十七` → 27, `一二` → 12; ASCII digits pass through.

    Any string of numeral characters gives a number, never an error: a hostile or garbled
    text prints `十十、` or `一二三四五六七八九、` as a section number. A form that is not one of
    those reads digit by digit (十 as 1), at most MAX_DIGITS of them, so the number stays small.
    """
    if numeral.isascii() and numeral.isdigit():
        return int(numeral[:MAX_DIGITS])
    standard = _TENS.match(numeral)
    if standard:
        tens, units = standard.groups()
        return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)
    value = 0
    for ch in numeral[:MAX_DIGITS]:
        value = value * 10 + (1 if ch == "十" else DIGITS.get(ch, 0))
    return value


MAX_DIGITS = 4
_TENS = re.compile(r"\A([一二三四五六七八九])?十([一二三四五六七八九])?\Z")


def to_chinese(number: int) -> str:
    """12 → `十二`; the inverse of `to_int` for 1–99, digit by digit above (111 → `一一一`), 〇 below 1."""
    names = "零一二三四五六七八九"
    if number < 1:
        return "〇"
    if number >= 100:
        return "".join("〇一二三四五六七八九"[int(digit)] for digit in str(number))
    if number < 10:
        return names[number]
    tens, units = divmod(number, 10)
    return (names[tens] if tens > 1 else "") + "十" + (names[units] if units else "")
