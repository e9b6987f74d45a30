"""A file read twice in one command is parsed once (yamlfile.load_yaml), yet each caller gets data of
its own, and a changed or broken file is read as it is now."""
import pytest

from build_tools import yamlfile
from build_tools.errors import BuildError
from build_tools.yamlfile import load_yaml


def test_parsed_once_and_copied(tmp_path, monkeypatch):
    path = tmp_path / "a.yml"
    path.write_text("articles:\n  标题: id\nlist: [1, 2]\n", "utf-8")
    parses = []
    real = yamlfile.parse_yaml
    monkeypatch.setattr(yamlfile, "parse_yaml", lambda *args: parses.append(args[0]) or real(*args))
    first = load_yaml(path)
    first.data["articles"]["new"] = "x"  # as source.read_meta fills in defaults
    first.data["list"].append(3)
    second = load_yaml(path)
    assert parses == [path]
    assert second.data == {"articles": {"标题": "id"}, "list": [1, 2]}
    assert second.line(("list",)) == 3
    path.write_text("list: [4]\n", "utf-8")
    assert load_yaml(path).data == {"list": [4]}
    assert len(parses) == 2


def test_a_broken_file_is_refused_every_time(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("a: 1\na: 2\n", "utf-8")
    for _ in range(2):
        with pytest.raises(BuildError, match="'a' appears twice"):
            load_yaml(path)
