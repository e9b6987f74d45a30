"""Annotation text from strangers: Markdown without HTML, checked, then rendered safely.

Contributors write notes and definitions in a small Markdown: **bold**, *italic*, `code`
and [links](https://…). `problems` lists what `check` rejects: raw HTML, images, and
links that are not http(s), mailto or relative. `render` escapes everything first and
only then turns that small Markdown into HTML, so whatever slips past the check (or a
file that was never checked) still cannot run script or load anything from elsewhere.
"""
from __future__ import annotations

import re
from html import escape, unescape

_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*)\s*:")
_SAFE_SCHEMES = {"http", "https", "mailto"}


def problems(text: str) -> list[str]:
    found = []
    tag = _TAG.search(text)
    if tag:
        found.append(f"raw HTML is not allowed ({tag.group(0)[:30]!r}); write Markdown: **bold**, *italic*, "
                     "[text](https://…)")
    if _IMAGE.search(text):
        found.append("images are not allowed in annotations; link to the image instead: [description](https://…)")
    for _, target in _LINK.findall(text):
        if not _allowed(target):
            found.append(f"link target {target[:40]!r} is not allowed; use an https:// address or a page of this site")
    if re.search(r"(?i)javascript\s*:", unescape(text)):
        found.append("'javascript:' is not allowed anywhere in annotations")
    return found


def _allowed(target: str) -> bool:
    # Entities may be nested (&amp;#58; after escaping): decode until nothing changes.
    decoded, previous = target, None
    while decoded != previous:
        decoded, previous = unescape(decoded), decoded
    decoded = re.sub(r"[\x00-\x20]", "", decoded)
    scheme = _SCHEME.match(decoded)
    return scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES


def render(text: str) -> str:
    """Inline HTML for `text`: escaped first, then **bold**, *italic*, `code`, safe links."""
    html = escape(text, quote=True)
    html = _IMAGE.sub(lambda m: m.group(0)[1:], html)  # an image becomes a plain link
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    html = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", html)
    html = re.sub(r"(?<![*\w])\*([^*]+)\*(?![*\w])", r"<em>\1</em>", html)

    def link(match: re.Match) -> str:
        label, target = match.group(1), match.group(2)
        if not _allowed(target):
            return label
        external = _SCHEME.match(unescape(target)) is not None
        rel = ' rel="noopener noreferrer nofollow"' if external else ""
        return f'<a href="{target}"{rel}>{label}</a>'

    return _LINK.sub(link, html)
