"""Leave-one-pair-out calibration of the aligner's thresholds (not a test).

    .venv/bin/python bench/calibrate.py [--out bench/ALIGNMENT.md] [KEY …]

KEY: the answer keys `python -m build_tools evaluate` reads (default: every key under
tests/fixtures/, one per document/interview pair). Each pair's texts are parsed once and
its evidence measured once (align.measure); then every combination of GRID is decided
(align.decide) and scored against the key at question and point level.

For each pair in turn, the thresholds are chosen on the other pairs only and the held-out
pair is scored with them: that figure says how the aligner does on a text it was not
tuned on. The in-sample choice (all pairs) is reported beside it, with the range of each
threshold over which the in-sample objective stays at its best (holding the others), so
that align.py's constants can sit in the middle of a plateau rather than on an edge that
one pair happens to like.

Objective on a set of pairs, compared in this order: the first bulletin's links all kept
(a hard constraint, where that pair is among the set); how many pairs meet the floor the
suite holds (question-level precision ≥ 0.90, recall ≥ 0.85; the first bulletin, P = R = 1
on its gold, as the issue asks); the mean question-level F1;
the mean point-level F1. Among combinations tied on all three, the one nearest (in grid
steps) to the median of the tied combinations is chosen: the middle of the plateau.

Writes bench/ALIGNMENT.md. Takes a few minutes on 2 cores (the combinations are shared
between forked workers, one per core).
"""
from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from build_tools import align  # noqa: E402
from build_tools.evaluate import baseline_links, corpus_keys, pairs_of, parse_sources, read_key, score  # noqa: E402
from build_tools.outline import read_outline  # noqa: E402

# The values tried for each threshold: around the constants first set on the three gold
# pairs, wide enough that a plateau shows where it ends.
GRID = {
    "quote_min": (25.0, 30.0, 40.0, 50.0),
    "quote_span": (5, 6, 7),
    "section_quote_min": (30.0, 40.0, 50.0, 75.0),
    "section_quote_span": (12,),
    "second_share": (0.5, 0.6, 0.8),
    "title_ratio": (0.8,),
    "corroborate": (10.0,),
    "part_share": (0.75, 2.0),
    "quote_strong": (80.0, 100.0, 150.0, 1000.0),
    "fallback_min": (0.15, 0.2, 0.25, 0.3, 2.0),
    "fallback_margin": (2.0, 3.0, 4.0),
}
# The floor the suite holds every pair to (tests/test_evaluate.py), from the issue: question-level
# precision ≥ 0.90 and recall ≥ 0.85 on every pair, and the first bulletin's links all kept (P = R = 1
# on its gold; at point level too, no wrong link, as tests/test_align.py has long held: its point
# recall cannot reach 1, two of its links are curated by hand). The floors are the acceptance
# criteria, not a choice made here.
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.85
EXACT = {"2026-04-26-xinhua"}


@dataclass(frozen=True)
class Figures:
    """One pair's scores under one tuning."""

    name: str
    qp: float
    qr: float
    pp: float
    pr: float

    @property
    def q_f1(self) -> float:
        return _f1(self.qp, self.qr)

    @property
    def p_f1(self) -> float:
        return _f1(self.pp, self.pr)

    @property
    def meets(self) -> bool:
        if self.name in EXACT:
            return self.qp == self.qr == self.pp == 1.0
        return self.qp >= PRECISION_FLOOR and self.qr >= RECALL_FLOOR


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Pair:
    name: str
    key: object
    measured: list  # align.Measured of every document/interview pair the key's sources hold
    baseline: set


def load(paths: list[Path]) -> list[Pair]:
    pairs = []
    for path in paths:
        key = read_key(path, REPO)
        found = pairs_of(key, parse_sources(key))
        measured = [m for p in found for m in align.measure(p, read_outline(p.document, p.interview))]
        pairs.append(Pair(key.name, key, measured, baseline_links(found)))
    return pairs


def figures(pair: Pair, tuning: align.Tuning) -> Figures:
    result = score(pair.key, align.decide(pair.measured, tuning))
    return Figures(pair.name, result.questions.precision, result.questions.recall, result.points.precision, result.points.recall)


_PAIRS: list[Pair] = []


def _figures_of(combo: tuple) -> dict[str, Figures]:
    tuning = align.Tuning(**dict(zip(GRID, combo)))
    return {p.name: figures(p, tuning) for p in _PAIRS}


def reach(pair: Pair) -> float:
    """Share of the key's question-level links with any evidence in some unit of that question."""
    seen = set()
    for m in pair.measured:
        targets = [c.target for c in m.candidates
                   if any(not q.in_heading for q in c.quotes) or any(n.ratio >= align.TITLE_RATIO for n in c.namings)]
        targets += [t for _, t in m.nearest[:1]]
        seen |= {(m.unit.block.question, t.section_number, t.clause_number) for t in targets}
    expected = {(q, s, c) for q, _, s, c in pair.key.links}
    return len(expected & seen) / len(expected) if expected else 1.0


