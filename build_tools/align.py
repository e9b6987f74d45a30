"""Which clause does each answer point explain? Evidence, not order.

For one document/interview pair, every answer point (`一是…`; an answer paragraph
where there are no points) is compared with every clause and with each section's own
text. Two kinds of evidence count:

- title: the clause's title named in the answer (`三是加强互联网平台算法治理。`),
  exactly or with words inserted (`永葆共产党人清正廉洁的政治本色` names
  `永葆清正廉洁的政治本色`), or one phrase of a heading that is a sentence; at the head of a
  point (after a speaker and a modal: `韩长赋说，必须…`) it settles the link alone, inside
  the text it needs a second title beside it (an enumeration) or shared wording;
- quote: wording the two texts share, in runs of at least MIN_SPAN characters, each
  character weighted by how few clauses of this document use it (IDF of character
  trigrams), so that what every clause says (新就业群体, 党的领导, 高质量发展) weighs
  next to nothing, and phrases every party document repeats are masked outright;
- vocabulary, only for a unit that has neither: the target whose character bigrams
  (IDF-weighted cosine) it clearly shares most, a point restating one provision in other words.

A part (一、…, 第X章) is judged as a group of clauses: linked where a point names it at its
head, where the answer walks through the parts, or where the answer calls it a part (`…一章`,
`在…方面`). In a document with no clauses (an NPCSC 决定) the sections are the provisions and
are judged as clauses.

Nothing depends on the order of points or on clause numbers being cited. Cost grows
with pairs: IDF is computed within the document.

Two stages: `measure` finds every piece of evidence (title namings with how much of the
title they hold, shared wording with its IDF mass), which is the costly part; `decide`
applies the thresholds of a `Tuning` to it. bench/calibrate.py measures each pair once
and decides many times.
"""
from __future__ import annotations

import math
import re
from collections import Counter
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
# own text needs more. Every value here is the in-sample choice of bench/calibrate.py on all six
# corpus pairs (bench/ALIGNMENT.md, where the leave-one-pair-out folds are): QUOTE_MIN 30 (the
# folds: 30 three times, 40 twice, 50 once; first set at 50 on three pairs, but verbatim quotes of
# a clause in the 2019 一号文件 and the NPCSC 决定 weigh 30–45); QUOTE_SPAN 7 (folds: 5 four times,
# 7 twice); SECTION_QUOTE_MIN 40 (every fold; a plateau from 30 to 75); SECTION_QUOTE_SPAN 12.
QUOTE_MIN = 30.0
QUOTE_SPAN = 7
SECTION_QUOTE_MIN = 40.0
SECTION_QUOTE_SPAN = 12
# An answer that explains at least this share of a part's clauses explains the part as a whole
# (above 1: never). Off: the answer keys disagree on it (bench/ALIGNMENT.md, "Parts as a whole").
PART_SHARE = 2.0
# A second clause is linked from quotes alone only when its evidence is this close to the best
# (0.5: four folds of six; 0.6 and 0.8 once each).
SECOND_SHARE = 0.5
# Evidence that links a clause from wording alone however much better another clause is attested
# in the same paragraph (100: three folds, 80 twice, 150 once).
QUOTE_STRONG = 100.0
# A unit with no evidence at all is linked to its nearest target by vocabulary (IDF-weighted bigram
# cosine) when that reaches FALLBACK_MIN and FALLBACK_MARGIN times the next target's (above 1:
# never). Plateaus 0.25–0.3 and 2–3; either keeps out the first bulletin's q2 pt3 (a drafting
# principle echoing (九)'s title as a goal: cosine 0.25, twice the next target's).
FALLBACK_MIN = 0.3
FALLBACK_MARGIN = 3.0
# A title must be at least this long, and this much of it found, in order, in a window
# at most WINDOW times its length that ends with its last two characters (insertions:
# 提高党员干部特别是领导干部政治本领 names 提高党员干部政治本领).
TITLE_MIN = 4
# Titles are short (the longest in the corpus: 38 characters); a longer "title" is a sentence, and
# matching it costs the cube of its length. Where a title's last two characters recur, only the
# first MAX_NAMINGS places are tried: an answer names a clause a few times at most.
TITLE_MAX = 60
MAX_NAMINGS = 30
# 0.8 in every fold (a plateau from 0.8 to 0.85 when the grid held 0.75–0.85).
TITLE_RATIO = 0.8
# Namings that hold less than this are not recorded at all (no tuning goes this low).
TITLE_FLOOR = 0.5
WINDOW = 2.0
# A piece of shared wording, besides the title, that corroborates a title found inside the text
# (5, 10 and 20 gave the same links on every pair).
CORROBORATE = 10.0
QUOTE_SCALE = 150.0

