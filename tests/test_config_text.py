"""Each edition's MkDocs config is written as JSON (yaml_text): MkDocs must read back exactly the values
written, whatever a title holds."""
import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from build_tools.pipeline import yaml_text


@pytest.mark.parametrize("value", [
    # Words YAML 1.1 would read as other types, or as its own syntax, unquoted.
    ["yes", "no", "on", "null", "~", "1.0", "0x1F", "2026-04-26", "12:30", "!tag x", "&a", "*a", "#c", "- x",
     "? k", "{a: 1}", "[b]", "'s", '"q"', "%x", "@x", "`x`", "k: v", ""],
    # Escapes, controls, what PyYAML refuses raw or reads as a line break, a byte-order mark, astral CJK.
    ["tab\there\nnewline \\ back / slash", "\x00\x01\x1b", "\x7f\x85\x9f", "a\u2028b\u2029c", "\ufeffx",
     "𠀀𪚥", "新就业群体 ＜＞"],
    {"nav": [{"标题": "a/b.md"}, {"Section": [{"x": "y.md"}]}], "n": 3, "t": True, "f": False, "none": None},
])
def test_mkdocs_reads_back_what_was_written(value):
    text = "# a comment first, as written\n" + yaml_text(value) + "\n"
    assert yaml.load(text, Loader=get_yaml_loader()) == value
