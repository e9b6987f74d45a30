"""Links between the site's pages: the one helper that builds a URL from names.

Every page is a directory URL (`<bulletin>/<article>/`), the same in every edition, and
links are relative. The names in a URL (bulletin and article ids, anchors) are checked
by `names.py` before anything is rendered; here each is percent-encoded as well, so no
name could turn a link into another host's (`//host`), climb out of the site (`..`) or
close the attribute it is written in.
"""
from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup

from .markup import attr


def _segment(name: str) -> str:
    if name in ("", ".", ".."):
        raise ValueError(f"not a name for a URL: {name!r}")
    return quote(name, safe="")


def page(*names: str, anchor: str | None = None, up: int = 0) -> Markup:
    """`../` × up, then `name/name/`, then `#anchor`: the page `names` from a page `up` levels down."""
    path = "".join(_segment(name) + "/" for name in names)
    return attr("../" * up + path + (f"#{_segment(anchor)}" if anchor else ""))


def here(anchor: str) -> Markup:
    """`#anchor` on the same page."""
    return attr(f"#{_segment(anchor)}")


def file(*names: str, up: int = 0) -> Markup:
    """A file (a PDF, a JSON download): `../` × up, then `name/name/file`."""
    return attr("../" * up + "/".join(_segment(name) for name in names))


def markdown(*names: str) -> Markup:
    """A Markdown link target between generated pages (`bulletin/article.md`): MkDocs turns it into the
    page's URL and checks that the page exists."""
    *folders, last = names
    return attr("".join(_segment(name) + "/" for name in folders) + _segment(last) + ".md")


def repository_file(base: str, branch: str, path: str) -> Markup:
    """The page of a repository file in GitHub's editor (`base` from the environment, not from a contributor)."""
    return attr(f"{base.rstrip('/')}/edit/{quote(branch, safe='')}/{quote(path, safe='/')}")


def external(base: str, path: str) -> Markup:
    """`path` (ours: `bulletin/pdf/file.pdf`) under `base`, an address from the environment, not from a contributor."""
    return attr(f"{base.rstrip('/')}/{quote(path, safe='/')}")
