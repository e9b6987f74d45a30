"""Precision and recall of the aligner against answer keys written by hand.

    python -m build_tools evaluate                       # every key of the test corpus
    python -m build_tools evaluate tests/fixtures/gold/2026-04-26-xinhua.yml \\
        tests/fixtures/corpus/2020-02-25-wildlife-decision

An answer key comes in one of two forms:

- a gold YAML file (tests/fixtures/gold/) naming a document and an interview (two files,
  or one bulletin holding both) and, per question, the (section, clause) pairs its answer
  explains (`links`), and the same per answer block (`points`: `interview__q4__pt1`, or
  `interview__q2__a1` for an answer paragraph that is not a point), sections and clauses
  as Chinese numerals;
- a pair folder (tests/fixtures/corpus/<pair>/, or its links.json) holding document.txt and
  interview.txt, parsed as two sources, and links.json: `links` of {question, point or null,
  target [section, clause or null]} as numbers, and `borderline` links that a careful reader
  could argue either way (target [section, clause], or a name such as "preamble" for text
  outside every section).

Links are compared as numbers at two levels: question → (section, clause), and (question,
point) → (section, clause), point None for an answer paragraph that is not a point.
Borderline links count neither way: they leave what was found and what was expected.
Beside the aligner, a baseline (the plain character-bigram overlap weighted by IDF:
cosine, best clause per answer paragraph) shows what the evidence rules add.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import limits
from .align import DEFAULT, Tuning, align, answer_units, document_targets
from .errors import BuildError, short
from .model import Bulletin, Link
from .numerals import to_int
from .outline import read_outline
from .pairing import Pair, find_pairs
from .parse import parse_source
from .source import read_source
from .textfile import read_utf8
from .yamlfile import load_yaml

# The baseline links an answer paragraph to its most similar target when the cosine reaches
# this: the value that gave the baseline its best F1 on the first gold pairs.
BASELINE_THRESHOLD = 0.2
KEY_FILE = "links.json"
PAIR_FILES = ("document.txt", "interview.txt")
GOLD_DIR = Path("tests/fixtures/gold")
CORPUS_DIR = Path("tests/fixtures/corpus")
# The answer block a gold YAML file's `points` name: `interview__q4__pt1`, `interview__q2__a1`.
_BLOCK = re.compile(r"__q(?P<question>\d+)__(?:pt(?P<point>\d+)|a\d+)\Z")


@dataclass(frozen=True)
class AnswerKey:
    """Links read by hand for one pair: (question, point or None, section, clause or None)."""

    path: Path  # the file the key was read from: named in errors and in the report
    name: str
    sources: tuple[Path, ...]
    links: frozenset
    borderline: frozenset = frozenset()
    reasons: dict = field(default_factory=dict, compare=False)  # link → why (links.json only)


@dataclass
class Score:
    found: set
    expected: set
    ignored: set = field(default_factory=set)  # borderline: neither right nor wrong

    def __post_init__(self):
        self.ignored = set(self.ignored) - set(self.expected)
        self.found = set(self.found) - self.ignored

    @property
    def right(self) -> set:
        return self.found & self.expected

    @property
    def wrong(self) -> set:
        return self.found - self.expected

    @property
    def missed(self) -> set:
        return self.expected - self.found

    @property
    def precision(self) -> float:
        return len(self.right) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.right) / len(self.expected) if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    key: AnswerKey
    questions: Score
    points: Score
    baseline: Score  # question level
    baseline_points: Score
    links: list[Link] = field(default_factory=list)


def corpus_keys(root: Path) -> list[Path]:
    """Every answer key of the test corpus: the gold YAML files, then the pair folders with a key."""
    return sorted((root / GOLD_DIR).glob("*.yml")) + sorted(p.parent for p in (root / CORPUS_DIR).glob(f"*/{KEY_FILE}"))


def read_key(path: Path, root: Path) -> AnswerKey:
    """The answer key at `path` (a gold YAML file, a pair folder, or its links.json)."""
    if path.is_dir() or path.name == KEY_FILE:
        return _read_json_key(path if path.is_dir() else path.parent)
    if path.suffix in (".yml", ".yaml"):
        return _read_yaml_key(path, root)
    raise BuildError(path, "not an answer key: give a gold YAML file (tests/fixtures/gold/*.yml), "
                           f"or a pair folder holding {', '.join(PAIR_FILES)} and {KEY_FILE}")


def parse_sources(key: AnswerKey) -> list[Bulletin]:
    return [parse_source(read_source(source)) for source in key.sources]


def pairs_of(key: AnswerKey, bulletins: list[Bulletin]) -> list[Pair]:
    pairs = find_pairs(bulletins)
    if not pairs:
        raise BuildError(key.path, "no document/interview pair found in " + ", ".join(str(s) for s in key.sources) +
                         ": the interview must name the document's title in 《》 (check that the parser "
                         "reads one article as kind policy and the other as interview)")
    return pairs


def evaluate(path: Path, root: Path, tuning: Tuning = DEFAULT) -> Evaluation:
    """Parse the key's sources, align every pair found in them, and score the links."""
    key = read_key(path, root)
    pairs = pairs_of(key, parse_sources(key))
    links = [link for pair in pairs for link in align(pair, read_outline(pair.document, pair.interview), tuning)]
    return score(key, links, baseline_links(pairs))