def ceiling(pair: Pair) -> float:
    """Share of the key's question-level links that the gold YAML files' convention allows: not a part
    (clause null) linked from a question that links clauses of it, unless the answer calls it a part
    (…一章, 在…方面). The first bulletin's gold and political-construction's forbid exactly these links
    (bench/ALIGNMENT.md, "Parts as a whole"), so no rule that keeps them can reach past this."""
    expected = {(q, s, c) for q, _, s, c in pair.key.links}
    return 1 - len(beside_clauses(pair)) / len(expected) if expected else 1.0


def beside_clauses(pair: Pair) -> set:
    """The key's question-level links to a part beside clauses of it that the answer does not call a part."""
    expected = {(q, s, c) for q, _, s, c in pair.key.links}
    has_clauses = any(c.target.clause for m in pair.measured for c in m.candidates)
    framed = {(m.unit.block.question, c.target.section_number)
              for m in pair.measured for c in m.candidates if any(n.framed for n in c.namings)}
    return {(q, s, c) for q, s, c in expected if c is None and has_clauses and (q, s) not in framed
            and any(q2 == q and s2 == s and c2 for q2, s2, c2 in expected)}


def objective(results: list[Figures]) -> tuple:
    # The first bulletin's links are a hard constraint of the issue, not one pair among others: a
    # combination that loses or adds one of them never wins over one that keeps them all, however
    # many other pairs it brings to the floor (PART_SHARE 0.75 does both).
    return (all(f.meets for f in results if f.name in EXACT), sum(f.meets for f in results), round(statistics.mean(f.q_f1 for f in results), 4),
            round(statistics.mean(f.p_f1 for f in results), 4))


def choose(combos: list[tuple], table: dict, names: list[str]) -> tuple:
    """The best combination on the pairs `names`: the middle of the plateau of best ones."""
    scored = {combo: objective([table[combo][n] for n in names]) for combo in combos}
    best = max(scored.values())
    tied = [combo for combo, value in scored.items() if value == best]
    steps = [{value: i for i, value in enumerate(values)} for values in GRID.values()]
    median = [statistics.median(step[c[k]] for c in tied) for k, step in enumerate(steps)]
    return min(tied, key=lambda c: (sum(abs(step[c[k]] - median[k]) for k, step in enumerate(steps)), c))


def plateau(combo: tuple, table: dict, names: list[str]) -> dict[str, list]:
    """Per threshold, the values that keep the objective at its best, the others held."""
    best = objective([table[combo][n] for n in names])
    out = {}
    for k, (name, values) in enumerate(GRID.items()):
        out[name] = [v for v in values
                     if objective([table[combo[:k] + (v,) + combo[k + 1:]][n] for n in names]) == best]
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("keys", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "ALIGNMENT.md")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pairs = load(args.keys or corpus_keys(REPO))
    names = [p.name for p in pairs]
    combos = list(itertools.product(*GRID.values()))
    print(f"{len(pairs)} pairs measured in {time.perf_counter() - started:.1f} s; deciding {len(combos)} "
          "combinations", file=sys.stderr)
    global _PAIRS
    _PAIRS = pairs  # read by the forked workers: the measured evidence is not sent to them
    with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
        table = dict(zip(combos, pool.map(_figures_of, combos, chunksize=200)))
    overall = choose(combos, table, names)
    held_out = {name: choose(combos, table, [n for n in names if n != name]) for name in names}
    shipped = align.DEFAULT
    shipped_figures = {p.name: figures(p, shipped) for p in pairs}
    baseline = {p.name: score(p.key, [], p.baseline) for p in pairs}
    text = render(pairs, table, overall, held_out, shipped, shipped_figures, baseline,
                  plateau(overall, table, names), time.perf_counter() - started, len(combos))
    args.out.write_text(text, "utf-8")
    print(text)
    return 0


