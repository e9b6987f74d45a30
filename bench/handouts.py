"""Time to produce every PDF handout of the bulletins in source_texts/ (not a test).

    .venv/bin/python bench/handouts.py [--runs 3]

Prints the time to render the handout HTML and to print the PDFs (all cores), best of N.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from build_tools.editions import make_editions  # noqa: E402
from build_tools.handouts import render_handouts, write_pdfs  # noqa: E402
from build_tools.linking import crosslink  # noqa: E402
from build_tools.pipeline import load_bulletins  # noqa: E402
from build_tools.project import Project  # noqa: E402
from build_tools.source import find_bulletins  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bulletins = load_bulletins(find_bulletins(REPO / "source_texts"))
    links = crosslink(bulletins)
    editions = make_editions(bulletins, links, Project(REPO))
    best_render = best_print = float("inf")
    for _ in range(args.runs):
        start = time.perf_counter()
        pages = render_handouts(bulletins, links, editions)
        rendered = time.perf_counter()
        with tempfile.TemporaryDirectory() as out:
            written = write_pdfs(pages, Path(out))
            size = sum(written.values())
        printed = time.perf_counter()
        best_render = min(best_render, rendered - start)
        best_print = min(best_print, printed - rendered)
    print(f"{len(written)} handouts, {size / 1024:.0f} KB: render HTML {best_render:.2f} s, "
          f"print PDF {best_print:.2f} s, total {best_render + best_print:.2f} s (best of {args.runs})")


if __name__ == "__main__":
    main()
