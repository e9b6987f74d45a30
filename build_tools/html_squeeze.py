"""A MkDocs hook (named in each edition's config by pipeline.write_config): the blank lines and
indentation Material's templates leave between tags are taken out of every page.

They were 6 KB of the interview's 82 KB; a reader's browser shows the page the same, since a run
of whitespace between tags renders as one space, and one newline is kept wherever there was any.
Text inside <pre>, <code> (set pre-wrap by Material), <textarea> and <script> is left exactly as it is.
"""
from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|code|textarea|script)\b.*?</\2>)", re.S | re.I)
_RUNS = re.compile(r"\n\s*")  # a newline and any blank lines and indentation after it


def squeeze(html: str) -> str:
    parts = _KEPT.split(html)
    # split() with two groups gives: text, kept block, tag name, text, kept block, tag name, …
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 0:
            out.append(_RUNS.sub("\n", part))
        elif i % 3 == 1:
            out.append(part)
    return "".join(out)


def on_post_page(output: str, page, config) -> str:  # noqa: ARG001 - MkDocs' signature
    return squeeze(output)
