"""The glossary page: its entries in the edition's order, grouped under initials for the jump bar,
and where each term occurs, named as a reader names a place ("《意见》第（八）条", "第6问·第3点" /
"the Opinions: clause (8)", "Q6, point 3"), never by block id.

Chinese editions sort and group by pinyin; the English edition by the English rendering, as an
English reader looks a term up. The page script (terms.js) filters entries by any of the forms
listed in each entry's `data-forms`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from markupsafe import Markup

from . import urls
from .crossrefs import block_reference, short_name
from .editions import Edition, article_title
from .glossary import Term
from .markup import html
from .model import Article, Block, Bulletin
from .pagetext import chinese_forms
from .safe_text import render as render_markdown

# Places listed per article, and articles per term; the rest are counted (新就业群体 is in 44
# blocks: the Opinion's clauses must not be crowded out by the interview, which comes first).
PLACES_SHOWN = 6
ARTICLES_SHOWN = 12
# A news article is named by its title: at most this many characters (the interview and a
# policy document have short names).
TITLE_MAX = 40  # characters; English titles run longer: TITLE_MAX * 3 / 2
DIGITS = "0–9"


@dataclass
class Group:
    """The entries under one initial, and the id the jump bar links to."""

    letter: str
    id: str
    entries: list[dict] = field(default_factory=list)


def occurrences(terms: list[Term], bulletins: list[Bulletin]) -> dict[str, list]:
    """Each term's blocks (bulletin, article, block), in order."""
    found: dict[str, list] = {term.zh: [] for term in terms}
    for bulletin in bulletins:
        for article in bulletin.articles:
            for block in article.blocks:
                for term in terms:
                    if term.zh in block.text:
                        found[term.zh].append((bulletin, article, block))
    return found


def glossary_groups(terms: list[Term], found: dict[str, list], edition: Edition) -> list[Group]:
    """The entries in the edition's order (pinyin, or English on the English edition), under their initials."""
    english = edition.code == "en"
    groups: dict[str, Group] = {}
    names = Names(edition, many_bulletins(found))  # shared by every term: a place is named once an edition
    for term in sorted(terms, key=lambda t: (sort_key(t.en), plain(t.pinyin)) if english else
                       (plain(t.pinyin), t.zh)):
        letter = initial(term.en if english else plain(term.pinyin))
        group = groups.setdefault(letter, Group(letter, "letter-" + ("0-9" if letter == DIGITS else letter.lower())))
        group.entries.append(entry(term, found[term.zh], names))
    return list(groups.values())


def entry(term: Term, places: list, names: Names) -> dict:
    edition = names.edition
    traditional = term.zh_hant or edition.traditional(term.zh)
    own = traditional if edition.code == "zh-Hant" else term.zh
    other = term.zh if edition.code == "zh-Hant" else traditional
    shown, more = occurrence_groups(places, names)
    definitions = [("en", render_markdown(term.definition_en)),
                   (edition.zh_lang, render_markdown(edition.zh(term.definition_zh)))]
    if edition.code != "en":
        definitions.reverse()  # the edition's own language first
    return {
        "slug": term.slug, "zh": own, "other": other if other != own else None,
        "forms": chinese_forms(edition, term), "pinyin": term.pinyin, "en": term.en,
        "definitions": definitions,
        "alternatives_html": alternatives_html(term, edition),
        "search": filter_text(term, traditional),
        "occurrences": shown,
        "more": more,
    }


def alternatives_html(term: Term, edition: Edition) -> Markup:
    """（其他译法：…） / (Other renderings: …), the renderings marked as English."""
    if not term.alternatives:
        return Markup("")
    pattern = '({}{}<span lang="en">{}</span>)' if edition.code == "en" else '（{}{}<span lang="en">{}</span>）'
    return html(pattern, edition.ui["glossary_alternatives"], edition.ui["colon"], "; ".join(term.alternatives))


def filter_text(term: Term, traditional: str) -> str:
    """What the filter box matches: both scripts, the English renderings, and the pinyin without tone
    marks, with and without its spaces (xin jiuye / xinjiuye)."""
    bare = plain(term.pinyin)
    forms = [term.zh, traditional, term.en, *term.alternatives, bare, bare.replace(" ", "")]
    return " | ".join(dict.fromkeys(f.lower() for f in forms))


