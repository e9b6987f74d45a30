"""The record of which handouts a rebuild need not render (build/cache/handouts.json): taken only for
the same inputs, and only while the PDF cache holds every file; a damaged record is no record."""
import json

import pytest

from build_tools.handout_cache import HandoutCache
from build_tools.linking import Crosslinks
from build_tools.project import Project

KEY = "a" * 64


@pytest.fixture
def recorded(tmp_path, seed):
    """A project whose record holds the seed's handout, and whose PDF cache holds its file."""
    project = Project(tmp_path)
    HandoutCache(project, Crosslinks()).record([seed], {f"{seed.id}/pdf/{seed.id}.zh-Hans.pdf": KEY})
    pdfs = project.work / "cache" / "pdf"
    pdfs.mkdir(parents=True)
    (pdfs / f"{KEY}.pdf").write_bytes(b"%PDF-1.7")
    return project


def test_the_same_inputs_reuse_the_record(recorded, seed):
    assert HandoutCache(recorded, Crosslinks()).reuse(seed) == {f"{seed.id}/pdf/{seed.id}.zh-Hans.pdf": KEY}


def test_a_removed_pdf_renders_again(recorded, seed):
    (recorded.work / "cache" / "pdf" / f"{KEY}.pdf").unlink()
    assert HandoutCache(recorded, Crosslinks()).reuse(seed) is None


def test_another_setting_renders_again(recorded, seed):
    """The site's address is in each handout's footer."""
    assert HandoutCache(Project(recorded.root, site_url="https://example.org"), Crosslinks()).reuse(seed) is None


@pytest.mark.parametrize("damage", [
    pytest.param(lambda data, bid: "", id="empty"),
    pytest.param(lambda data, bid: "[]", id="a-list"),
    pytest.param(lambda data, bid: json.dumps({bid: {"key": data[bid]["key"], "files": ["x"]}}), id="files-a-list"),
    # A key that is not a digest could name a file outside the cache.
    pytest.param(lambda data, bid: json.dumps({bid: {"key": data[bid]["key"], "files": {
        f"{bid}/pdf/{bid}.zh-Hans.pdf": "../../../etc/passwd"}}}), id="key-a-path"),
    pytest.param(lambda data, bid: json.dumps({bid: {"key": data[bid]["key"], "files": {"other/pdf/x.pdf": KEY}}}),
                 id="another-bulletins-file"),
])
def test_a_damaged_record_renders_again(recorded, seed, damage):
    record = recorded.work / "cache" / "handouts.json"
    record.write_text(damage(json.loads(record.read_text("utf-8")), seed.id), "utf-8")
    assert HandoutCache(recorded, Crosslinks()).reuse(seed) is None