def score(key: AnswerKey, links: list[Link], baseline: set | None = None) -> Evaluation:
    """`links` (and the baseline's point-level keys) against `key`, at question and point level."""
    found = {point_key(link) for link in links}
    baseline = baseline or set()
    return Evaluation(key, Score(_questions(found), _questions(key.links), _questions(key.borderline)),
                      Score(found, set(key.links), set(key.borderline)),
                      Score(_questions(baseline), _questions(key.links), _questions(key.borderline)),
                      Score(baseline, set(key.links), set(key.borderline)), links)


def point_key(link: Link) -> tuple:
    return (link.source.question, link.source.point, link.target.section_number, link.target.clause_number)


def _questions(keys) -> set:
    return {(question, section, clause) for question, _, section, clause in keys}


def baseline_links(pairs: list[Pair]) -> set:
    """Each answer paragraph or point to its most similar target by IDF-weighted bigram cosine."""
    found = set()
    for pair in pairs:
        targets = [t for t in document_targets(pair.document, pair.document_bulletin, []) if t.text]
        vectors = [Counter(_bigrams(t.heading + t.text)) for t in targets]
        df = Counter(gram for vector in vectors for gram in vector)
        idf = {gram: math.log((len(targets) + 1) / (count + 0.5)) for gram, count in df.items()}
        weighted = [{g: c * idf[g] for g, c in v.items()} for v in vectors]
        for unit in answer_units(pair.interview, pair.interview_bulletin):
            vector = {g: c * idf.get(g, 0.0) for g, c in Counter(_bigrams(unit.text)).items()}
            scores = [(_cosine(vector, w), t) for w, t in zip(weighted, targets)]
            if scores:
                best, target = max(scores, key=lambda s: s[0])
                if best >= BASELINE_THRESHOLD:
                    found.add((unit.block.question, unit.block.point, target.section_number, target.clause_number))
    return found


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


def _cosine(a: dict, b: dict) -> float:
    dot = sum(value * b.get(key, 0.0) for key, value in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def report(paths: list[Path], root: Path) -> str:
    """A table of every pair's scores, then every wrong and missed link with its evidence."""
    lines = ["| pair | questions P | questions R | points P | points R | baseline P | baseline R | "
             "links found / expected (borderline) |", "|---|---|---|---|---|---|---|---|"]
    details = []
    for path in paths or corpus_keys(root):
        result = evaluate(path, root)
        q, p, b = result.questions, result.points, result.baseline
        lines.append(f"| {result.key.name} | {q.precision:.2f} | {q.recall:.2f} | {p.precision:.2f} | "
                     f"{p.recall:.2f} | {b.precision:.2f} | {b.recall:.2f} | {len(p.found)} / {len(p.expected)} "
                     f"({len(result.key.borderline)}) |")
        details += _details(result)
    return "\n".join(lines + [""] + details) + "\n"


def _details(result: Evaluation) -> list[str]:
    """Point-level wrong and missed links; `(right at question level)` where only the point is off."""
    out = []
    name = result.key.name
    for label, items in (("wrong", result.points.wrong), ("missed", result.points.missed)):
        level = result.questions.wrong if label == "wrong" else result.questions.missed
        for item in sorted(items, key=lambda k: tuple(-1 if v is None else v for v in k)):
            question, point, section, clause = item
            where = f"Q{question}" + (f" pt{point}" if point else "") + f" → {_target(section, clause)}"
            note = "" if (question, section, clause) in level else " (right at question level)"
            if label == "wrong":
                why = "; ".join(_evidence(link) for link in result.links if point_key(link) == item)
            else:
                why = result.key.reasons.get(item, "")
            out.append(f"{name}: {label}: {where}{note}" + (f": {why}" if why else ""))
    return out


def _target(section, clause) -> str:
    return f"({section}, {clause if clause is not None else '–'})"


def _evidence(link: Link) -> str:
    shown = ", ".join(f"{e.kind} 「{e.text[:30]}{'…' if len(e.text) > 30 else ''}」" for e in link.evidence[:3])
    more = f" +{len(link.evidence) - 3}" if len(link.evidence) > 3 else ""
    return f"{link.source.id}: {shown}{more}"


# Reading the keys: every error names the file (and the line or entry) and what was expected.

def _read_yaml_key(path: Path, root: Path) -> AnswerKey:
    gold = load_yaml(path)
    data = gold.data
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in ("document", "interview")):
        raise BuildError(path, "a gold file needs `document` and `interview` (paths from the project folder; "
                               "the same path twice for one bulletin holding both) and `questions`", gold.line())
    sources = [root / data["document"]] + ([root / data["interview"]] if data["interview"] != data["document"] else [])
    for source in sources:
        if not source.is_file():
            raise BuildError(path, f"no such file: {source} (paths are relative to the project folder)",
                             gold.line(("document",)))
    links = set()
    for question, entry in (data.get("questions") or {}).items():
        where = ("questions", question)
        number = _yaml_number(gold, question, where, "question numbers")
        entry = entry or {}
        if not isinstance(entry, dict):
            raise BuildError(path, f"question {question}: expected a mapping with `links` and `points`", gold.line(where))
        listed = {_yaml_target(gold, t, where + ("links", i)) for i, t in enumerate(entry.get("links") or [])}
        by_point = set()
        for block, targets in (entry.get("points") or {}).items():
            match = _BLOCK.search(str(block))
            if not match or int(match["question"]) != number:
                raise BuildError(path, f"question {question}: {short(block)} is not an answer block of this question "
                                       f"(expected interview__q{number}__ptN or interview__q{number}__aN)",
                                 gold.line(where + ("points", block)))
            point = int(match["point"]) if match["point"] else None
            for i, target in enumerate(targets or []):
                section, clause = _yaml_target(gold, target, where + ("points", block, i))
                by_point.add((number, point, section, clause))
        if {(s, c) for _, _, s, c in by_point} != listed:
            raise BuildError(path, f"question {question}: `links` and `points` disagree (only in links: "
                                   f"{sorted(listed - {(s, c) for _, _, s, c in by_point}, key=str)}, only in points: "
                                   f"{sorted({(s, c) for _, _, s, c in by_point} - listed, key=str)}): every link "
                                   "must be listed under the answer block that makes it", gold.line(where))
        links |= by_point
    return AnswerKey(path, path.stem, tuple(sources), frozenset(links))


