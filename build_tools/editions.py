"""The three reading versions of the site: Simplified (the original), Traditional, English.

Each edition is a full tree of pages with the same paths and the same block ids, so a
reader can switch version and land on the same page and anchor. Every page carries
the Chinese and the English of each block, for the parallel view; an edition decides
which comes first (its *primary* language), how the Chinese is written (Simplified, or
converted to Traditional), and the language of the interface.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable

from .convert import Converter, load_overrides
from .glossary import Term, load_glossary
from .model import Article, Bulletin
from .project import Project
from .translations import Translation, outline_titles, translate
from .yamlfile import load_yaml

UI_DIR = Path(__file__).parent / "ui"
CODES = ("zh-Hans", "zh-Hant", "en")
# Where each edition lives under the site root; the original is the default at the root.
ROOTS = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "en": "en/"}
NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "English"}


@dataclass
class Edition:
    code: str
    ui: dict
    chinese: Callable[[str], str]  # how Chinese text is written in this edition
    english: dict[tuple[str, str], Translation] = field(default_factory=dict)  # (bulletin, key) → translation
    terms: list[Term] = field(default_factory=list)  # the project's glossary
    traditional: Callable[[str], str] = field(default=lambda text: text)  # the project's Simplified → Traditional
    project: Project | None = None  # where the site is published and edited; None in a citation's words

    @property
    def root(self) -> str:
        return ROOTS[self.code]

    @property
    def zh_lang(self) -> str:
        """The language tag of the Chinese text on this edition's pages."""
        return "zh-Hant" if self.code == "zh-Hant" else "zh-Hans"

    @property
    def primary(self) -> str:
        return "en" if self.code == "en" else "zh"

    def zh(self, text: str) -> str:
        return self.chinese(text)

    def en(self, bulletin: Bulletin, key: str) -> Translation:
        return self.english.get((bulletin.id, key), Translation(None, "missing"))

    def text(self, bulletin: Bulletin, key: str, chinese: str) -> str:
        """`chinese` in this edition's primary language (the Chinese where no translation exists)."""
        if self.code == "en":
            translation = self.en(bulletin, key)
            if translation.text:
                return translation.text
        return self.zh(chinese)


@cache
def _ui_file(code: str) -> dict:
    return load_yaml(UI_DIR / f"{code}.yml").data


def load_ui(code: str, convert: Callable[[str], str] | None = None) -> dict:
    """Interface strings: zh-Hant is zh-Hans converted, as the text is."""
    ui = _convert_all(_ui_file("zh-Hans"), convert or Converter()) if code == "zh-Hant" else dict(_ui_file(code))
    ui["code"] = code
    return ui


def relative_root(source: Edition, target: Edition) -> str:
    """The path from `source`'s root folder to `target`'s (`../zh-Hant/` from `en/`)."""
    up = "../" * source.root.count("/")
    return up + target.root


def _convert_all(value, convert):
    if isinstance(value, dict):
        return {k: _convert_all(v, convert) for k, v in value.items()}
    return convert(value) if isinstance(value, str) else value


def make_editions(bulletins: list[Bulletin], crosslinks, project: Project) -> list[Edition]:
    """The three editions of `project`: its glossary, its Traditional overrides, its translations."""
    converter = Converter(load_overrides(project.overrides_file))
    terms = load_glossary(project.glossary_file)
    english: dict[tuple[str, str], Translation] = {}
    for bulletin in bulletins:
        for article in bulletin.articles:
            for key, translation in translate(article, bulletin, "en", outline_titles(crosslinks, article)).items():
                english[(bulletin.id, key)] = translation
    return [
        Edition("zh-Hans", load_ui("zh-Hans"), _same, english, terms, converter, project),
        Edition("zh-Hant", load_ui("zh-Hant", converter), converter, english, terms, converter, project),
        Edition("en", load_ui("en"), _same, english, terms, converter, project),
    ]


def _same(text: str) -> str:
    return text


def article_title(edition: Edition, bulletin: Bulletin, article: Article) -> str:
    if article.title is None:
        return edition.ui["untitled"]
    return edition.text(bulletin, f"{article.id}__title", article.title.text)