# Phrases every party document repeats: never evidence of a particular clause.
GENERIC = (
    "习近平新时代中国特色社会主义思想", "以习近平同志为核心的党中央", "习近平总书记", "党中央",
    "中国特色社会主义", "国家治理体系和治理能力现代化", "党的全面领导", "党的领导", "高质量发展",
    "以人民为中心", "新时代", "贯彻落实", "重要指示", "决策部署", "各地区各部门", "《意见》", "意见",
)
# Labels that are no evidence: a speaker (`答：`, `韩长赋：`; a long office and name comes from the
# parser's `speaker`), then a point's marker (`一是`, `一是，`, `第一，`).
_LABEL = re.compile(r"^(?:答|问|记者|[\u4e00-\u9fff]{2,4})[:：]"
                    # a 专访 in reported speech opens a paragraph with its speaker: `韩长赋说，`, `韩长赋表示，`
                    r"|^[\u4e00-\u9fff]{2,4}(?:说|表示|认为|指出|强调)[，,：:]")
# Words that may stand before a name at the head of a point or paragraph without making it a
# mention in passing: a modal (`必须加强党对“三农”工作的领导`, `要加强…`).
_HEAD_LEAD = ("", "要", "必须", "还要", "就要", "应当")
# A heading that is a sentence (`八、加强党对“三农”工作的领导，落实农业农村优先发展总方针`) states its
# part's aims one phrase each: an answer names the part by any one of them.
_HEADING_PHRASES = re.compile(r"[，；,;]")
_POINT_MARK = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+(?=[，,、]))[，,、]?")
_PUNCTUATION = "，。、；：！？“”（）"
_PHRASE_BREAKS = "，。、；：！？"
# The words after a part's title that call it a part of the document (`…一章`, `…专章`, `…部分`,
# `在…方面`), after a closing quote if it is quoted.
_FRAME = re.compile(r"[”’\"']?(?:这一章|一章|专章|部分|方面)")
_FRAME_ON = re.compile(r"[”’\"']?上")  # 在领导和保障上: only after 在
# A provision's own number is no wording of it: （一）, 1., 一、 (a 决定's sections), 第十二条 (an article).
_CLAUSE_MARK = re.compile(r"^[（(][一二三四五六七八九十]+[)）]|^[0-9]{1,2}[.．、]|^[一二三四五六七八九十]+、"
                          r"|^第[一二三四五六七八九十百零〇]+条[\s\u3000\xa0]*")


@dataclass(frozen=True)
class Tuning:
    """The thresholds `decide` applies; the module's constants are the defaults (bench/calibrate.py
    tries others)."""

    quote_min: float = QUOTE_MIN
    quote_span: int = QUOTE_SPAN
    section_quote_min: float = SECTION_QUOTE_MIN
    section_quote_span: int = SECTION_QUOTE_SPAN
    second_share: float = SECOND_SHARE
    title_ratio: float = TITLE_RATIO
    corroborate: float = CORROBORATE
    part_share: float = PART_SHARE
    quote_strong: float = QUOTE_STRONG
    fallback_min: float = FALLBACK_MIN
    fallback_margin: float = FALLBACK_MARGIN


DEFAULT = Tuning()


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


@dataclass(frozen=True)
class Naming:
    """A place where an answer names a target's title: the words, and how much of the title
    (all of it, and of its words outside the document's topic) they hold."""

    at_head: bool
    text: str
    ratio: float
    own_ratio: float
    start: int = 0
    # Followed by a word that calls it a part of the document (`在“领导和保障”一章`, `增写“党的
    # 政治建设”专章`, `在总则部分`, `在党务工作人员队伍建设方面`).
    framed: bool = False


@dataclass(frozen=True)
class Quote:
    """A run of shared wording: its IDF mass before the length factor, and whether it is no more
    than some target's title (then it is title evidence, judged by the title rules)."""

    text: str
    mass: float
    in_heading: bool

    def weight(self, tuning: Tuning) -> float:
        return self.mass * _length_factor(self.text, tuning.quote_span)


