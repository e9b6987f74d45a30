"""Translations: contributor files keyed by block id, each entry fingerprinting the Chinese it translates.

    source_texts/<bulletin>/en/<article>.yml

    interview__q5__pt3:
      # 三是加强互联网平台算法治理。督促互联网平台企业…
      zh: 5f0c2e9a81d4          # fingerprint of the Chinese (first 12 hex of its SHA-256)
      en: Third, strengthen the governance of algorithms on internet platforms. …

Like gettext's fuzzy entries, a translation whose Chinese has changed since it was
written is *stale*: still shown, marked on the page, and reported; a block without a
translation is *missing*. `python -m build_tools translations` prints coverage per
article; `--strict` (used by CI) fails on anything stale or missing.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import BuildError
from .textfile import read_utf8
from .yamlfile import compose
from .model import Article, Bulletin

LANGUAGES = ("en",)
HEADER_PIECES = ("kicker", "title", "subtitle", "date", "byline", "continued", "dateline", "credit")


@dataclass
class Source:
    """A piece of Chinese to translate: its key, its text as shown, its text as received."""

    key: str
    text: str
    raw: str

    @property
    def fingerprint(self) -> str:
        # Of the text as received: a change to display punctuation rules stales nothing.
        return fingerprint(self.raw)


@dataclass
class Entry:
    key: str
    zh: str
    text: str
    line: int


@dataclass
class Translation:
    text: str | None
    status: str  # "ok", "stale" or "missing"


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def sources(article: Article, outline_titles: dict[str, str] | None = None) -> list[Source]:
    """Everything of an article a reader sees in Chinese, in page order."""
    found = []
    for name in HEADER_PIECES[:6]:
        piece = getattr(article, name)
        if piece:
            found.append(Source(f"{article.id}__{name}", piece.text, piece.raw))
    for key, title in (outline_titles or {}).items():
        found.append(Source(f"{key}__title", title, title))
    found += [Source(block.id, block.text, block.raw) for block in article.blocks]
    for name in HEADER_PIECES[6:]:
        piece = getattr(article, name)
        if piece:
            found.append(Source(f"{article.id}__{name}", piece.text, piece.raw))
    return found


def translation_path(bulletin: Bulletin, language: str, article: Article) -> Path:
    return bulletin.path.parent / language / f"{article.id}.yml"


def load_entries(path: Path) -> dict[str, Entry]:
    if not path.exists():
        return {}
    try:
        root = compose(read_utf8(path))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        raise BuildError(path, f"broken YAML: {err.problem}", mark.line + 1 if mark else None) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise BuildError(path, "expected entries keyed by block id (interview__q1: …)", root.start_mark.line + 1)
    entries = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        if key.value in entries:
            raise BuildError(path, f"{key.value!r} is translated twice (first at line {entries[key.value].line})", line)
        if not isinstance(value, yaml.MappingNode):
            raise BuildError(path, f"{key.value}: expected 'zh:' (fingerprint) and the translation", line)
        fields = {k.value: v.value for k, v in value.value if isinstance(v, yaml.ScalarNode)}
        entries[key.value] = Entry(key.value, str(fields.get("zh") or ""), str(fields.get("en") or "").strip(), line)
    return entries


def translate(article: Article, bulletin: Bulletin, language: str,
              outline_titles: dict[str, str] | None = None) -> dict[str, Translation]:
    """The translation of every source piece of `article`, with its status; unknown keys are errors."""
    path = translation_path(bulletin, language, article)
    entries = load_entries(path)
    wanted = sources(article, outline_titles)
    known = {s.key for s in wanted}
    for entry in entries.values():
        if entry.key not in known:
            raise BuildError(path, f"unknown block id {entry.key!r} (ids of {article.id}: "
                             f"{wanted[0].key} … {wanted[-1].key}); check for a typo or a renamed block", entry.line)
    result = {}
    for source in wanted:
        entry = entries.get(source.key)
        if entry is None or not entry.text:
            result[source.key] = Translation(None, "missing")
        elif entry.zh != source.fingerprint:
            result[source.key] = Translation(entry.text, "stale")
        else:
            result[source.key] = Translation(entry.text, "ok")
    return result


def skeleton(article: Article, bulletin: Bulletin, language: str, outline_titles: dict[str, str] | None = None) -> str:
    """A translation file with every entry of `article`, keeping the translations already written."""
    path = translation_path(bulletin, language, article)
    existing = load_entries(path)
    title = article.title.text if article.title else article.id
    lines = [f"# {language} translation of {title} ({article.id}), keyed by block id.",
             "# zh: fingerprint of the Chinese translated (python -m build_tools translations reports stale ones)."]
    for source in sources(article, outline_titles):
        entry = existing.get(source.key)
        text = entry.text if entry else ""
        zh = entry.zh if entry and entry.text and entry.zh else source.fingerprint
        lines += ["", f"{source.key}:", f"  # {source.text}", f'  zh: "{zh}"',
                  f"  {language}: {_yaml_string(text)}"]
    return "\n".join(lines) + "\n"


def _yaml_string(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, width=1_000_000, default_style='"').strip()


def outline_titles(crosslinks, article: Article) -> dict[str, str]:
    return {entry.id: entry.title for entry in crosslinks.outline(article)}


def coverage(bulletins: list[Bulletin], crosslinks, language: str) -> list[tuple[Bulletin, Article, dict]]:
    return [(b, a, translate(a, b, language, outline_titles(crosslinks, a))) for b in bulletins for a in b.articles]
