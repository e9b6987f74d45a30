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
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import limits
from .errors import BuildError, short
from .model import Article, Bulletin
from .textfile import SUSPICIOUS
from .yamlfile import load_yaml, parse_yaml

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
    if not (path.exists() or path.is_symlink()):
        return {}
    file = load_yaml(path)
    if file.data is None:
        return {}
    if not isinstance(file.data, dict):
        raise BuildError(path, "expected entries keyed by block id (interview__q1: …)", file.line())
    entries = {}
    for key, value in file.data.items():
        line = file.line((key,))
        if not isinstance(value, dict):
            raise BuildError(path, f"{short(key)}: expected 'zh:' (fingerprint) and the translation", line)
        fields = {name: field for name, field in value.items() if isinstance(field, (str, int, float))}
        entries[key] = Entry(key, str(fields.get("zh") or ""), one_line(str(fields.get("en") or "")), line)
    return entries


def one_line(text: str) -> str:
    """A translation is one paragraph: a line break in the YAML (a block scalar) is a space."""
    return _BREAK.sub(" ", text).strip()


_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def translate(article: Article, bulletin: Bulletin, language: str,
              outline_titles: dict[str, str] | None = None) -> dict[str, Translation]:
    """The translation of every source piece of `article`, with its status; unknown keys are errors."""
    path = translation_path(bulletin, language, article)
    entries = load_entries(path)
    wanted = sources(article, outline_titles)
    known = {s.key for s in wanted}
    for entry in entries.values():
        if entry.key not in known:
            raise BuildError(path, f"unknown block id {short(entry.key)} (ids of {article.id}: "
                             f"{wanted[0].key} … {wanted[-1].key}); check for a typo or a renamed block", entry.line)
    result = {}
    for source in wanted:
        entry = entries.get(source.key)
        longest = limits.TRANSLATION_RATIO * len(source.raw) + limits.TRANSLATION_SLACK
        if entry is not None and len(entry.text) > longest:
            raise BuildError(path, f"{entry.key}: the translation has {len(entry.text):,} characters, more than "
                             f"{limits.TRANSLATION_RATIO} times its Chinese ({len(source.raw):,}) and "
                             f"{limits.TRANSLATION_SLACK} more; translate the block, nothing else", entry.line)
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
    lines = [f"# {language} translation of {_comment(title)} ({article.id}), keyed by block id.",
             "# zh: fingerprint of the Chinese translated (python -m build_tools translations reports stale ones)."]
    for source in sources(article, outline_titles):
        entry = existing.get(source.key)
        text = entry.text if entry else ""
        zh = entry.zh if entry and entry.text and entry.zh else source.fingerprint
        lines += ["", f"{source.key}:", f"  # {_comment(source.text)}", f'  zh: "{zh}"',
                  f"  {language}: {_yaml_string(text)}"]
    return "\n".join(lines) + "\n"


def write_translations(bulletins: list[Bulletin], crosslinks, language: str) -> None:
    """`translations --write`: every article's file with all its entries, each file read back before it
    is written (a file the build would then refuse is never written)."""
    for bulletin in bulletins:
        for article in bulletin.articles:
            path = translation_path(bulletin, language, article)
            content = skeleton(article, bulletin, language, outline_titles(crosslinks, article))
            try:
                parse_yaml(path, content)
            except BuildError as err:
                raise BuildError(path, f"the file `translations --write` made would not read back ({err.message}); "
                                 "this is a bug: please report it", err.line) from None
            path.parent.mkdir(exist_ok=True)
            path.write_text(content, "utf-8")


def _yaml_string(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, width=1_000_000, default_style='"').strip()


def _comment(text: str) -> str:
    """`text` as the rest of a YAML comment line: whatever YAML (or an editor) takes for a line break
    or cannot hold, a space. The bulletin's text is kept as received, so it may hold them."""
    for pattern, _, _ in SUSPICIOUS:
        text = pattern.sub(" ", text)
    text = re.sub("[\n\r]", " ", text)
    # A reminder of the Chinese, not the Chinese: a block longer than a line may be would make a
    # file `check` refuses.
    return text if len(text) <= COMMENT_MAX else text[: COMMENT_MAX - 1] + "…"


COMMENT_MAX = 2000


def outline_titles(crosslinks, article: Article) -> dict[str, str]:
    return {entry.id: entry.title for entry in crosslinks.outline(article)}


def coverage(bulletins: list[Bulletin], crosslinks, language: str) -> list[tuple[Bulletin, Article, dict]]:
    return [(b, a, translate(a, b, language, outline_titles(crosslinks, a))) for b in bulletins for a in b.articles]
