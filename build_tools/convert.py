"""Traditional Chinese from the Simplified original: OpenCC s2tw plus reviewed overrides.

Not `s2twp`: it swaps in Taiwanese IT vocabulary that is wrong in policy text
(中央文件→中央檔案, 社区→社群, 优化→最佳化, 数据→資料). Plain `s2t` gives 羣 for 群.
`source_texts/zh-Hant.yml` lists phrases OpenCC gets wrong (被发明→被髮明, 指明了→指明瞭);
their Traditional form is put in place of OpenCC's, and the rest of the text is converted
around them. OpenCC leaves punctuation alone; the quotation marks then become the ones
Taiwan and Hong Kong print, 「」 and 『』 (`punctuation.corner_quotes`), in the text, the
interface and the handouts alike, since all of them are converted here.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import opencc

from .errors import BuildError, short
from .punctuation import corner_quotes
from .validation import validate
from .yamlfile import YamlFile, load_yaml

CONFIG = "s2tw"


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC(CONFIG)


def load_overrides(path: Path) -> dict[str, str]:
    """The reviewed phrases, checked (`override_problems`)."""
    if not (path.exists() or path.is_symlink()):
        return {}
    file = load_yaml(path)
    problems = override_problems(file)
    if problems:
        raise problems[0]
    return file.data or {}


def override_problems(file: YamlFile) -> list[BuildError]:
    """What is wrong with zh-Hant.yml: its schema (Chinese characters and punctuation only, since the
    phrases are replaced in the interface strings too: no markup, no `%`), and each Traditional form
    as long as its phrase. Conversion is character for character; a longer replacement would
    multiply the text wherever its phrase occurs (one character made 40,000 long everywhere)."""
    if file.data is None:
        return []
    if not isinstance(file.data, dict):
        return [BuildError(file.path, "expected lines of the form 简体短语: 繁體短語", 1)]
    problems = validate(file, "zh-Hant")
    if problems:
        return problems
    return [BuildError(file.path, f"{short(phrase)} has {len(phrase)} characters and its Traditional form "
                       f"{short(form)} {len(form)}: write the same phrase in Traditional characters, one for one",
                       file.line((phrase,)))
            for phrase, form in file.data.items() if len(form) != len(phrase)]


class Converter:
    """Simplified → Traditional for one build, with the project's overrides (`load_overrides`)."""

    def __init__(self, overrides: dict[str, str] | None = None):
        self.overrides = overrides or {}
        phrases = sorted(self.overrides, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, phrases))) if phrases else None
        # A build converts the same strings many times (terms, titles, blocks quoted on several
        # pages); OpenCC's call costs more than the lookup.
        self._done: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        done = self._done.get(text)
        if done is None:
            done = self._done[text] = self._convert(text)
        return done

    def _convert(self, text: str) -> str:
        # Quotation marks last: whether a mark is Chinese depends on its neighbours, which
        # are the same characters in either script.
        return corner_quotes(self._characters(text))

    def _characters(self, text: str) -> str:
        if not self._pattern:
            return _converter().convert(text)
        out, last = [], 0
        for match in self._pattern.finditer(text):
            out.append(_converter().convert(text[last : match.start()]))
            out.append(self.overrides[match.group(0)])
            last = match.end()
        out.append(_converter().convert(text[last:]))
        return "".join(out)
