"""Chinese numerals as printed in section and clause numbers (一 … 九十九)."""
from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUMERAL_CHARS = "一二三四五六七八九十"


def to_int(numeral: str) -> int:
    """`十二` → 12, `二十` → 20, `二十七` → 27; ASCII digits pass through."""
    if numeral.isdigit():
        return int(numeral)
    if "十" not in numeral:
        value = 0
        for ch in numeral:
            value = value * 10 + DIGITS[ch]
        return value
    tens, _, units = numeral.partition("十")
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


def to_chinese(number: int) -> str:
    """12 → `十二`; the inverse of `to_int` for 1–99."""
    names = "零一二三四五六七八九"
    if number < 10:
        return names[number]
    tens, units = divmod(number, 10)
    return (names[tens] if tens > 1 else "") + "十" + (names[units] if units else "")
