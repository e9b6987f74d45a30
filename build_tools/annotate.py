"""Text to HTML with marked spans (glossary terms, quoted words of a note), escaped throughout."""
from __future__ import annotations

from html import escape


def markup(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """`text` escaped, with each (start, end, opening, closing) wrapped; overlapping spans are skipped."""
    out, position = [], 0
    for start, end, opening, closing in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < position:
            continue
        out.append(escape(text[position:start]))
        out.append(f"{opening}{escape(text[start:end])}{closing}")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)
