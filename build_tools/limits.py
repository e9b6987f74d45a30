"""Limits on what the repository accepts, so that no input, however valid it looks, can stall
CI or exhaust its memory. Each is far above any real text (measured in the comment) and
each has a message that names the file, the line and the limit.
"""
from __future__ import annotations

# source.txt: a whole printed page of People's Daily is 74 KB (corpus/pages/2019-02-20-p01.txt);
# the longest Chinese laws (the Civil Code, 106,000 characters) are about 320 KB.
SOURCE_BYTES = 1_000_000
# One line of source.txt is one paragraph as printed: the longest in the corpus has 736 characters.
SOURCE_LINE_CHARS = 10_000
# A contributor YAML file: the largest now is the glossary (42 KB); the translation of a 1 MB
# bulletin's longest article would stay under this.
YAML_BYTES = 2_000_000
# One line of a contributor file, and one value (a translation of a 10,000-character paragraph
# runs to about 30,000 characters of English).
YAML_LINE_CHARS = 40_000
# Nesting of a contributor file: links.yml, the deepest, needs 3 (add → entry → field).
YAML_DEPTH = 8
# Items of one list or mapping: a translation file has one entry per block (the Opinion: 60).
YAML_ITEMS = 10_000
