"""Incremental builds: a rebuild redoes only what changed, and its site is the cold build's, byte for byte."""
import shutil

import pytest

from build_tools import handout_cache
from build_tools.__main__ import main

pytestmark = pytest.mark.e2e

BULLETIN = "2026-04-26-xinhua"
OPINION_EN = f"source_texts/{BULLETIN}/en/opinion.yml"


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def inodes(site):
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def build(root, capsys):
    assert main(["--root", str(root), "build"]) == 0
    return capsys.readouterr().err


OTHER = "2026-04-27-xinhua"  # a copy of the bulletin, in a folder of its own: its own id, nothing edited


def test_a_rebuild_after_one_edit_equals_a_cold_build(project, tmp_path, capsys, monkeypatch):
    shutil.copytree(project / "source_texts" / BULLETIN, project / "source_texts" / OTHER)
    rendered = []  # the bulletins whose handouts' HTML each build renders
    real = handout_cache.render_handouts

    def render_handouts(bulletins, *args):
        rendered.append([b.id for b in bulletins])
        return real(bulletins, *args)

    monkeypatch.setattr(handout_cache, "render_handouts", render_handouts)
    build(project, capsys)
    assert rendered == [[BULLETIN, OTHER]]
    before = inodes(project / "site")
    # Nothing changed: nothing is done.
    assert "site/ is up to date" in build(project, capsys)
    assert inodes(project / "site") == before
    # One English entry edited.
    path = project / OPINION_EN
    text = path.read_text("utf-8")
    old = "Urge internet platform companies to earnestly fulfill their social responsibilities"
    assert text.count(old) == 1
    path.write_text(text.replace(old, old.replace("Urge", "Press")), "utf-8")
    build(project, capsys)
    after = inodes(project / "site")
    # Only the edited bulletin's handouts were rendered again; the other's were linked from the cache.
    assert rendered[1:] == [[BULLETIN]]
    assert not [name for name in after if name.startswith(f"{OTHER}/pdf/") and after[name] != before[name]]
    # MkDocs rendered the changed pages only, and no handout without the clause was printed again:
    # the others are the same files (hard links to what the last build made).
    remade = sorted(name for name in after if after[name] != before.get(name))
    assert "en/2026-04-26-xinhua/opinion/index.html" in remade
    assert "en/2026-04-26-xinhua/auto-show/index.html" not in remade
    assert f"{BULLETIN}/auto-show/index.html" not in remade
    assert f"{BULLETIN}/pdf/{BULLETIN}.bilingual.pdf" in remade
    assert f"{BULLETIN}/pdf/{BULLETIN}.zh-Hans.pdf" not in remade
    # The search index of the Chinese editions was kept: the translation is not in them.
    assert not any(name.startswith("pagefind/") and "zh-han" in name for name in remade)
    assert any(name.startswith("pagefind/") and "/en_" in name for name in remade)
    # A cold build of the edited sources, in a new folder, is the same site byte for byte.
    cold = tmp_path / "cold"
    cold.mkdir()
    for name in ("mkdocs.yml", "overrides", "source_texts"):
        (shutil.copytree if (project / name).is_dir() else shutil.copy)(project / name, cold / name)
    build(cold, capsys)
    assert rendered[2:] == [[BULLETIN, OTHER]]  # the cold build rendered every handout
    incremental, fresh = files(project / "site"), files(cold / "site")
    assert sorted(incremental) == sorted(fresh)
    assert [name for name in fresh if incremental[name] != fresh[name]] == []
    assert b"Press internet platform companies to" in incremental["en/2026-04-26-xinhua/opinion/index.html"]
    assert f"{OTHER}/pdf/{OTHER}.bilingual.pdf" in fresh  # the handouts are compared too


def test_a_new_page_title_rebuilds_every_page_that_lists_it(project, capsys):
    """The English interview's title is in every English page's navigation and footers: the edition
    is built again whole (a dirty build would have kept the old title on the other pages)."""
    build(project, capsys)
    path = project / f"source_texts/{BULLETIN}/en/interview.yml"
    text = path.read_text("utf-8")
    key = "interview__title:"
    start = text.index(key)
    line_end = text.index("\n", text.index("  en:", start))
    title_line = text[text.index("  en:", start):line_end]
    path.write_text(text[:start] + text[start:line_end].replace(title_line, '  en: "A new title for the interview"')
                    + text[line_end:], "utf-8")
    build(project, capsys)
    neighbour = (project / "site" / "en" / BULLETIN / "opinion" / "index.html").read_text("utf-8")
    assert "A new title for the interview" in neighbour
