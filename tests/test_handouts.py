"""PDF handouts, read back with poppler: fonts embedded, every clause in order, page numbers, study pack,
pages filled, tagging, and the links that offer them."""
import re
import subprocess
import zlib

import pytest

from build_tools.convert import Converter, load_overrides
from build_tools.editions import make_editions
from build_tools.handouts import render_handouts
from build_tools.linking import crosslink
from build_tools.project import Project
from conftest import CHECKOUT, REPO

traditional = Converter(load_overrides(CHECKOUT.overrides_file))

pytestmark = pytest.mark.e2e

PDF = "2026-04-26-xinhua/pdf"


def text_of(path, *options):
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeeze(text):
    """PDF text without layout: no whitespace, no hyphen at a line break."""
    return re.sub(r"\s+", "", re.sub(r"-\n", "", text))


# The footer without SITE_URL: the bulletin, then the title.
FOOTER = r"^\s*(新华社|新華社) 2026年4月26日 · "


def body_of(path, *options):
    """The printed text without the page furniture (running title, permalink, page number)."""
    pages = text_of(path, *options).split("\f")
    running = pages[1].strip().splitlines()[0] if len(pages) > 2 else None
    kept = []
    for page in pages:
        lines = page.splitlines()
        kept += [line for line in lines if not re.match(r"^\s*(\d+\s*/\s*\d+|https?://\S+)\s*$", line)
                 and not re.match(FOOTER, line) and line.strip() != running]
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
    # The bilingual handout sets Chinese and English in two columns: read the left one (17 mm of
    # margin and 40 % of the 176 mm between the margins: 247 pt).
    left = ("-x", "0", "-y", "0", "-W", "250", "-H", "842") if mode == "bilingual" else ()
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


def test_the_footer_names_the_bulletin_and_title_where_the_site_address_is_unknown(site):
    simplified = text_of(site / PDF / "opinion.zh-Hans.pdf")
    assert "新华社 2026年4月26日 · 中共中央办公厅国务院办公厅关于加强新就业群体服务管理的意见" in simplified
    assert "新華社 2026年4月26日 · 中共中央辦公廳國務院辦公廳關於加強新就業群體服務管理的意見" in text_of(
        site / PDF / "opinion.zh-Hant.pdf")
    assert "新华社 2026年4月26日 · 学习材料：《意见》逐条对照答记者问" in text_of(site / PDF / "opinion.study-pack.pdf")
    # a bare path without a host is no address a reader can follow
    assert "/2026-04-26-xinhua/opinion/" not in simplified


def test_the_footer_gives_the_full_address_where_it_is_known(seed):
    links = crosslink([seed])
    project = Project.from_environment(REPO, {"SITE_URL": "https://example.org/bulletins/"})
    pages = render_handouts([seed], links, make_editions([seed], links, project))
    assert 'data-reference="https://example.org/bulletins/zh-Hant/2026-04-26-xinhua/opinion/"' in pages[
        f"{PDF}/opinion.zh-Hant.pdf"]
    assert 'data-reference="https://example.org/bulletins/2026-04-26-xinhua/opinion-explained/"' in pages[
        f"{PDF}/opinion.study-pack.pdf"]


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


def blank_shares(path):
    """Per page, the share of the text area (A4 less the 18 mm and 20 mm margins) left empty below
    its last line of text, read from poppler's word boxes."""
    top, bottom = 18 / 25.4 * 72, (297 - 20) / 25.4 * 72
    pages = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("<page ")[1:]
    shares = []
    for page in pages:
        lowest = max((float(y) for y in re.findall(r'<word [^>]*yMax="([\d.]+)"', page) if top < float(y) < bottom),
                     default=top)
        shares.append((bottom - lowest) / (bottom - top))
    return shares


# Rows break across pages: the Opinion is 2 pages in Chinese and was 8 side by side (16 for the
# interview) when no row could break; 5 and 9 now.
@pytest.mark.parametrize("name, most", [("opinion.bilingual.pdf", 6), ("interview.bilingual.pdf", 10)])
def test_bilingual_handouts_fill_their_pages(site, name, most):
    shares = blank_shares(site / PDF / name)
    assert len(shares) <= most, len(shares)
    assert all(share <= 0.2 for share in shares[:-1]), [round(share, 2) for share in shares]


