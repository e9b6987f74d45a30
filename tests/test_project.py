"""One project object: `--root` and the environment reach every stage, read once at the command line."""
import json
import re
import subprocess

import pytest

from build_tools.__main__ import main
from build_tools.project import Project
from conftest import REPO

BULLETIN = "2026-04-26-xinhua"


def test_the_environment_is_read_into_the_project():
    project = Project.from_environment(REPO, {"SITE_URL": "https://example.org/b/", "GITHUB_REPOSITORY": "a/b",
                                              "REPOSITORY_BRANCH": "stable"})
    assert (project.site_url, project.repository, project.branch) == ("https://example.org/b", "https://github.com/a/b",
                                                                      "stable")
    assert Project.from_environment(REPO, {"REPOSITORY_URL": "https://git.example/x/", "GITHUB_REPOSITORY": "a/b"}
                                    ).repository == "https://git.example/x"
    assert Project.from_environment(REPO, {"HANDOUTS_URL": "https://files.example/h/"}).handouts_url == \
        "https://files.example/h"
    assert Project.from_environment(REPO, {}) == Project(REPO)
    assert Project(REPO).relative(REPO / "source_texts" / BULLETIN / "notes.yml") == f"source_texts/{BULLETIN}/notes.yml"


def test_a_shard_that_is_not_k_of_n_is_refused_in_one_line(capsys):
    for value in ("5/2", "0/3", "1", "a/b", "1/2/3"):
        with pytest.raises(SystemExit) as stopped:
            main(["build", "--shard", value])
        assert stopped.value.code == 2
        error = capsys.readouterr().err.strip().splitlines()[-1]
        assert error.endswith(f"argument --shard: {value!r} is not a shard: write K/N with 1 ≤ K ≤ N, e.g. 1/4"), error
        assert "Traceback" not in error


@pytest.mark.e2e
def test_a_scratch_project_renders_only_its_own_glossary_and_overrides(project, monkeypatch, tmp_path):
    """Its glossary holds one term and its override list is empty: no page, handout or search script
    shows this checkout's other terms or its override 指明了 → 指明了 (OpenCC gives 指明瞭)."""
    (project / "source_texts" / "glossary.yml").write_text(
        "- zh: 快递小哥\n  pinyin: kuàidì xiǎogē\n  en: couriers\n  alternatives: [delivery workers]\n  definition_en: Couriers.\n"
        "  definition_zh: 快递员。\n", "utf-8")
    (project / "source_texts" / "zh-Hant.yml").write_text("# none\n", "utf-8")
    monkeypatch.setenv("SITE_URL", "https://example.org/bulletins/")
    monkeypatch.setenv("REPOSITORY_URL", "https://github.com/example/bulletins")
    monkeypatch.chdir(tmp_path)  # not the checkout: nothing may be found through the working directory
    assert main(["--root", str(project), "build"]) == 0
    site = project / "site"
    assert list(json.loads((site / "assets" / "glossary.json").read_text("utf-8"))) == ["term-couriers"]
    interview = (site / BULLETIN / "interview" / "index.html").read_text("utf-8")
    assert set(re.findall(r'class="term" href="[^"#]*#([^"]+)"', interview)) == {"term-couriers"}
    assert len(re.findall(r'class="glossary-entry"', (site / "glossary" / "index.html").read_text("utf-8"))) == 1
    traditional = (site / "zh-Hant" / BULLETIN / "interview" / "index.html").read_text("utf-8")
    assert "工作指明瞭方向" in traditional and "指明了" not in traditional
    # The environment, read at the command line, reaches the pages, the sitemap and the handouts.
    assert ('href="https://github.com/example/bulletins/edit/main/source_texts/glossary.yml"'
            in (site / "glossary" / "index.html").read_text("utf-8"))
    assert "<loc>https://example.org/bulletins/zh-Hant/" in (site / "zh-Hant" / "sitemap.xml").read_text("utf-8")
    handout = subprocess.run(["pdftotext", str(site / BULLETIN / "pdf" / f"{BULLETIN}.zh-Hant.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
    assert "https://example.org/bulletins/zh-Hant/2026-04-26-xinhua/interview/" in handout
    assert "指明瞭方向" in handout


@pytest.mark.e2e
def test_handouts_with_a_host_of_their_own_are_linked_there_and_left_out_of_the_site(project, monkeypatch):
    """HANDOUTS_URL: a large archive's PDFs outgrow a Pages site; they are printed into
    build/handouts-site/ for their host, and the pages link there."""
    monkeypatch.setenv("HANDOUTS_URL", "https://files.example.org/handouts/")
    assert main(["--root", str(project), "build"]) == 0
    assert not list((project / "site").rglob("*.pdf"))
    printed = project / "build" / "handouts-site" / BULLETIN / "pdf" / f"{BULLETIN}.zh-Hans.pdf"
    assert printed.is_file()
    opinion = (project / "site" / "en" / BULLETIN / "opinion" / "index.html").read_text("utf-8")
    assert f'href="https://files.example.org/handouts/{BULLETIN}/pdf/{BULLETIN}.zh-Hans.pdf"' in opinion
    # Without handouts (--no-pdf), no page offers one.
    monkeypatch.delenv("HANDOUTS_URL")
    assert main(["--root", str(project), "build", "--no-pdf"]) == 0
    assert ".pdf" not in (project / "site" / "en" / BULLETIN / "opinion" / "index.html").read_text("utf-8")
