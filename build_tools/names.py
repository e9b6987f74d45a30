"""Names that become URLs and ids: bulletin folders and ids, article ids, note ids.

One strict form for all of them, because they come from pull requests and end up in paths,
links and HTML attributes: lower-case ASCII letters and digits in words joined by single
hyphens (`2026-04-26-xinhua`, `producer-services`), matched with `\\A…\\Z` (Python's `$`
would also accept a trailing newline). Names the site uses for its own pages and folders
are refused, so that no bulletin or article can replace one of them.
"""
from __future__ import annotations

import re

from .errors import short

NAME = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_LENGTH = 64

# The site's own names at its root: a bulletin of that name would replace them or be replaced.
RESERVED_AT_ROOT = {
    "index": "the home page",
    "assets": "the site's scripts, styles and data",
    "en": "the English edition",
    "zh-hant": "the Traditional Chinese edition",  # also as zh-Hant: some file systems ignore case
    "zh-hans": "the Simplified Chinese edition's language code",
    "glossary": "the glossary page",
    "pagefind": "the search index",
    "schemas": "the published schemas of contributor files",
    "search": "the search page",
    "sitemap": "the sitemap",
    "404": "the page shown for a missing address",
}
# Names inside a bulletin's folder.
RESERVED_IN_BULLETIN = {
    "index": "the bulletin's contents page",
    "pdf": "the folder of the bulletin's handouts",
}
# An article id may not end like the side-by-side page of a document (`opinion-explained`).
RESERVED_SUFFIX = "-explained"
FORM = "lower-case letters a–z, digits and single hyphens, such as 2026-04-26-xinhua"


def name_problem(value, reserved: dict[str, str] | None = None, suffix: bool = False) -> str | None:
    """What is wrong with `value` as a name (None when it is fine); `reserved` names are refused,
    and with `suffix` so is the side-by-side pages' suffix."""
    if not isinstance(value, str) or not NAME.match(value):
        return f"{short(value)} is not a name of the form this needs ({FORM})"
    if len(value) > MAX_LENGTH:
        return f"{short(value)} is longer than {MAX_LENGTH} characters"
    if reserved and value.lower() in reserved:
        return f"{value!r} is the site's own name for {reserved[value.lower()]}; choose another"
    if suffix and value.endswith(RESERVED_SUFFIX):
        return f"{value!r} ends in {RESERVED_SUFFIX!r}, which names the side-by-side pages; choose another"
    return None
