"""Precision and recall of the aligner against links read by hand.

    python -m build_tools evaluate tests/fixtures/gold/*.yml

A gold file names a document and an interview (two files, or one bulletin holding
both) and, per question, the (section, clause) pairs its answer explains. Links are
compared at that level: question → (section, clause). Beside our aligner the report
gives a baseline, the plain character-bigram overlap weighted by IDF (cosine, best
clause per answer paragraph), to show what the evidence rules add.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .align import answer_units, document_targets
from .errors import BuildError
from .linking import link_bulletins
from .pairing import find_pairs
from .parse import parse_source
from .source import read_source

BASELINE_THRESHOLD = 0.2


@dataclass
class Score:
    name: str
    found: set = field(default_factory=set)
    expected: set = field(default_factory=set)

    @property
    def precision(self) -> float:
        return len(self.found & self.expected) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.found & self.expected) / len(self.expected) if self.expected else 1.0


def load_gold(path: Path, root: Path) -> tuple[list[Path], set]:
    data = yaml.safe_load(path.read_text("utf-8"))
    sources = [root / data["document"]]
    if data["interview"] != data["document"]:
        sources.append(root / data["interview"])
    expected = set()
    for question, entry in (data.get("questions") or {}).items():
        for section, clause in entry.get("links") or []:
            expected.add((int(question), section, clause))
    return sources, expected


def evaluate(path: Path, root: Path) -> tuple[Score, Score]:
    sources, expected = load_gold(path, root)
    bulletins = [parse_source(read_source(source)) for source in sources]
    pairs = find_pairs(bulletins)
    if not pairs:
        raise BuildError(path, "no document/interview pair found in the named files")
    ours = Score("aligner", {(l.source.question, l.target.section, l.target.clause)
                             for l in link_bulletins(bulletins) if l.origin == "auto"}, expected)
    baseline = Score("baseline", set(), expected)
    for pair in pairs:
        baseline.found |= baseline_links(pair)
    return ours, baseline


def baseline_links(pair) -> set:
    """Each answer paragraph or point to its most similar clause by IDF-weighted bigram cosine."""
    targets = [t for t in document_targets(pair.document, pair.document_bulletin, []) if t.text]
    vectors = [Counter(_bigrams(t.heading + t.text)) for t in targets]
    df = Counter(gram for vector in vectors for gram in vector)
    idf = {gram: math.log((len(targets) + 1) / (count + 0.5)) for gram, count in df.items()}
    weighted = [{g: c * idf[g] for g, c in v.items()} for v in vectors]
    found = set()
    for unit in answer_units(pair.interview, pair.interview_bulletin):
        vector = {g: c * idf.get(g, 0.0) for g, c in Counter(_bigrams(unit.text)).items()}
        scores = [(_cosine(vector, w), t) for w, t in zip(weighted, targets)]
        if scores:
            best, target = max(scores, key=lambda s: s[0])
            if best >= BASELINE_THRESHOLD:
                found.add((unit.block.question, target.section, target.clause))
    return found


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


def _cosine(a: dict, b: dict) -> float:
    dot = sum(value * b.get(key, 0.0) for key, value in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def report(paths: list[Path], root: Path) -> str:
    lines = ["| pair | aligner P | aligner R | baseline P | baseline R |", "|---|---|---|---|---|"]
    details = []
    for path in paths:
        ours, baseline = evaluate(path, root)
        lines.append(f"| {path.stem} | {ours.precision:.2f} | {ours.recall:.2f} | "
                     f"{baseline.precision:.2f} | {baseline.recall:.2f} |")
        for label, items in (("wrong", ours.found - ours.expected), ("missed", ours.expected - ours.found)):
            for question, section, clause in sorted(items, key=str):
                details.append(f"{path.stem}: {label}: Q{question} → ({section}, {clause})")
    return "\n".join(lines + [""] + details) + "\n"