@dataclass
class Candidate:
    """The evidence one unit holds for one target, before any threshold."""

    target: Target
    namings: list[Naming]
    quotes: list[Quote]
    # A clause, or a section of a document that has no clauses (an NPCSC 决定's 一、…八、): the
    # document's unit of content, judged as a clause. Where a document has clauses, a section's
    # own text is its general part (aims, significance: 意见's 总体要求), judged as a part.
    unit_of_content: bool = True


@dataclass
class Measured:
    unit: Unit
    framework: bool  # the answer that walks through the document's parts
    candidates: list[Candidate]
    # The document's parts that hold clauses: section → (its own target, how many clauses it holds).
    parts: dict = field(default_factory=dict, repr=False)
    # The targets whose vocabulary the unit shares most (cosine of IDF-weighted character bigrams),
    # best first: (cosine, target) for the best two.
    nearest: list = field(default_factory=list, repr=False)


def align(pair: Pair, outline: list[OutlineEntry], tuning: Tuning = DEFAULT,
          targets: list[Target] | None = None) -> list[Link]:
    return decide(measure(pair, outline, targets), tuning)


def measure(pair: Pair, outline: list[OutlineEntry], targets: list[Target] | None = None) -> list[Measured]:
    """Every piece of evidence between the pair's answers and the document's targets (made here from
    the outline unless the caller has them: linking.crosslink makes them once for the whole build)."""
    if targets is None:
        targets = document_targets(pair.document, pair.document_bulletin, outline)
    # The document's own title is its topic (新就业群体服务管理, 党的政治建设): every answer
    # repeats it, so it is no evidence of any one clause.
    topic = _grams(pair.document.title.text)
    units = answer_units(pair.interview, pair.interview_bulletin, topic)
    idf = _idf(targets, units)
    grams = {id(t): _grams(t.heading + t.text) for t in targets}
    headings = [t.heading for t in targets if t.heading]
    sections_only = not any(t.clause for t in targets)
    parts = {t.section: (t, sum(c.section == t.section and bool(c.clause) for c in targets))
             for t in targets if not t.clause}
    parts = {section: part for section, part in parts.items() if part[1]}
    framework = _framework_blocks(pair.interview)
    nearest = _nearest(targets, units)
    measured = []
    for unit in units:
        candidates = []
        for target in targets:
            namings = _namings(target.heading, unit.text, topic)
            quotes = [Quote(text, mass, any(text.strip(_PUNCTUATION) in heading for heading in headings))
                      for text, mass in _quotes(unit, target, grams[id(target)], idf)] if target.text else []
            if namings or quotes:
                candidates.append(Candidate(target, namings, quotes, bool(target.clause) or sections_only))
        measured.append(Measured(unit, unit.block.id in framework, candidates, parts, nearest[id(unit)]))
    return measured


def decide(measured: list[Measured], tuning: Tuning = DEFAULT) -> list[Link]:
    found = [pair for m in measured for pair in _link_unit(m, tuning)]
    framed = {id(link) for link, as_part in found if as_part}
    links = _without_redundant_sections([link for link, _ in found], framed)
    return links + _covered_parts(measured, links, tuning)


def _covered_parts(measured: list[Measured], links: list[Link], tuning: Tuning) -> list[Link]:
    """A part whose clauses an answer explains, at least PART_SHARE of them (and two), as a whole:
    the answer on 脱贫攻坚 that goes through all four clauses of 一、 explains 一、 too. Linked
    from the answer's paragraph or point that explains most of them."""
    parts = measured[0].parts if measured else {}
    by_question: dict[tuple, dict[str, dict[int, list[Link]]]] = {}
    for link in links:
        if link.target.clause and link.target.section in parts:
            clauses = by_question.setdefault((id(link.source_article), link.source.question), {})
            clauses.setdefault(link.target.section, {}).setdefault(id(link.target), []).append(link)
    found = []
    for sections in by_question.values():
        for section, clauses in sections.items():
            target, count = parts[section]
            if len(clauses) >= 2 and len(clauses) >= tuning.part_share * count:
                sources = [link.source for group in clauses.values() for link in group]
                source = max(sources, key=lambda b: sum(s is b for s in sources))
                link = next(l for group in clauses.values() for l in group if l.source is source)
                found.append(Link(source, link.source_article, link.source_bulletin, target, link.score,
                                  [Evidence("part", f"{len(clauses)} of its {count} clauses")]))
    return found