class Names:
    """How one edition names places, each worked out once for all the terms that occur there:
    a term like 新就业群体 occurs in thousands of blocks of a large archive, and most blocks hold
    several terms. `bulletin_names`: several bulletins, so each place names its bulletin too."""

    def __init__(self, edition: Edition, bulletin_names: bool):
        self.edition = edition
        self.bulletin_names = bulletin_names
        self._labels: dict[int, str] = {}  # by id() of the block
        self._articles: dict[int, tuple[str, str]] = {}  # by id() of the article: name, title

    def label(self, bulletin: Bulletin, article: Article, block: Block) -> str:
        if id(block) not in self._labels:
            self._labels[id(block)] = place_label(bulletin, article, block, self.edition)
        return self._labels[id(block)]

    def article(self, bulletin: Bulletin, article: Article) -> tuple[str, str]:
        """The article's name in a list of places, and its title (the name's tooltip)."""
        if id(article) not in self._articles:
            edition = self.edition
            name = article_name(bulletin, article, edition)
            if self.bulletin_names:  # several bulletins: each has its own 《意见》
                name = f"{bulletin.meta.get('date') or bulletin.id}{', ' if edition.code == 'en' else ' '}{name}"
            self._articles[id(article)] = name, article_title(edition, bulletin, article)
        return self._articles[id(article)]


def occurrence_groups(places: list, names: Names) -> tuple[list[dict], int]:
    """The places by article, ARTICLES_SHOWN articles at most: its name, and each place once (a question
    and its answer are both 第1问) with a link to its first block, PLACES_SHOWN at most, `more` counting
    the rest; and the number of places in the articles not shown. Only what is shown is named and linked."""
    grouped: dict[tuple[str, str], tuple[Bulletin, Article, dict[str, Block]]] = {}
    for bulletin, article, block in places:
        key = (bulletin.id, article.id)
        if key not in grouped:
            grouped[key] = (bulletin, article, {})
        grouped[key][2].setdefault(names.label(bulletin, article, block), block)
    shown = []
    for bulletin, article, first in list(grouped.values())[:ARTICLES_SHOWN]:
        name, title = names.article(bulletin, article)
        links = [(label, urls.page(bulletin.id, article.id, anchor=block.id, up=1))
                 for label, block in list(first.items())[:PLACES_SHOWN]]
        shown.append({"name": name, "title": title, "places": links, "more": max(0, len(first) - PLACES_SHOWN)})
    return shown, sum(len(first) for _, _, first in list(grouped.values())[ARTICLES_SHOWN:])


def article_name(bulletin: Bulletin, article: Article, edition: Edition) -> str:
    """《意见》 / The Opinions for a policy document, 答记者问 / The interview, a news article by its title."""
    title = article_title(edition, bulletin, article)
    limit = TITLE_MAX * 3 // 2 if edition.code == "en" else TITLE_MAX
    title = title if len(title) <= limit else title[: limit - 1] + "…"
    name = title if edition.code == "en" else f"《{title}》"
    if article.kind == "interview":
        name = edition.ui["interview_name"]
    elif article.kind == "policy" and len(short_name(article, edition)) <= len(name):
        name = short_name(article, edition)  # unless it is the whole (long) title
    return name[:1].upper() + name[1:] if edition.code == "en" else name


def place_label(bulletin: Bulletin, article: Article, block: Block, edition: Edition) -> str:
    """A block as readers cite it (crossrefs.block_reference): 第（八）条, 第6问第3点 / clause (8), Q6, point 3."""
    return edition.zh(block_reference(block, article, edition))


def many_bulletins(found: dict[str, list]) -> bool:
    """Whether the terms occur in more than one bulletin (each place then names its bulletin)."""
    return len({bulletin.id for places in found.values() for bulletin, _, _ in places}) > 1


def plain(pinyin: str) -> str:
    """Pinyin without tone marks, lower case, for alphabetical order."""
    return "".join(c for c in unicodedata.normalize("NFD", pinyin.lower()) if unicodedata.category(c) != "Mn")


def sort_key(english: str) -> str:
    """An English rendering in the order of an index: case and a leading article ignored."""
    return re.sub(r"^(the|a|an)\s+", "", english.lower())


def initial(word: str) -> str:
    """The jump bar's letter for a word: A–Z, or 0–9 for one that starts with a digit."""
    first = sort_key(word)[:1].upper()
    return DIGITS if first.isdigit() else first if "A" <= first <= "Z" else "#"

