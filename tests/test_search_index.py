"""The search index's groups (a bundle per year of bulletins) and the keys that decide which
Pagefind runs a rebuild makes again (build_tools/search_index.py). The browser side is
tests/test_corpus_site.py's."""
from pathlib import Path

import pytest

from build_tools.linking import crosslink
from build_tools.search_index import groups, groups_from_json, groups_json, reaches, run_keys
from conftest import NO1, POLITICAL, parse_text

CODES = ["zh-Hans", "zh-Hant", "en"]


def bulletin(folder: Path, name: str, date: str | None):
    """A corpus pair (document, then its interview) as the bulletin `name`, dated `date`."""
    text = (folder / "document.txt").read_text("utf-8") + "\n\n" + (folder / "interview.txt").read_text("utf-8")
    return parse_text(text, f"source_texts/{name}/source.txt", {"date": date} if date else {})


def archive():
    bulletins = [bulletin(NO1, "b-2020", "2020-02-06"), bulletin(POLITICAL, "a-2019", "2019-02-28"),
                 bulletin(POLITICAL, "c-2019", "2019-12-31"), bulletin(NO1, "undated", None)]
    return bulletins, crosslink(bulletins)


def test_bulletins_are_grouped_by_year_newest_first_an_undated_one_with_the_newest():
    bulletins, links = archive()
    found = groups(bulletins, links)
    assert [(g.name, g.bulletins) for g in found] == [("2020", ["b-2020", "undated"]), ("2019", ["a-2019", "c-2019"])]
    # The newest group holds the pages outside the bulletins (the glossary lists every bulletin):
    # every source file reaches it. An older group is reached by its bulletins' folders.
    assert found[0].folders is None
    assert found[1].folders == ["a-2019", "c-2019"]
    # A shard's manifest carries the groups to `merge`, which needs no folders (it keeps no runs).
    assert [(g.name, g.bulletins) for g in groups_from_json(groups_json(found))] == [(g.name, g.bulletins)
                                                                                    for g in found]


def test_a_manifest_group_that_is_not_a_year_is_refused():
    # Its name becomes folders the build deletes and writes (build/search/<edition>/<name>, pagefind/<name>).
    for name in ("../../site", "2020/..", "", "٢٠٢٠"):
        with pytest.raises(ValueError, match="not a year"):
            groups_from_json([{"name": name, "bulletins": []}])


def test_with_no_date_at_all_there_is_one_group():
    only = [bulletin(NO1, "undated", None)]
    assert [(g.name, g.bulletins) for g in groups(only, crosslink(only))] == [("undated", ["undated"])]


def test_an_english_entry_remakes_the_english_run_of_its_year_and_of_the_newest_only():
    bulletins, links = archive()
    found = groups(bulletins, links)
    files = {"glossary.yml": "g", "a-2019/source.txt": "1", "a-2019/en/opinion.yml": "2", "b-2020/source.txt": "3"}
    before = run_keys(found, CODES, files, "inputs")
    after = run_keys(found, CODES, {**files, "a-2019/en/opinion.yml": "2'"}, "inputs")
    assert sorted(run for run in before if before[run] != after[run]) == ["en/2019", "en/2020"]
    # The text of a 2020 bulletin: every edition of 2020, no run of 2019.
    after = run_keys(found, CODES, {**files, "b-2020/source.txt": "3'"}, "inputs")
    assert sorted(run for run in before if before[run] != after[run]) == ["en/2020", "zh-Hans/2020", "zh-Hant/2020"]
    # The glossary, or anything besides the texts (theme, tools, code): every run.
    after = run_keys(found, CODES, {**files, "glossary.yml": "g'"}, "inputs")
    assert all(before[run] != after[run] for run in before)
    after = run_keys(found, CODES, files, "other inputs")
    assert all(before[run] != after[run] for run in before)


def test_a_translation_reaches_the_english_edition_only():
    assert reaches("2026-04-26-xinhua/en/opinion.yml", "en")
    assert not reaches("2026-04-26-xinhua/en/opinion.yml", "zh-Hans")
    assert all(reaches("2026-04-26-xinhua/notes.yml", code) for code in CODES)
