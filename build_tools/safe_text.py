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
from urllib.parse import urljoin

from markupsafe import Markup

from .errors import short
from .markup import attr, html, join, text

_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]{0,200}>?")
# Every repeat is bounded and a label cannot hold a bracket, so that no text (39,000 "[" in a row)
# makes a pattern scan ahead from every position: matching stays linear in the length of the text.
_LABEL = r"[^\[\]]{1,500}"
_TARGET = r"[^)\s]{1,2000}"
_IMAGE = re.compile(rf"!\[[^\[\]]{{0,500}}\]\({_TARGET}\)")
_LINK = re.compile(rf"\[({_LABEL})\]\(({_TARGET})\)")
# The small Markdown, in order of precedence: code keeps its content as written; a link's target
# is never read for emphasis; an image is shown as a link to it.
_TOKEN = re.compile(r"`(?P<code>[^`]{1,2000})`"
                    rf"|!?\[(?P<label>{_LABEL})\]\((?P<target>{_TARGET})\)"
                    r"|\*\*(?P<bold>[^*]{1,2000})\*\*"
                    r"|(?<![*\w])\*(?P<em>[^*]{1,2000})\*(?![*\w])")
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


def render(value: str, base: str | None = "") -> Markup:
    """Inline HTML for `value`: **bold**, *italic*, `code` and safe links; everything else escaped.

    A link to a page of this site is relative to the page the text is on; elsewhere (a printed
    handout) `base` is that page's address, or None where it is not known: the link then keeps
    its words only, rather than pointing into the machine that printed it.
    """
    return _inline(value, nested=False, base=base)


def _inline(value: str, nested: bool, base: str | None = "") -> Markup:
    """Tokens of `value` as HTML; `nested` (inside emphasis or a link's label): code and links only."""
    out, position = [], 0
    for match in _TOKEN.finditer(value):
        out.append(text(value[position : match.start()]))
        position = match.end()
        if match["code"] is not None:
            out.append(html("<code>{}</code>", match["code"]))
        elif match["target"] is not None:
            label = text(match["label"]) if nested else _inline(match["label"], nested=True, base=base)
            out.append(_link(match["target"], label, base))
        elif nested:
            out.append(text(match.group(0)))
        elif match["bold"] is not None:
            out.append(html("<strong>{}</strong>", _inline(match["bold"], nested=True, base=base)))
        else:
            out.append(html("<em>{}</em>", _inline(match["em"], nested=True, base=base)))
    out.append(text(value[position:]))
    return join(out)


def _link(target: str, label: Markup, base: str | None) -> Markup:
    kind = link_kind(target)
    if kind == "external":
        return html('<a href="{}" rel="noopener noreferrer nofollow">{}</a>', attr(target), label)
    if kind == "internal" and base is not None:
        return html('<a href="{}">{}</a>', attr(urljoin(base, target) if base else target), label)
    return label
