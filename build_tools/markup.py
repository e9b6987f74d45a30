"""HTML built by the build, escaped by default: the one place where text becomes markup.

The pages are Markdown that carries HTML, and the text in them comes from strangers (pull
requests: translations, notes, glossary entries, folder names, the bulletin itself). So
every value is escaped unless it is `Markup` made here, the way Jinja2's autoescape works
(the templates use the same rules: `finalize=text`):

- `text(value)`: character data. HTML's specials, and Markdown's inline syntax as
  character references, so the same text is inert in a raw HTML block, a heading or a link
  label; line breaks and other control characters as references too, so a value never
  ends a Markdown block or starts a new one. Every character still reaches the page.
- `attr(value)`: an attribute value (always written in double quotes), with the Markdown that
  would make markup inside a tag (links, code, attribute lists) as references too.
- `anchor(id)`: a Markdown attribute list `{#id}`, for an id of the strict form only.
- `html(template, *values)`: a fragment of our own (the template, a literal in this
  package) with the values escaped as text; values already `Markup` are kept.

URLs are built by `urls.py`, with the same escaping as attribute values.
"""
from __future__ import annotations

import re

from markupsafe import Markup

# Python-Markdown's inline syntax (emphasis, code, links, attribute lists, escapes) and the
# closing hashes of a heading; `!`, `<` and `&` need no more than HTML's escape.
_TEXT = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;",
         ord("\\"): "&#92;", ord("`"): "&#96;", ord("*"): "&#42;", ord("_"): "&#95;",
         ord("["): "&#91;", ord("]"): "&#93;", ord("{"): "&#123;", ord("}"): "&#125;", ord("#"): "&#35;"}
_ATTR = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;", ord("'"): "&#39;",
         # Python-Markdown reads links, code and attribute lists before it sees a raw HTML tag, so in a
         # tag inside a Markdown paragraph these would turn into markup with quotes of its own.
         ord("["): "&#91;", ord("]"): "&#93;", ord("{"): "&#123;", ord("}"): "&#125;", ord("`"): "&#96;",
         ord("\\"): "&#92;"}
# Line breaks (what Python's str.splitlines, Markdown or HTML could take for one) and the other C0
# controls, written as references; NUL has none, and shows as U+FFFD, as browsers show it. C1
# controls (U+0080–U+009F) stay as they are: HTML reads their references as Windows-1252 (&#147;
# is “), and neither MkDocs nor Python-Markdown takes one for a line break.
_CONTROLS = {code: f"&#{code};" for code in [*range(0x01, 0x09), *range(0x0A, 0x20), 0x7F, 0x2028, 0x2029]}
_CONTROLS[0x00] = "&#xFFFD;"
_TEXT.update(_CONTROLS)
_ATTR.update(_CONTROLS)
BLOCK_ID = re.compile(r"\A[a-z0-9]+(?:(?:-|__?)[a-z0-9]+)*\Z")


class Html(Markup):
    """Markup whose `format` escapes its values as text (`text`), not only as HTML."""

    __slots__ = ()

    @classmethod
    def escape(cls, value) -> Html:
        return text(value)


def text(value) -> Markup:
    if isinstance(value, Markup):
        return value
    return Html(str(value).translate(_TEXT))


def attr(value) -> Markup:
    if isinstance(value, Markup):
        return value
    return Html(str(value).translate(_ATTR))


def anchor(block_id: str) -> Markup:
    """`{#id}` after a heading (attr_list); anything but a plain id is refused, never written."""
    if not BLOCK_ID.match(block_id):
        raise ValueError(f"not an id: {block_id[:40]!r}")
    return Html("{#%s}" % block_id)


def html(template: str, *values, **named) -> Markup:
    """`template` (ours, trusted) with `{}` fields filled by escaped values (`text`).

    What Markup's own `format` does, without its pure-Python formatter: that was a third of the
    time of rendering the pages (290,000 calls at 100 bulletins)."""
    return Html(template.format(*map(text, values), **{key: text(value) for key, value in named.items()}))


def join(parts, separator: str = "") -> Markup:
    """Fragments joined; any that is not Markup is escaped."""
    return Html(separator).join(text(part) for part in parts)


def trusted(fragment: str) -> Markup:
    """A fragment of our own with nothing from outside in it (a constant)."""
    return Html(fragment)
