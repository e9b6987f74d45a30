"""Limits on what the repository accepts, so that no input, however valid it looks, can stall
CI or exhaust its memory. Each is far above any real text (measured in the comment), and
each has a message that names the file, the line and the limit. What a build costs at them
was measured on this 2-core machine: about a minute for a bulletin at every limit at once.
"""
from __future__ import annotations

# source.txt: a whole printed page of People's Daily is 74 KB (corpus/pages/2019-02-20-p01.txt),
# so this holds six or seven. (A whole code of law, 300 KB and more, is not a bulletin.)
SOURCE_BYTES = 500_000
# One line of source.txt is one paragraph as printed: the longest in the corpus has 736 characters.
SOURCE_LINE_CHARS = 10_000
# Articles of one bulletin (a page carries 5 to 10; every article is three handouts) and blocks of
# one article (the Opinion has 57; the aligner compares every answer with every clause).
ARTICLES = 100
BLOCKS = 500
# A contributor YAML file: the largest now is the glossary (42 KB), the largest translation 33 KB.
YAML_BYTES = 1_000_000
# All the translation files of one bulletin: the handouts print them, about 20 s per MB.
TRANSLATION_BYTES = 2_000_000
# One line of a contributor file, and one value (a translation of a 10,000-character paragraph
# runs to about 30,000 characters of English).
YAML_LINE_CHARS = 40_000
# An English translation at most this many times as long as its Chinese, plus TRANSLATION_SLACK
# characters (the longest now: 8.4 times; a title of two characters may take a line of English).
TRANSLATION_RATIO = 10
TRANSLATION_SLACK = 200
# Nesting of a contributor file: links.yml, the deepest, needs 3 (add → entry → field).
YAML_DEPTH = 8
# Items of one list or mapping: a translation file has one entry per block (the Opinion: 60).
YAML_ITEMS = 10_000
