"""PDF handouts, read back with poppler: fonts embedded, every clause in order, page numbers, study pack."""
import re
import subprocess

import pytest

from build_tools.convert import traditional
from build_tools.linking import crosslink

pytestmark = pytest.mark.e2e

PDF = "2026-04-26-xinhua/pdf"


def text_of(path, *options):
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeeze(text):
    """PDF text without layout: no whitespace, no hyphen at a line break."""
    return re.sub(r"\s+", "", re.sub(r"-\n", "", text))


def body_of(path, *options):
    """The printed text without the page furniture (running title, permalink, page number)."""
    pages = text_of(path, *options).split("\f")
    running = pages[1].strip().splitlines()[0] if len(pages) > 2 else None
    kept = []
    for page in pages:
        lines = page.splitlines()
        kept += [line for line in lines if not re.match(r"^\s*(\d+\s*/\s*\d+|/\S*/|https?://\S+)\s*$", line)
                 and line.strip() != running]
    return "\n".join(kept)


def test_every_article_has_its_three_handouts_and_the_opinion_a_study_pack(site, seed):
    names = sorted(p.name for p in (site / PDF).iterdir())
    expected = sorted([f"{a.id}.{mode}.pdf" for a in seed.articles for mode in ("zh-Hans", "zh-Hant", "bilingual")]
                      + ["opinion.study-pack.pdf"])
    assert names == expected


@pytest.mark.parametrize("mode, face", [("zh-Hans", "CJK-SC"), ("zh-Hant", "CJK-TC"), ("bilingual", "CJK-SC")])
def test_cjk_fonts_are_embedded_with_the_right_glyph_forms(site, mode, face):
    fonts = subprocess.run(["pdffonts", str(site / PDF / f"opinion.{mode}.pdf")], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    cjk = [line for line in fonts if "CJK" in line]
    assert cjk and all(face in line for line in cjk), fonts
    assert all(line.split()[-5] == "yes" for line in fonts), "every font embedded"


def clause_texts(seed, convert=lambda t: t):
    opinion = next(a for a in seed.articles if a.id == "opinion")
    return [squeeze(convert(b.text)) for b in opinion.blocks if b.type == "clause"]


@pytest.mark.parametrize("mode", ["zh-Hans", "zh-Hant", "bilingual"])
def test_every_clause_is_printed_in_order_without_a_missing_character(site, seed, mode):
    # The bilingual handout sets Chinese and English in two columns: read the left one.
    left = ("-x", "0", "-y", "0", "-W", "297", "-H", "842") if mode == "bilingual" else ()
    printed = squeeze(body_of(site / PDF / f"opinion.{mode}.pdf", *left))
    position = -1
    for clause in clause_texts(seed, traditional if mode == "zh-Hant" else (lambda t: t)):
        found = printed.find(clause, position + 1)
        assert found > position, clause[:20]
        position = found


def test_the_bilingual_handout_carries_the_english_beside_each_block(site, seed):
    printed = squeeze(text_of(site / PDF / "opinion.bilingual.pdf"))
    assert squeeze("(6) Strengthening algorithm governance of internet platforms. Urge internet platform companies") in printed
    assert squeeze("legal aid […] provide appropriate social assistance") in printed


@pytest.mark.parametrize("name", ["opinion.zh-Hans.pdf", "interview.bilingual.pdf", "opinion.study-pack.pdf"])
def test_pages_are_numbered_n_of_total(site, name):
    pages = text_of(site / PDF / name).split("\f")[:-1]
    total = len(pages)
    for number, page in enumerate(pages, 1):
        assert re.search(rf"\b{number}\s*/\s*{total}\s*$", page.strip()), (number, page[-80:])


def test_no_line_starts_with_closing_punctuation(site):
    for name in ("opinion.zh-Hans.pdf", "interview.zh-Hant.pdf", "producer-services.zh-Hans.pdf"):
        for line in text_of(site / PDF / name).splitlines():
            assert not line.startswith(tuple("，。、；：？！）》”")), (name, line)


def test_the_footer_names_the_online_page(site):
    assert "/2026-04-26-xinhua/opinion/" in text_of(site / PDF / "opinion.zh-Hans.pdf")
    assert "/zh-Hant/2026-04-26-xinhua/opinion/" in text_of(site / PDF / "opinion.zh-Hant.pdf")


def test_the_study_pack_puts_each_explanation_after_its_clause(site, seed):
    printed = squeeze(body_of(site / PDF / "opinion.study-pack.pdf"))
    links = crosslink([seed])
    opinion = next(a for a in seed.articles if a.id == "opinion")
    clauses = [b for b in opinion.blocks if b.type == "clause"]
    body = printed[printed.find("依法规范用工管理", printed.find("六、加强组织实施")):]  # after the contents
    def opening(block):  # the study pack prints a clause's number and title as its heading
        return squeeze(re.sub(r"^（[一二三四五六七八九十]+）", "", block.text)[:30])

    for clause, following in zip(clauses, clauses[1:] + [None]):
        start = body.find(opening(clause))
        end = body.find(opening(following)) if following else len(body)
        assert 0 <= start < end, clause.id
        section = body[start:end]
        for link in links.explaining(clause.id, opinion):
            label = squeeze(f"第{link.source.question}问" + (f"·第{link.source.point}点" if link.source.point else ""))
            assert label in section, (clause.id, link.source.id)
    contents = printed[: printed.find("依法规范用工管理", printed.find("六、加强组织实施"))]
    assert re.search(r"（六）加强互联网平台算法治理\.+\d+", contents), "the contents give page numbers"


def test_every_article_page_offers_its_handouts(site, seed):
    html = (site / "en/2026-04-26-xinhua/opinion/index.html").read_text("utf-8")
    for mode in ("zh-Hans", "zh-Hant", "bilingual", "study-pack"):
        assert f'href="../../../2026-04-26-xinhua/pdf/opinion.{mode}.pdf"' in html


def test_cross_references_print_as_readable_references(site):
    interview = squeeze(body_of(site / PDF / "interview.zh-Hans.pdf"))
    assert squeeze("对应条款：《意见》第（六）条 加强互联网平台算法治理") in interview
    opinion = squeeze(body_of(site / PDF / "opinion.zh-Hans.pdf"))
    assert squeeze("答记者问中的解读：第3问；第5问·第3点") in opinion