def test_the_english_is_set_in_noto_serif_bold_where_the_chinese_is(site):
    fonts = subprocess.run(["pdffonts", str(site / PDF / "opinion.bilingual.pdf")], capture_output=True, text=True,
                           check=True).stdout
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
    assert {"Noto-Serif", "Noto-Serif-Bold"} <= names, names
    assert not any("DejaVu" in name for name in names), names


def catalog_language(path):
    """The document's /Lang, from the PDF's (compressed) object streams."""
    data = path.read_bytes()
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            found = re.search(rb"/Lang \(([^)]*)\)", zlib.decompress(stream.group(1)))
        except zlib.error:
            continue
        if found:
            return found.group(1).decode()
    return None


def test_every_handout_is_tagged_with_its_title_and_language(site):
    for path in sorted((site / PDF).iterdir()):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M), path.name
        assert re.search(r"^Title:\s+\S", info, re.M), path.name
        assert catalog_language(path) == ("zh-Hant" if ".zh-Hant." in path.name else "zh-Hans"), path.name


def test_no_space_is_widened_by_justification(site):
    # WeasyPrint widens spaces only: a justified Chinese line poured its slack into a Latin name's space.
    assert "小米Vision GT" in text_of(site / PDF / "auto-show.zh-Hant.pdf")
    for path in sorted((site / PDF).iterdir()):
        assert not re.search(r"\S {2,}\S", text_of(path)), path.name


def test_the_study_pack_lists_one_term_a_line_and_keeps_the_notes_heading_with_its_box(site):
    printed = text_of(site / PDF / "opinion.study-pack.pdf")
    assert "。；" not in printed
    assert re.search(r"恶性竞\s*争。\n经营性贷款（jīngyíngxìng dàikuǎn，business loans）：", printed)
    # Below each "笔记" heading, on its page, the room for its 32 mm box.
    bottom, box = (297 - 20) / 25.4 * 72, 32 / 25.4 * 72
    boxes = subprocess.run(["pdftotext", "-bbox", str(site / PDF / "opinion.study-pack.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout.split("<page ")[1:]
    headings = [(number, float(y)) for number, page in enumerate(boxes, 1)
                for y in re.findall(r'<word [^>]*yMax="([\d.]+)">笔记</word>', page)]
    assert len(headings) == printed.count("\n笔记\n") > 10
    assert all(bottom - y >= box for _, y in headings), [number for number, y in headings if bottom - y < box]


def kilobytes(path):
    return f"{round(path.stat().st_size / 1000)} KB"


def test_the_handout_links_say_the_language_and_the_size(site):
    def links(edition):
        page = (site / edition / "2026-04-26-xinhua/opinion/index.html").read_text("utf-8")
        return dict((re.search(r"opinion\.([\w-]+)\.pdf", href).group(1), label) for href, label in
                    re.findall(r'<a href="([^"]*/pdf/[^"]*)" download>([^<]*)</a>', page))

    size = {mode: kilobytes(site / PDF / f"opinion.{mode}.pdf") for mode in ("zh-Hans", "zh-Hant", "bilingual",
                                                                             "study-pack")}
    assert links("en") == {
        "zh-Hans": f"Simplified Chinese (PDF, {size['zh-Hans']})",
        "zh-Hant": f"Traditional Chinese (PDF, {size['zh-Hant']})",
        "bilingual": f"Chinese–English (PDF, {size['bilingual']})",
        "study-pack": f"Study pack: clauses with their explanations, in Simplified Chinese only (PDF, {size['study-pack']})"}
    assert links("zh-Hant")["study-pack"] == f"學習材料：逐條對照解讀，僅有簡體版（PDF，{size['study-pack']}）"
    assert links(".")["study-pack"] == f"学习材料：逐条对照解读（PDF，{size['study-pack']}）"
    assert links(".")["bilingual"] == f"中英对照（PDF，{size['bilingual']}）"