def answer_units(interview: Article, bulletin: Bulletin, topic: set[str] = frozenset()) -> list[Unit]:
    units = []
    for block in interview.blocks:
        if block.type not in ("answer", "point"):
            continue
        text = _without_labels(block)
        units.append(Unit(block, interview, bulletin, text, _mask(text, topic)))
    return units


def _without_labels(block: Block) -> str:
    text = block.text
    speaker = block.speaker and text.startswith(block.speaker) and text[len(block.speaker) : len(block.speaker) + 1]
    if speaker and speaker in ":：":
        text = text[len(block.speaker) + 1 :]
    else:
        label = _LABEL.match(text)
        text = text[label.end():] if label else text
    mark = _POINT_MARK.match(text)
    return text[mark.end():] if mark else text


def document_targets(document: Article, bulletin: Bulletin, outline: list[OutlineEntry],
                     passages: bool = False) -> list[Target]:
    """One target per clause and per section's own text (heading and text outside clauses); with
    `passages`, also the text outside every part: the preamble, the closing text, a report's lead.

    The aligner leaves those out (passages=False): they state the document's aims, which every
    answer echoes, and the answer keys count a link to them as arguable at best. A curated link
    (links.yml) may name them."""
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
    if passages:
        targets += _passage_targets(document, bulletin)
    known = set(groups)
    for entry in outline:
        if (entry.section, entry.clause) not in known and not entry.present:
            targets.append(Target(document, bulletin, entry.id, entry.section, entry.clause, entry.title, "",
                                  present=False, blocks=(entry.id,), section_number=to_int(entry.section),
                                  clause_number=to_int(entry.clause) if entry.clause else None))
    return targets


def passage_kind(block_id: str) -> str:
    """lead, end (closing text) or preamble, for a block outside every part (`regulations__lead__p2`)."""
    parts = block_id.split("__")
    return parts[1] if len(parts) > 2 and parts[1] in ("lead", "end") else "preamble"


def _passage_targets(document: Article, bulletin: Bulletin) -> list[Target]:
    groups: dict[str, list[Block]] = {}
    for block in document.blocks:
        if not (block.section or block.clause) and block.type != "heading":
            groups.setdefault(passage_kind(block.id), []).append(block)
    return [Target(document, bulletin, blocks[0].id, None, None, "", "".join(b.text for b in blocks),
                   blocks=tuple(b.id for b in blocks)) for blocks in groups.values()]


def _link_unit(measured: Measured, tuning: Tuning) -> list[tuple[Link, bool]]:
    """The unit's links, each with whether the answer names its target as a part (…一章, 在…方面)."""
    found = []
    for candidate in measured.candidates:
        target = candidate.target
        title = _title(candidate.namings, tuning)
        if title and not candidate.unit_of_content and not (title.at_head or measured.framework or title.framed):
            # A part's name in passing is a slogan (提高政治能力, 坚定政治信仰); it names the
            # part at the head of a point, in the answer that walks through the parts, or where
            # the answer calls it a part (`在“领导和保障”一章`).
            title = None
        quotes = [(q.text, q.weight(tuning), q.in_heading) for q in candidate.quotes]
        # Wording that is only a clause's title is title evidence, judged by the title rules,
        # even where another clause repeats it (坚决做到“两个维护” in clauses 四, 十三, 十五).
        body = [(text, weight) for text, weight, in_heading in quotes if not in_heading]
        longest = max((len(text.strip(_PUNCTUATION)) for text, _ in body), default=0)
        mass = sum(weight for _, weight in body)
        # A section's own text is general narrative (aims, significance) that background
        # answers echo: it takes longer verbatim runs and more of them than a clause.
        enough = (mass >= tuning.quote_min and longest >= tuning.quote_span) if candidate.unit_of_content else \
                 (mass >= tuning.section_quote_min and longest >= tuning.section_quote_span)
        mass = mass if enough else 0.0
        if title or mass:
            found.append((target, title, quotes, mass))
    titled = _without_nested_namings([f for f in found if f[1]])
    enumerated = len(titled) >= 2
    chosen = {}
    for target, title, quotes, mass in titled:
        corroborated = any(weight >= tuning.corroborate for text, weight, in_heading in quotes
                           if not in_heading and text.strip(_PUNCTUATION) not in title.text)
        # A title the answer calls a part (`在“领导和保障”一章`) needs nothing more.
        if title.at_head or enumerated or corroborated or title.framed:
            chosen[id(target)] = (target, title, quotes, mass)
    # From shared wording alone: the best target, any other nearly as well attested (a point
    # that draws on two clauses), and any attested strongly on its own (a 专访's paragraph that
    # goes through several clauses, one sentence each).
    by_quotes = sorted((f for f in found if f[3]), key=lambda f: f[3], reverse=True)
    for f in by_quotes:
        if f[3] >= tuning.second_share * by_quotes[0][3] or f[3] >= tuning.quote_strong:
            chosen.setdefault(id(f[0]), f)
    if not chosen and measured.nearest:
        # No wording shared verbatim: a point that restates one provision in other words
        # (组织动员社会各方面，广泛宣传 for 社会各方面…宣传教育和引导) is linked to the target whose
        # vocabulary it clearly shares most, and only where that one stands far above the next.
        best, target = measured.nearest[0]
        second = measured.nearest[1][0] if len(measured.nearest) > 1 else 0.0
        if best >= tuning.fallback_min and best >= tuning.fallback_margin * second:
            return [(Link(measured.unit.block, measured.unit.article, measured.unit.bulletin, target,
                          round(min(1.0, best), 3), [Evidence("vocabulary", f"cosine {best:.2f}")]), False)]
    return [(_link(measured.unit, *f), bool(f[1] and f[1].framed)) for f in chosen.values()]


