"""Checking a glossary entry's pinyin against its characters (pypinyin, every reading)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, pinyin

# Characters that are read aloud although they are not Han characters.
SPOKEN = {"+": ["jiā"]}


def pinyin_problem(term: str, given: str) -> str | None:
    """None if `given` (tone marks, words separated by spaces) reads `term`, else what is wrong."""
    if not any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", given)):
        return f"pinyin {given!r} has no tone marks; write them (xīn jiùyè qúntǐ, not xin jiuye qunti)"
    written = re.sub(r"[\s'’·-]", "", given.lower())
    readings = [_readings(ch) for ch in term if _readings(ch)]
    if _fits(written, tuple(map(tuple, readings))):
        return None
    expected = " ".join(r[0] for r in readings)
    return f"pinyin {given!r} does not read the characters (pypinyin: {expected}); check the tones and syllables"


@lru_cache(maxsize=None)
def _readings(ch: str) -> list[str]:
    if ch in SPOKEN:
        return SPOKEN[ch]
    if not ("\u3400" <= ch <= "\u9fff"):
        return []
    options = pinyin(ch, style=Style.TONE, heteronym=True)[0]
    # Dictionaries write some syllables in the neutral tone inside words (东西 dōngxi).
    return list(dict.fromkeys(options + [_toneless(o) for o in options]))


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0308"))


@lru_cache(maxsize=4096)
def _fits(written: str, readings: tuple) -> bool:
    if not readings:
        return written == ""
    return any(written.startswith(option) and _fits(written[len(option):], readings[1:]) for option in readings[0])
