"""Which clause does each answer point explain? Evidence, not order.

For one document/interview pair, every answer point (`一是…`; an answer paragraph
where there are no points) is compared with every clause and with each section's own
text. Two kinds of evidence count:

- title: the clause's title named in the answer (`三是加强互联网平台算法治理。`),
  exactly or with words inserted (`永葆共产党人清正廉洁的政治本色` names
  `永葆清正廉洁的政治本色`); at the head of a point it settles the link alone, inside
  the text it needs a second title beside it (an enumeration) or shared wording;
- quote: wording the two texts share, in runs of at least MIN_SPAN characters, each
  character weighted by how few clauses of this document use it (IDF of character
  trigrams), so that what every clause says (新就业群体, 党的领导, 高质量发展) weighs
  next to nothing, and phrases every party document repeats are masked outright.

Nothing depends on the order of points or on clause numbers being cited. Cost grows
with pairs: IDF is computed within the document.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .model import Article, Block, Bulletin, Evidence, Link, Target
from .numerals import to_int
from .outline import OutlineEntry
from .pairing import Pair
from .similarity import lcs_pairs

GRAM = 3
# Shared wording shorter than this is coincidence (两个字 agree everywhere).
MIN_SPAN = 5
# Evidence (IDF mass of shared wording, longer runs counting more) that links a point to a
# clause on its own, provided one run is at least QUOTE_SPAN characters long; a section's
# own text needs more of both. Measured on the three gold pairs (bench: evaluate): true
# links from wording alone start near 60, wrong ones reach 45.
QUOTE_MIN = 50.0
QUOTE_SPAN = 8
SECTION_QUOTE_MIN = 75.0
SECTION_QUOTE_SPAN = 12
# A second clause is linked from quotes alone only when its evidence is this close to the best.
SECOND_SHARE = 0.6
# A title must be at least this long, and this much of it found, in order, in a window
# at most WINDOW times its length that ends with its last two characters (insertions:
# 提高党员干部特别是领导干部政治本领 names 提高党员干部政治本领).
TITLE_MIN = 4
# Titles are short (the longest in the corpus: 38 characters); a longer "title" is a sentence, and
# matching it costs the cube of its length. Where a title's last two characters recur, only the
# first MAX_NAMINGS places are tried: an answer names a clause a few times at most.
TITLE_MAX = 60
MAX_NAMINGS = 30
TITLE_RATIO = 0.8
WINDOW = 2.0
# A piece of shared wording, besides the title, that corroborates a title found inside the text.
CORROBORATE = 10.0
QUOTE_SCALE = 150.0

# Phrases every party document repeats: never evidence of a particular clause.
GENERIC = (
    "习近平新时代中国特色社会主义思想", "以习近平同志为核心的党中央", "习近平总书记", "党中央",
    "中国特色社会主义", "党的全面领导", "党的领导", "高质量发展", "以人民为中心", "新时代",
    "贯彻落实", "重要指示", "决策部署", "各地区各部门", "《意见》", "意见",
)
_LABEL = re.compile(r"^(?:(?:答|问|记者|[\u4e00-\u9fff]{2,4})[:：]|[一二三四五六七八九十]+是)")
_PUNCTUATION = "，。、；：！？“”（）"
_PHRASE_BREAKS = "，。、；：！？"
_CLAUSE_MARK = re.compile(r"^[（(][一二三四五六七八九十]+[)）]|^[0-9]{1,2}[.．、]")


@dataclass
class Unit:
    """An answer point or paragraph, its text after the label (`答：`, `一是`)."""

    block: Block
    article: Article
    bulletin: Bulletin
    text: str
    masked: list[bool]
    # Its trigrams, None where masked: the same for every target it is compared with.
    grams: list[str | None] = field(init=False, repr=False)

    def __post_init__(self):
        self.grams = [None if self.masked[i] else self.text[i : i + GRAM] for i in range(len(self.text) - GRAM + 1)]


def align(pair: Pair, outline: list[OutlineEntry]) -> list[Link]:
    targets = document_targets(pair.document, pair.document_bulletin, outline)
    # The document's own title is its topic (新就业群体服务管理, 党的政治建设): every answer
    # repeats it, so it is no evidence of any one clause.
    topic = _grams(pair.document.title.text)
    units = answer_units(pair.interview, pair.interview_bulletin, topic)
    idf = _idf(targets, units)
    grams = {id(t): _grams(t.heading + t.text) for t in targets}
    framework = {entry_source for entry_source in _framework_blocks(pair.interview)}
    links = [link for unit in units
             for link in _link_unit(unit, targets, idf, grams, topic, unit.block.id in framework)]
    return _without_redundant_sections(links)


def answer_units(interview: Article, bulletin: Bulletin, topic: set[str] = frozenset()) -> list[Unit]:
    units = []
    for block in interview.blocks:
        if block.type not in ("answer", "point"):
            continue
        label = _LABEL.match(block.text)
        text = block.text[label.end():] if label else block.text
        units.append(Unit(block, interview, bulletin, text, _mask(text, topic)))
    return units


def document_targets(document: Article, bulletin: Bulletin, outline: list[OutlineEntry]) -> list[Target]:
    """One target per clause and per section's own text (heading and text outside clauses)."""
    titles = {(e.section, e.clause): e.title for e in outline}
    groups: dict[tuple, list[Block]] = {}
    for block in document.blocks:
        if block.section or block.clause:
            groups.setdefault((block.section, block.clause), []).append(block)
    targets = []
    for (section, clause), blocks in groups.items():
        heading = next((b.heading for b in blocks if b.heading), None) or titles.get((section, clause), "")
        text = "".join(_CLAUSE_MARK.sub("", b.text) for b in blocks if b.type != "heading")
        targets.append(Target(document, bulletin, blocks[0].id, section, clause, heading, text,
                              blocks=tuple(b.id for b in blocks), section_number=blocks[0].section_number,
                              clause_number=blocks[0].clause_number, section_scheme=blocks[0].section_scheme,
                              clause_scheme=blocks[0].clause_scheme if clause else None))
    known = set(groups)
    for entry in outline:
        if (entry.section, entry.clause) not in known and not entry.present:
            targets.append(Target(document, bulletin, entry.id, entry.section, entry.clause, entry.title, "",
                                  present=False, blocks=(entry.id,), section_number=to_int(entry.section),
                                  clause_number=to_int(entry.clause) if entry.clause else None))
    return targets


