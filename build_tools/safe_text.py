"""Annotation text from strangers: Markdown without HTML, checked, then rendered safely.

Contributors write notes and definitions in a small Markdown: **bold**, *italic*, `code`
and [links](https://…). `problems` lists what `check` rejects: raw HTML, images, and
links that are not http(s), mailto or a page of this site. `render` reads that small
Markdown itself, token by token, and escapes everything else (markup.py), so whatever
slips past the check (or a file that was never checked) still cannot run script, load
anything from elsewhere, or break the page's HTML (emphasis inside a link target stays
part of the target).
"""
from __future__ import annotations

import re
from html import unescape

from markupsafe import Markup

from .errors import short
from .markup import attr, html, join, text

_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]{0,200}>?")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
# The small Markdown, in order of precedence: code keeps its content as written; a link's target
# is never read for emphasis; an image is shown as a link to it.
_TOKEN = re.compile(r"`(?P<code>[^`]+)`"
                    r"|!?\[(?P<label>[^\]]+)\]\((?P<target>[^)\s]+)\)"
                    r"|\*\*(?P<bold>[^*]+)\*\*"
                    r"|(?<![*\w])\*(?P<em>[^*]+)\*(?![*\w])")
_SCHEME = re.compile(r"\A([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}


def problems(value: str) -> list[str]:
    found = []
    tag = _TAG.search(value)
    if tag:
        found.append(f"raw HTML is not allowed ({short(tag.group(0), 30)}); write Markdown: **bold**, *italic*, "
                     "[text](https://…)")
    if _IMAGE.search(value):
        found.append("images are not allowed in annotations; link to the image instead: [description](https://…)")
    for _, target in _LINK.findall(value):
        if not allowed(target):
            found.append(f"link target {short(target)} is not allowed; use an https:// address or a page of this site "
                         "(a path such as ../opinion/#opinion__sec4__cl8)")
    if re.search(r"(?i)javascript\s*:", unescape(value)):
        found.append("'javascript:' is not allowed anywhere in annotations")
    return found


def allowed(target: str) -> bool:
    return link_kind(target) is not None


def link_kind(target: str) -> str | None:
    """"external" for an http(s) or mailto address, "internal" for a path of this site, None for
    anything else: another scheme, or a path that browsers read as another host (`//host`,
    `/\\host`, `\\\\host`), however its characters are encoded."""
    # Entities may be nested (&amp;#58; after escaping): decode until nothing changes.
    decoded, previous = target, None
    while decoded != previous:
        decoded, previous = unescape(decoded), decoded
    decoded = re.sub(r"[\x00-\x20\x7f-\x9f]", "", decoded)
    scheme = _SCHEME.match(decoded)
    if scheme:
        return "external" if scheme.group(1).lower() in _SAFE_SCHEMES else None
    return "internal" if "\\" not in decoded and not decoded.startswith("//") else None


def render(value: str) -> Markup:
    """Inline HTML for `value`: **bold**, *italic*, `code` and safe links; everything else escaped."""
    return _inline(value, nested=False)


def _inline(value: str, nested: bool) -> Markup:
    """Tokens of `value` as HTML; `nested` (inside emphasis or a link's label): code and links only."""
    out, position = [], 0
    for match in _TOKEN.finditer(value):
        out.append(text(value[position : match.start()]))
        position = match.end()
        if match["code"] is not None:
            out.append(html("<code>{}</code>", match["code"]))
        elif match["target"] is not None:
            label = text(match["label"]) if nested else _inline(match["label"], nested=True)
            out.append(_link(match["target"], label))
        elif nested:
            out.append(text(match.group(0)))
        elif match["bold"] is not None:
            out.append(html("<strong>{}</strong>", _inline(match["bold"], nested=True)))
        else:
            out.append(html("<em>{}</em>", _inline(match["em"], nested=True)))
    out.append(text(value[position:]))
    return join(out)


def _link(target: str, label: Markup) -> Markup:
    kind = link_kind(target)
    if kind == "external":
        return html('<a href="{}" rel="noopener noreferrer nofollow">{}</a>', attr(target), label)
    if kind == "internal":
        return html('<a href="{}">{}</a>', attr(target), label)
    return label