def _yaml_number(gold, value, where, what: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    if isinstance(value, str) and value.isdigit() and int(value) >= 1:
        return int(value)
    raise BuildError(gold.path, f"{what} are whole numbers from 1, got {short(value)}", gold.line(where))


def _yaml_target(gold, target, where) -> tuple[int, int | None]:
    if isinstance(target, list) and len(target) == 2 and isinstance(target[0], str) and target[0] and \
            (target[1] is None or isinstance(target[1], str) and target[1]) and \
            all(set(t) <= set("一二三四五六七八九十") for t in target if t):
        return to_int(target[0]), to_int(target[1]) if target[1] else None
    raise BuildError(gold.path, f"expected [section, clause] in Chinese numerals ([三, 四], or [一, null] for a "
                                f"section's own text), got {short(target)}", gold.line(where))


def _read_json_key(folder: Path) -> AnswerKey:
    path = folder / KEY_FILE
    for name in PAIR_FILES:
        if not (folder / name).is_file():
            raise BuildError(folder, f"a pair folder holds {', '.join(PAIR_FILES)} and {KEY_FILE}: {name} is missing")
    if not path.is_file():
        raise BuildError(path, "no answer key here: write links.json (see tests/fixtures/corpus/README.md), "
                               "or give a gold YAML file instead")
    try:
        data = json.loads(read_utf8(path, limits.YAML_BYTES, limits.YAML_BYTES))
    except json.JSONDecodeError as err:
        raise BuildError(path, f"broken JSON: {err.msg}", err.lineno, err.colno) from None
    if not isinstance(data, dict) or not isinstance(data.get("links"), list):
        raise BuildError(path, "expected an object with a `links` list (and optionally `borderline`)")
    links, reasons = set(), {}
    for i, entry in enumerate(data["links"]):
        link = _json_link(path, entry, f"links[{i}]", named_ok=False)
        links.add(link)
        reasons[link] = str(entry.get("reason", ""))
    borderline = set()
    for i, entry in enumerate(data.get("borderline") or []):
        link = _json_link(path, entry, f"borderline[{i}]", named_ok=True)
        if link:
            borderline.add(link)
    both = links & borderline
    if both:
        raise BuildError(path, f"a link cannot be both certain and borderline: {sorted(both, key=str)[0]}")
    return AnswerKey(path, folder.name, tuple(folder / name for name in PAIR_FILES), frozenset(links),
                     frozenset(borderline), reasons)


def _json_link(path: Path, entry, where: str, named_ok: bool) -> tuple | None:
    """(question, point, section, clause); None for a borderline link to a part outside every section."""
    if not isinstance(entry, dict):
        raise BuildError(path, f"{where}: expected an object {{question, point, target}}, got {short(entry)}")
    question, point, target = entry.get("question"), entry.get("point"), entry.get("target")
    if not _count(question):
        raise BuildError(path, f"{where}.question: expected a number from 1 (the question in print order), "
                               f"got {short(question)}")
    if point is not None and not _count(point):
        raise BuildError(path, f"{where}.point: expected a number from 1, or null for the answer as a whole, "
                               f"got {short(point)}")
    if named_ok and isinstance(target, str) and target:
        return None  # text outside every section (the preamble): the aligner has no such target
    if not (isinstance(target, list) and len(target) == 2 and _count(target[0]) and
            (target[1] is None or _count(target[1]))):
        raise BuildError(path, f"{where}.target: expected [section, clause] as numbers ([3, 4], or [3, null] for a "
                               f"whole section; chapter and article for a 条例), got {short(target)}")
    return (question, point, target[0], target[1])


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1