def _link_unit(unit: Unit, targets: list[Target], idf: dict[str, float], grams, topic: set[str],
               framework: bool = False) -> list[Link]:
    found = []
    headings = [t.heading for t in targets if t.heading]
    for target in targets:
        title = _title_match(target.heading, unit.text, topic)
        if title and not target.clause and not (title[0] or framework):
            # A part's name in passing is a slogan (提高政治能力, 坚定政治信仰); it names the
            # part at the head of a point, or in the answer that walks through the parts.
            title = None
        quotes = _quotes(unit, target, grams[id(target)], idf) if target.text else []
        # Wording that is only a clause's title is title evidence, judged by the title rules,
        # even where another clause repeats it (坚决做到“两个维护” in clauses 四, 十三, 十五).
        body = [(text, weight) for text, weight in quotes
                if not any(text.strip(_PUNCTUATION) in heading for heading in headings)]
        longest = max((len(text.strip(_PUNCTUATION)) for text, _ in body), default=0)
        mass = sum(weight for _, weight in body)
        # A section's own text is general narrative (aims, significance) that background
        # answers echo: it takes longer verbatim runs and more of them than a clause.
        enough = (mass >= QUOTE_MIN and longest >= QUOTE_SPAN) if target.clause else \
                 (mass >= SECTION_QUOTE_MIN and longest >= SECTION_QUOTE_SPAN)
        mass = mass if enough else 0.0
        found.append((target, title, quotes, mass))
    titled = [f for f in found if f[1]]
    enumerated = len(titled) >= 2
    chosen = {}
    for target, title, quotes, mass in titled:
        at_head, named = title
        corroborated = any(weight >= CORROBORATE for text, weight in quotes
                           if not any(text.strip(_PUNCTUATION) in heading for heading in headings + [named]))
        if at_head or enumerated or corroborated:
            chosen[id(target)] = (target, title, quotes, mass)
    # From shared wording alone: the best target, and any other nearly as well attested
    # (a point that draws on two clauses).
    by_quotes = sorted((f for f in found if f[3]), key=lambda f: f[3], reverse=True)
    for f in by_quotes:
        if f[3] >= SECOND_SHARE * by_quotes[0][3]:
            chosen.setdefault(id(f[0]), f)
    return [_link(unit, *f) for f in chosen.values()]


def _link(unit: Unit, target: Target, title, quotes, mass: float) -> Link:
    evidence = []
    strength = 0.0
    if title:
        at_head, text = title
        evidence.append(Evidence("title", text))
        strength = 0.6 if at_head else 0.4
    named = evidence[0].text if evidence else ""
    evidence += [Evidence("quote", text) for text, _ in quotes if text.strip(_PUNCTUATION) not in named]
    score = round(min(1.0, strength + mass / QUOTE_SCALE), 3)
    return Link(unit.block, unit.article, unit.bulletin, target, score, evidence)