def render(pairs, table, overall, held_out, shipped, shipped_figures, baseline, ranges, seconds, count) -> str:
    def cells(f: Figures) -> str:
        return f"{f.qp:.2f} | {f.qr:.2f} | {f.pp:.2f} | {f.pr:.2f}"

    constants = list(GRID)
    lines = [
        "# Aligner calibration: leave one pair out",
        "",
        "Written by `bench/calibrate.py` (do not edit by hand). Each pair's texts are parsed and its "
        "evidence measured once; every combination of the grid below is then decided and scored against "
        f"the pair's answer key ({count} combinations × {len(pairs)} pairs, {seconds:.0f} s). Borderline "
        "links count neither way. Q = question level (question → section, clause), "
        "Pt = point level ((question, point) → section, clause).",
        "",
        "**Held out**: the thresholds are chosen on the other pairs only, then the pair is scored with "
        "them. **In sample**: chosen on all pairs. **Shipped**: align.py's constants as committed. "
        f"Objective: the first bulletin's links kept (a hard constraint where it is among the pairs chosen on), then "
        f"pairs meeting the floor (Q precision ≥ {PRECISION_FLOOR}, Q recall ≥ {RECALL_FLOOR}; "
        f"{', '.join(sorted(EXACT))}: Q P = Q R = Pt P = 1), "
        "then mean Q F1, then mean Pt F1; ties broken towards the middle of the plateau.",
        "",
        "**Q R reach**: the share of the key's question-level links for which the answer holds any evidence "
        "the aligner can see (wording shared verbatim, five characters or more, outside titles; a title "
        "named; or the target nearest by vocabulary): the recall no threshold can pass. **Q R ceiling**: the share "
        "of the key's question-level links that the gold YAML files' convention allows (no part linked beside "
        "its clauses unless the answer calls it a part, see \"Parts as a whole\"): the recall no rule that "
        "keeps the first bulletin's links can pass.",
        "",
        "| pair | held out Q P | Q R | Pt P | Pt R | in sample Q P | Q R | Pt P | Pt R | shipped Q P | Q R | Pt P | "
        "Pt R | baseline Q P | Q R | Q R reach | Q R ceiling |",
        "|---|" + "---|" * 16,
    ]
    for pair in pairs:
        b = baseline[pair.name].baseline
        lines.append(f"| {pair.name} | {cells(table[held_out[pair.name]][pair.name])} | "
                     f"{cells(table[overall][pair.name])} | {cells(shipped_figures[pair.name])} | "
                     f"{b.precision:.2f} | {b.recall:.2f} | {reach(pair):.2f} | {ceiling(pair):.2f} |")
    lines += ["", "## Thresholds chosen", "",
              "| chosen on | " + " | ".join(constants) + " |", "|---|" + "---|" * len(constants)]
    lines.append("| all pairs (in sample) | " + " | ".join(_value(v) for v in overall) + " |")
    for pair in pairs:
        lines.append(f"| all but {pair.name} | " + " | ".join(_value(v) for v in held_out[pair.name]) + " |")
    lines.append("| shipped (align.py) | " + " | ".join(_value(asdict(shipped)[c]) for c in constants) + " |")
    lines += ["", "## Plateau of the in-sample choice", "",
              "Values of each threshold that keep the in-sample objective at its best, the others held at the "
              "in-sample choice (grid values tried in brackets).", ""]
    for name, values in ranges.items():
        lines.append(f"- {name}: {', '.join(_value(v) for v in values)} "
                     f"[{', '.join(_value(v) for v in GRID[name])}]")
    k = constants.index("part_share")
    lines += ["", "## Parts as a whole: the answer keys disagree", "",
              "The gold YAML files never link a part (一、…) from an answer that links clauses of it, even where "
              "the answer names the part; the links.json keys of 2019-02-20 and 2020-01-06 do (the answer on "
              "脱贫攻坚 explains 一、 and its four clauses; the 条例's chapters beside their articles). No layout "
              "separates the two that a rule could honestly use, so align.py keeps the first convention (a part "
              "is linked beside its clauses only where the answer calls it a part: …一章, 在…方面) and "
              "PART_SHARE (a part linked where an answer explains that share of its clauses) stays off. "
              "Question-level P / R with the in-sample thresholds and each PART_SHARE:", "",
              "| pair | " + " | ".join(f"part_share {_value(v)}" for v in GRID["part_share"]) + " |",
              "|---|" + "---|" * len(GRID["part_share"])]
    for pair in pairs:
        row = [table[overall[:k] + (v,) + overall[k + 1:]][pair.name] for v in GRID["part_share"]]
        lines.append(f"| {pair.name} | " + " | ".join(f"{f.qp:.2f} / {f.qr:.2f}" for f in row) + " |")
    lines += ["", "The key's links to a part beside its clauses, which the first convention forbids (left out of "
              "Q R ceiling), as (question, part):", ""]
    for pair in pairs:
        beside = sorted(beside_clauses(pair))
        if beside:
            lines.append(f"- {pair.name}: " + ", ".join(f"Q{q} → {s}" for q, s, _ in beside))
    return "\n".join(lines) + "\n"


def _value(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


assert list(GRID) == [f.name for f in fields(align.Tuning)], "GRID must name every Tuning field, in order"

if __name__ == "__main__":
    sys.exit(main())
