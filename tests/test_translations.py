"""English translations: complete, fingerprinted, reported stale when the Chinese changes."""
import os
import re
import subprocess
import sys

import pytest

from build_tools.errors import BuildError
from build_tools.linking import crosslink
from build_tools.project import Project
from build_tools.translations import fingerprint, outline_titles, sources, translate
from conftest import REPO, edit_source, parse_file

BULLETIN = "source_texts/2026-04-26-xinhua"


def run(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def test_every_block_of_the_bulletin_is_translated_and_current():
    result = run("translations", "--strict")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 7 and all("100.0 % " in line and "0 stale, 0 missing" in line for line in lines)


def test_everything_a_reader_sees_is_a_translation_source(seed):
    links = crosslink([seed])
    opinion = next(a for a in seed.articles if a.id == "opinion")
    keys = [s.key for s in sources(opinion, outline_titles(links, opinion))]
    assert keys[:3] == ["opinion__title", "opinion__continued", "opinion__sec1__title"]
    assert "opinion__sec2__cl1__title" in keys  # a clause known only from the outline
    assert keys[-1] == "opinion__dateline"
    assert set(b.id for b in opinion.blocks) <= set(keys)


def edited_bulletin(project, old, new):
    return parse_file(edit_source(project, old, new))


def test_a_changed_chinese_block_is_reported_stale_and_still_shown(project):
    bulletin = edited_bulletin(project, "(六)加强互联网平台算法治理。督促", "(六)加强互联网平台算法治理。切实督促")
    opinion = next(a for a in bulletin.articles if a.id == "opinion")
    result = translate(opinion, bulletin, "en", outline_titles(crosslink([bulletin]), opinion))
    assert result["opinion__sec3__cl6"].status == "stale"
    assert result["opinion__sec3__cl6"].text.startswith("(6) Strengthening algorithm governance")
    assert result["opinion__sec3__cl5"].status == "ok"
    report = run("--root", str(project), "translations", "--strict", cwd=project)
    assert report.returncode == 1
    assert "2026-04-26-xinhua/opinion:  97.1 % (33/34 translated, 1 stale, 0 missing)" in report.stderr
    assert "  stale: opinion__sec3__cl6" in report.stderr


def test_the_page_marks_a_stale_paragraph(project):
    from build_tools.render import render_site

    bulletin = edited_bulletin(project, "(六)加强互联网平台算法治理。督促", "(六)加强互联网平台算法治理。切实督促")
    page = render_site([bulletin], Project(project))["en/2026-04-26-xinhua/opinion.md"]
    block = page[page.index('id="opinion__sec3__cl6"'):]
    block = block[: block.index("</div>")]
    assert 'class="en primary stale"' in block and "the translation may be out of date" in block


def test_a_missing_entry_is_reported(project):
    path = project / BULLETIN / "en" / "auto-show.yml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("auto-show__p1:")], "utf-8")
    bulletin = parse_file(project / BULLETIN / "source.txt")
    photo = next(a for a in bulletin.articles if a.id == "auto-show")
    assert translate(photo, bulletin, "en")["auto-show__p1"].status == "missing"


@pytest.mark.parametrize("text, message", [
    ('auto-show__p9:\n  zh: "0"\n  en: "x"\n', "auto-show.yml:1: unknown block id 'auto-show__p9'"),
    ('auto-show__title:\n  zh: "0"\n  en: "x"\nauto-show__title:\n  zh: "0"\n  en: "y"\n',
     "auto-show.yml:4: 'auto-show__title' appears twice (first at line 1); merge the two entries"),
    ('auto-show__title: [\n', "auto-show.yml:2: broken YAML"),
])
def test_mistakes_in_a_translation_file_name_file_and_line(project, text, message):
    (project / BULLETIN / "en" / "auto-show.yml").write_text(text, "utf-8")
    bulletin = parse_file(project / BULLETIN / "source.txt")
    photo = next(a for a in bulletin.articles if a.id == "auto-show")
    with pytest.raises(BuildError) as err:
        translate(photo, bulletin, "en")
    assert message in str(err.value)


def test_fingerprints_are_of_the_chinese_as_received(seed):
    """Changing display punctuation rules must not stale every translation."""
    interview = next(a for a in seed.articles if a.id == "interview")
    source = next(s for s in sources(interview) if s.key == "interview__q1")
    assert source.raw == "问:请介绍一下制定《意见》的背景和意义。" and source.text.startswith("问：")
    assert source.fingerprint == fingerprint(source.raw) and len(source.fingerprint) == 12


# The translation review (issue 13): one English rendering for each recurring term, in the
# Opinion and in the interview that quotes it. (Chinese, the rendering, renderings it replaced.)
RENDERINGS = [
    ("劳动保障", "labor and social security", ["labor security", "labor protection"]),
    ("劳动保护", "labor protection", []),
    ("用工事实", "the actual facts of employment", ["employment relationship"]),
    ("职业病防治", "prevention and control of occupational diseases", ["prevention and treatment"]),
    ("行业管理和业务监管部门", "industry management and business regulatory departments", ["industry administration"]),
    ("关爱服务", "care and services", ["caring services"]),
    ("社会监督作用", "public oversight", ["social oversight"]),
    ("激励引导", "encouragement and guidance", ["incentives"]),
    ("劳动报酬", "labor remuneration", ["remuneration for work", "the pay of"]),
    ("集中诉求", "common demands", ["widespread demands"]),
    ("加大关爱力度", "stepping up care", ["care and support"]),
    ("尊德守法", "respect social morality", ["respect ethics", "respect morality"]),
    ("获得感幸福感安全感", "sense of fulfillment, happiness and security", ["sense of gain"]),
    ("欺诈骗、骗贷", "fraud and scams, loan fraud", []),
]


@pytest.fixture(scope="module")
def units(seed):
    """(key, Chinese, English) of every translated unit of the bulletin."""
    links = crosslink([seed])
    found = []
    for article in seed.articles:
        titles = outline_titles(links, article)
        english = translate(article, seed, "en", titles)
        found += [(s.key, s.text, english[s.key].text) for s in sources(article, titles) if english[s.key].text]
    return found


@pytest.mark.parametrize("chinese, rendering, replaced", RENDERINGS, ids=[r[0] for r in RENDERINGS])
def test_a_recurring_term_has_one_rendering(units, chinese, rendering, replaced):
    having = [(key, en) for key, zh, en in units if chinese in zh]
    assert having, f"{chinese} no longer occurs: drop it from RENDERINGS"
    for key, en in having:
        assert rendering in en.lower(), f"{key}: {chinese} is not rendered “{rendering}”"
        for old in replaced:
            # 劳动保障 inside 劳动保障监察 is still "labor and social security"; "labor protection"
            # only where 劳动保护 is in the Chinese too.
            if old == "labor protection" and "劳动保护" in next(zh for k, zh, _ in units if k == key):
                continue
            assert old not in en.lower(), f"{key}: “{old}” for {chinese}"


def test_an_official_who_answers_is_not_the_head(units):
    """负责人答记者问: Xinhua's formula is "an official with …"; 负责人 is not 部长."""
    answering = [(key, en) for key, zh, en in units if "负责人" in zh and "记者" in zh]
    assert {key for key, _ in answering} == {"interview__title", "interview__p1"}
    for key, en in answering:
        assert "an official with the social work department" in en.lower(), key
        assert "head of" not in en.lower(), key


def test_the_interview_quotes_the_opinions_headings_as_the_opinion_renders_them(units):
    """A part or clause title the interview repeats (Q3 lists them all) reads the same in English."""
    headings = {zh: re.sub(r"^\(\d+\) |^[IVX]+\. ", "", en) for key, zh, en in units
                if re.fullmatch(r"opinion__sec\d+(__cl\d+)?__title", key)}
    quoted = 0
    for key, zh, en in units:
        if key.startswith("interview__"):
            for heading, rendering in headings.items():
                if heading in zh:
                    quoted += 1
                    assert rendering.lower() in en.lower(), f"{key}: {heading} is not “{rendering}”"
    assert quoted >= 17  # Q3 names all six parts and twelve clauses; Q4–Q5 repeat some