def _link(unit: Unit, target: Target, title: Naming | None, quotes, mass: float) -> Link:
    evidence = []
    strength = 0.0
    if title:
        evidence.append(Evidence("title", title.text))
        strength = 0.6 if title.at_head else 0.4
    named = evidence[0].text if evidence else ""
    evidence += [Evidence("quote", text) for text, _, _ in quotes if text.strip(_PUNCTUATION) not in named]
    score = round(min(1.0, strength + mass / QUOTE_SCALE), 3)
    return Link(unit.block, unit.article, unit.bulletin, target, score, evidence)


def _title(namings: list[Naming], tuning: Tuning) -> Naming | None:
    """The naming that holds most of the title, among those that hold at least TITLE_RATIO of it
    and of its own words; a framed naming wins a tie."""
    best = None
    for naming in namings:
        if naming.ratio >= tuning.title_ratio and naming.own_ratio >= tuning.title_ratio:
            if best is None or (naming.ratio, naming.framed) > (best.ratio, best.framed):
                best = naming
    return best


def _without_nested_namings(titled: list) -> list:
    """Words that name one title do not also name a shorter one inside them by insertion:
    `党务工作人员队伍建设` names that chapter, not `党员队伍建设`."""
    def span(f):
        return f[1].start, f[1].start + len(f[1].text)

    return [f for f in titled if not any(
        g is not f and len(g[0].heading) > len(f[0].heading) and span(g)[0] <= span(f)[0] and span(f)[1] <= span(g)[1]
        for g in titled)]


def _namings(heading: str, text: str, topic: set[str] = frozenset()) -> list[Naming]:
    """The places where `text` names `heading`, or one phrase of it where the heading is a sentence."""
    found = _phrase_namings(heading, text, topic)
    phrases = [p for p in _HEADING_PHRASES.split(heading) if len(p) >= TITLE_MIN]
    if len(phrases) > 1:
        for phrase in phrases:
            found += _phrase_namings(phrase, text, topic)
    return found