def _title_match(heading: str, text: str, topic: set[str] = frozenset()) -> tuple[bool, str] | None:
    """(at the head of the text?, the words that name it) if `text` names `heading`.

    The words must run from the title's first character to its last two, within one
    phrase (no sentence punctuation between), leaving out at most a fifth of it:
    `稳住农民工就业` names `稳定农民工就业`, `违反党的政治纪律和政治规矩` does not name
    `严明党的政治纪律和政治规矩`. Words of the document's topic do not count towards
    the share found: `加强党的政治建设的意义、目的` does not name `加强党的政治建设的总体要求`.
    """
    if not TITLE_MIN <= len(heading) <= TITLE_MAX:
        return None
    tail = heading[-2:]
    start = text.find(tail)
    if start < 0:  # most answers do not name most clauses: spare the rest
        return None
    own = [i for i in range(len(heading)) if not _in_topic(heading, i, topic)]
    best = None
    tried = 0
    while start >= 0 and tried < MAX_NAMINGS:
        tried += 1
        end = start + 2
        window_start = max(0, end - math.ceil(WINDOW * len(heading)))
        window = text[window_start:end]
        pairs = lcs_pairs(heading, window)
        ratio = len(pairs) / len(heading)
        matched = {i for i, _ in pairs}
        own_ratio = sum(i in matched for i in own) / len(own) if own else 0.0
        if ratio >= TITLE_RATIO and own_ratio >= TITLE_RATIO and pairs[0][0] == 0 and pairs[-1] == (len(heading) - 1, len(window) - 1):
            first = window_start + pairs[0][1]
            named = text[first:end]
            if not any(ch in _PHRASE_BREAKS for ch in named if ch not in heading):
                candidate = (first <= 1, named, ratio)
                if best is None or candidate[2] > best[2]:
                    best = candidate
        start = text.find(tail, start + 1)
    return (best[0], best[1]) if best else None


def _in_topic(text: str, i: int, topic: set[str]) -> bool:
    """True if character i of `text` lies in a trigram of the document's title."""
    return any(text[k : k + GRAM] in topic for k in range(max(0, i - GRAM + 1), i + 1) if k + GRAM <= len(text))


def _quotes(unit: Unit, target: Target, target_grams: set[str], idf) -> list[tuple[str, float]]:
    """Runs of shared wording (as in the answer), each with its IDF mass."""
    text = unit.text
    hits = [gram is not None and gram in target_grams for gram in unit.grams]
    spans, seen, i = [], set(), 0
    while i < len(hits):
        if not hits[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(hits) and hits[j + 1]:
            j += 1
        for piece_start, piece in _pieces_in(text[i : j + GRAM], i, target.heading + target.text):
            if piece not in seen:  # wording repeated in the answer is one piece of evidence
                seen.add(piece)
                weight = sum(idf.get(text[k : k + GRAM], 0.0)
                             for k in range(piece_start, piece_start + len(piece) - GRAM + 1))
                spans.append((piece, weight * _length_factor(piece)))
        i = j + 1
    return spans


def _pieces_in(run: str, offset: int, target_text: str):
    """The parts of a run of shared trigrams that occur in the target as they stand."""
    start = 0
    while len(run) - start >= MIN_SPAN:
        end = start + MIN_SPAN
        if run[start:end] not in target_text:
            start += 1
            continue
        while end < len(run) and run[start : end + 1] in target_text:
            end += 1
        yield offset + start, run[start:end]
        start = end


def _length_factor(piece: str) -> float:
    """Long verbatim runs are evidence; five- and six-character ones are mostly stock phrases."""
    length = len(piece.strip(_PUNCTUATION))
    return min(1.5, max(0.0, (length - MIN_SPAN + 1) / (QUOTE_SPAN - MIN_SPAN + 1)))


def _framework_blocks(interview: Article) -> set[str]:
    """The answer that walks through the document's parts (第一部分为…第二部分为…)."""
    return {b.id for b in interview.blocks if len(re.findall(r"第[一二三四五六七八九十]+部分", b.text)) >= 2}


def _mask(text: str, topic: set[str]) -> list[bool]:
    """Characters that cannot start evidence: generic phrases and the document's topic words."""
    masked = [text[i : i + GRAM] in topic for i in range(len(text))]
    for phrase in GENERIC:
        at = text.find(phrase)
        while at >= 0:
            for k in range(at, at + len(phrase)):
                masked[k] = True
            at = text.find(phrase, at + 1)
    return masked


def _grams(text: str) -> set[str]:
    return {text[i : i + GRAM] for i in range(len(text) - GRAM + 1)}


def _idf(targets: list[Target], units: list[Unit]) -> dict[str, float]:
    """Inverse document frequency of trigrams over the clauses and the answers of one pair.

    Counting the answers too lowers what the interview says everywhere (党的十八大以来,
    集中统一领导): wording shared by many answers explains no clause in particular.
    """
    texts = [t.heading + t.text for t in targets if t.text] + [u.text for u in units]
    counts: dict[str, int] = {}
    for text in texts:
        for gram in _grams(text):
            counts[gram] = counts.get(gram, 0) + 1
    total = len(texts)
    return {gram: math.log((total + 1) / (df + 0.5)) for gram, df in counts.items()}


def _without_redundant_sections(links: list[Link]) -> list[Link]:
    """A section as a whole is not linked from an answer that links clauses of it."""
    with_clauses = {(id(link.source_article), link.source.question, link.target.section)
                    for link in links if link.target.clause}
    return [link for link in links if link.target.clause or
            (id(link.source_article), link.source.question, link.target.section) not in with_clauses]
