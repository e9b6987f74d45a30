"""Text to HTML with marked spans (glossary terms, quoted words of a note), escaped throughout."""
from __future__ import annotations

from markupsafe import Markup

from .markup import join, text


def markup(value: str, spans: list[tuple[int, int, Markup, Markup, Markup]]) -> Markup:
    """`value` escaped, with each (start, end, opening, closing, after) wrapped (`after` follows the closing:
    a note's number); a span overlapping one before it is skipped (`check` refuses notes that would)."""
    out, position = [], 0
    for start, end, opening, closing, after in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < position:
            continue
        out += [text(value[position:start]), opening, text(value[start:end]), closing, after]
        position = end
    out.append(text(value[position:]))
    return join(out)