def _phrase_namings(heading: str, text: str, topic: set[str] = frozenset()) -> list[Naming]:
    """The places where `text` may name `heading`, each with the share of the title it holds.

    The words must run from the title's first character to its last two, within one
    phrase (no sentence punctuation between); `_title` then asks that they leave out at
    most a fifth of it: `稳住农民工就业` names `稳定农民工就业`, `违反党的政治纪律和政治规矩`
    does not name `严明党的政治纪律和政治规矩`. Words of the document's topic do not count
    towards the share found: `加强党的政治建设的意义、目的` does not name
    `加强党的政治建设的总体要求`.
    """
    heading = "".join(heading.split())  # 总 则, 附  则: a chapter title spaced out
    if len(heading) < TITLE_MIN:
        # Too short to be found by its characters alone (总则): only where a frame calls it a part.
        return [Naming(m.start() <= 1, heading, 1.0, 1.0, m.start(), True)
                for m in re.finditer(re.escape(heading) + _FRAME.pattern, text)] if len(heading) >= 2 else []
    if len(heading) > TITLE_MAX:
        return []
    tail = heading[-2:]
    start = text.find(tail)
    if start < 0:  # most answers do not name most clauses: spare the rest
        return []
    own = [i for i in range(len(heading)) if not _in_topic(heading, i, topic)]
    found = []
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
        if ratio >= TITLE_FLOOR and pairs[0][0] == 0 and pairs[-1] == (len(heading) - 1, len(window) - 1):
            first = window_start + pairs[0][1]
            named = text[first:end]
            if not any(ch in _PHRASE_BREAKS for ch in named if ch not in heading):
                found.append(Naming(first <= 1 or text[:first] in _HEAD_LEAD, named, ratio, own_ratio, first,
                                    _framed(text, first, end)))
        start = text.find(tail, start + 1)
    return found


def _framed(text: str, start: int, end: int) -> bool:
    """Whether the words text[start:end] are called a part: `…一章`, `…部分`, `在…方面`, `在…上`."""
    if _FRAME.match(text, end):
        return True
    opened = text[max(0, start - 2) : start].rstrip("“‘\"'")
    return opened.endswith("在") and bool(_FRAME_ON.match(text, end))


def _in_topic(text: str, i: int, topic: set[str]) -> bool:
    """True if character i of `text` lies in a trigram of the document's title."""
    return any(text[k : k + GRAM] in topic for k in range(max(0, i - GRAM + 1), i + 1) if k + GRAM <= len(text))


def _quotes(unit: Unit, target: Target, target_grams: set[str], idf) -> list[tuple[str, float]]:
    """Runs of shared wording (as in the answer), each with its IDF mass (the length factor is
    `decide`'s: it depends on QUOTE_SPAN)."""
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
                spans.append((piece, weight))
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


def _length_factor(piece: str, quote_span: int) -> float:
    """Long verbatim runs are evidence; five- and six-character ones are mostly stock phrases."""
    length = len(piece.strip(_PUNCTUATION))
    return min(1.5, max(0.0, (length - MIN_SPAN + 1) / (quote_span - MIN_SPAN + 1)))


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


def _nearest(targets: list[Target], units: list[Unit]) -> dict[int, list]:
    """For each unit (by id), the two targets most like it by IDF-weighted bigram cosine: the
    unit's words outside generic phrases and the topic, the target's heading and text."""
    present = [t for t in targets if t.text]
    vectors = [Counter(_bigrams(t.heading + t.text)) for t in present]
    df = Counter(gram for vector in vectors for gram in vector)
    idf = {gram: math.log((len(present) + 1) / (count + 0.5)) for gram, count in df.items()}
    weighted = [{g: c * idf[g] for g, c in v.items()} for v in vectors]
    norms = [math.sqrt(sum(x * x for x in w.values())) for w in weighted]
    out = {}
    for unit in units:
        text = "".join(ch for ch, masked in zip(unit.text, unit.masked) if not masked)
        vector = {g: c * idf.get(g, 0.0) for g, c in Counter(_bigrams(text)).items()}
        norm = math.sqrt(sum(x * x for x in vector.values()))
        scores = sorted(((sum(x * w.get(g, 0.0) for g, x in vector.items()) / (norm * n) if norm and n else 0.0, t)
                         for w, n, t in zip(weighted, norms, present)), key=lambda s: -s[0])
        out[id(unit)] = scores[:2]
    return out


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


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


def _without_redundant_sections(links: list[Link], framed: set[int] = frozenset()) -> list[Link]:
    """A section as a whole is not linked from an answer that links clauses of it, unless the answer
    calls it a part (`在“领导和保障”一章作了比较大的改动`: the chapter as such is explained; links in
    `framed`, by id)."""
    with_clauses = {(id(link.source_article), link.source.question, link.target.section)
                    for link in links if link.target.clause}
    return [link for link in links if link.target.clause or id(link) in framed or
            (id(link.source_article), link.source.question, link.target.section) not in with_clauses]
