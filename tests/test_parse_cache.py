"""The parse cache (build/cache/parse/): a rebuild parses only the bulletins whose files changed, and
gives the bulletins a parse would; a bad input fails every time, a bad entry never does."""
import shutil

import pytest

from build_tools import pipeline
from build_tools.errors import BuildError
from build_tools.parse_cache import ParseCache
from build_tools.pipeline import load_project as load_uncached


def load_project(root, cache=None):
    """As the build does: the cache saved once the bulletins are loaded."""
    bulletins = load_uncached(root, cache)
    if cache:
        cache.save()
    return bulletins

from conftest import edit_source

BULLETIN = "2026-04-26-xinhua"


@pytest.fixture
def parsed(monkeypatch):
    """The paths parse_source was called on, in order."""
    calls = []
    real = pipeline.parse_source

    def counting(source):
        calls.append(source.path.parent.name)
        return real(source)

    monkeypatch.setattr(pipeline, "parse_source", counting)
    return calls


def second_bulletin(project, name, meta_extra=""):
    folder = project / "source_texts" / name
    shutil.copytree(project / "source_texts" / BULLETIN, folder)
    with (folder / "bulletin.yml").open("a", encoding="utf-8") as meta:
        meta.write(meta_extra)
    return folder


def replace(path, old, new):
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_an_unchanged_bulletin_is_not_parsed_again(project, tmp_path, parsed):
    cache = tmp_path / "cache"
    first = load_project(project, ParseCache(cache))
    assert parsed == [BULLETIN]
    again = ParseCache(cache)
    second = load_project(project, again)
    assert parsed == [BULLETIN]  # no second call
    assert (again.hits, again.misses) == (1, 0)
    # The same model as a parse gives: every field of every article and block.
    assert second == first == load_project(project)


@pytest.mark.parametrize("edit", [
    pytest.param(lambda p: edit_source(p, "新华社", "新華社", 1), id="source.txt"),
    pytest.param(lambda p: replace(p / "source_texts" / BULLETIN / "bulletin.yml", "page: null", "page: 4"),
                 id="bulletin.yml"),
])
def test_a_changed_file_is_parsed_again(project, tmp_path, parsed, edit):
    second_bulletin(project, "2026-04-27-xinhua")
    cache = tmp_path / "cache"
    load_project(project, ParseCache(cache))
    assert parsed == [BULLETIN, "2026-04-27-xinhua"]
    edit(project)
    again = ParseCache(cache)
    bulletins = load_project(project, again)
    assert parsed[2:] == [BULLETIN]  # only the edited one
    assert bulletins == load_project(project)
    # The old entry of the edited bulletin is gone: one entry per bulletin.
    assert len(list(cache.iterdir())) == 2


def test_a_corrupt_or_truncated_entry_is_a_miss(project, tmp_path, parsed):
    cache = tmp_path / "cache"
    expected = load_project(project, ParseCache(cache))
    [entry] = cache.iterdir()
    for damaged in (b"", b"not a pickle", entry.read_bytes()[:100]):
        entry.write_bytes(damaged)
        assert load_project(project, ParseCache(cache)) == expected
    assert parsed == [BULLETIN] * 4
    # The last parse stored a whole entry again.
    load_project(project, ParseCache(cache))
    assert parsed == [BULLETIN] * 4


def test_an_entry_of_another_path_is_not_taken(project, tmp_path, parsed):
    """A key names the path; an entry whose model names another path (copied by hand) is not used."""
    cache = tmp_path / "cache"
    load_project(project, ParseCache(cache))
    [entry] = cache.iterdir()
    other = second_bulletin(project, "2026-04-27-xinhua")
    shutil.rmtree(project / "source_texts" / BULLETIN)
    key = ParseCache(cache).key(other / "source.txt")
    shutil.copy(entry, cache / f"{key}.pickle")
    [bulletin] = load_project(project, ParseCache(cache))
    assert bulletin.path == other / "source.txt"
    assert parsed == [BULLETIN, "2026-04-27-xinhua"]


def test_an_input_error_is_raised_by_every_build_and_never_cached(project, tmp_path):
    cache = tmp_path / "cache"
    load_project(project, ParseCache(cache))
    # A source text edited without recording its sha256: every build says so, with the file.
    source = project / "source_texts" / BULLETIN / "source.txt"
    source.write_bytes(source.read_bytes().replace("新华社".encode(), "新華社".encode(), 1))
    for _ in range(2):
        with pytest.raises(BuildError, match="the bytes differ from those recorded in bulletin.yml") as err:
            load_project(project, ParseCache(cache))
        assert err.value.path == source
    # A text the parser refuses (a correction of a line that does not say so), with its line.
    edit_source(project, "新華社", "新华社", 1)
    meta = project / "source_texts" / BULLETIN / "bulletin.yml"
    meta.write_text(meta.read_text("utf-8") + "corrections:\n  - {line: 1, text: 不是这一行, kind: news}\n", "utf-8")
    for _ in range(2):
        with pytest.raises(BuildError, match="corrections: line 1 of source.txt reads") as err:
            load_project(project, ParseCache(cache))
        assert err.value.line == 21
    assert len(list(cache.iterdir())) == 1  # only the entry of the earlier, good text


def test_a_duplicate_id_is_found_among_cached_bulletins(project, tmp_path):
    """The second folder (sorted first) is parsed, the first comes from the cache: the id is still one too many,
    and the message is the one a parse gives, with the line of `id:`."""
    cache = tmp_path / "cache"
    (project / "source_texts" / BULLETIN / "bulletin.yml").open("a").write(f"id: {BULLETIN}\n")
    load_project(project, ParseCache(cache))
    second_bulletin(project, "2026-04-25-xinhua")
    with pytest.raises(BuildError) as uncached:
        load_project(project)
    with pytest.raises(BuildError) as cached:
        load_project(project, ParseCache(cache))
    assert str(cached.value) == str(uncached.value)
    assert f"{BULLETIN}/bulletin.yml:20: bulletin id '{BULLETIN}' is also the id of 2026-04-25-xinhua/" in \
        str(cached.value)
