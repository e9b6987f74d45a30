"""PDF handouts, read back with poppler: what is printed (the documents and interviews, one file per
edition, and the study pack), bookmarks and contents, fonts embedded as the glyphs used, every clause in
order, page numbers, study pack, pages filled, tagging, and the links that offer them."""
import re
import subprocess
import zlib

import pytest

from build_tools.convert import Converter, load_overrides
from build_tools.editions import make_editions
from build_tools.handouts import render_handouts, write_pdfs
from build_tools.linking import crosslink
from build_tools.project import Project
from conftest import CHECKOUT, REPO

traditional = Converter(load_overrides(CHECKOUT.overrides_file))

pytestmark = pytest.mark.e2e

PDF = "2026-04-26-xinhua/pdf"
# The bulletin's handout in each edition: the Opinion, then the interview.
SET = {mode: f"2026-04-26-xinhua.{mode}.pdf" for mode in ("zh-Hans", "zh-Hant", "bilingual")}


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
    # The running title is a page's first line: the title of the text the page is in.
    running = {page.strip().splitlines()[0] for page in pages[1:] if page.strip()}
    kept = []
    for page in pages:
        lines = page.splitlines()
        kept += [line for line in lines if not re.match(r"^\s*(\d+\s*/\s*\d+|https?://\S+)\s*$", line)
                 and not re.match(FOOTER, line) and line.strip() not in running]
    return "\n".join(kept)


def pdf_objects(path):
    """Every object of a PDF as its source bytes, by number: the file's own and those in object streams."""
    data = path.read_bytes()
    objects = {int(found.group(1)): found.group(2) for found in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S)}
    for body in list(objects.values()):
        head = re.match(rb"<<(.*?)>>\s*stream\r?\n", body, re.S)
        if not head or b"/ObjStm" not in head.group(1):
            continue
        first = int(re.search(rb"/First (\d+)", head.group(1)).group(1))
        stream = zlib.decompress(body[head.end():])
        numbers = [int(n) for n in stream[:first].split()]
        starts = numbers[1::2] + [len(stream) - first]
        for number, start, end in zip(numbers[::2], starts, starts[1:]):
            objects[number] = stream[first + start:first + end]
    return objects


def pdf_string(value):
    """A PDF string as WeasyPrint writes it: UTF-16 in hex, or literal."""
    if value.startswith(b"<"):
        return bytes.fromhex(value[1:-1].decode()).decode("utf-16")
    return value[1:-1].decode("latin-1")


def bookmarks(path):
    """The PDF's outline: (depth, title, page number), in order."""
    objects = pdf_objects(path)
    def ref(body, key):
        found = re.search(rb"/" + key + rb" (\d+) 0 R", body)
        return int(found.group(1)) if found else None
    catalog = next(body for body in objects.values() if b"/Type /Catalog" in body)
    kids = re.search(rb"/Kids \[([^\]]*)\]", objects[ref(catalog, b"Pages")]).group(1)
    page_of = {int(n): i for i, n in enumerate(re.findall(rb"(\d+) 0 R", kids), 1)}
    found = []
    def walk(number, depth):
        while number is not None:
            item = objects[number]
            title = re.search(rb"/Title (<[0-9a-fA-F]*>|\((?:[^()\\]|\\.)*\))", item).group(1)
            page = int(re.search(rb"/Dest \[(\d+) 0 R", item).group(1))
            found.append((depth, pdf_string(title), page_of[page]))
            walk(ref(item, b"First"), depth + 1)
            number = ref(item, b"Next")
    outlines = ref(catalog, b"Outlines")
    walk(ref(objects[outlines], b"First") if outlines else None, 1)
    return found


def test_the_handouts_are_the_documents_and_interviews_per_edition_and_the_study_pack(site, seed):
    # A study group studies the Opinion and its interview: one file per edition holds both (the English of
    # both is complete, so there is a Chinese–English one too); the news items get none.
    names = sorted(p.name for p in (site / PDF).iterdir())
    assert names == sorted([*SET.values(), "opinion.study-pack.pdf"])
    titles = {a.id: a.title.text for a in seed.articles}
    for mode, name in SET.items():
        texts = [(title, page) for depth, title, page in bookmarks(site / PDF / name) if depth == 1]
        convert = traditional if mode == "zh-Hant" else (lambda t: t)
        assert [title for title, _ in texts] == [convert(titles["opinion"]), convert(titles["interview"])], name
        assert texts[0][1] == 1 and texts[1][1] > 1, texts


@pytest.mark.parametrize("mode", ["zh-Hans", "bilingual"])
def test_every_section_and_question_is_a_bookmark_and_the_contents_give_each_texts_page(site, seed, mode):
    marks = bookmarks(site / PDF / SET[mode])
    interview = next(a for a in seed.articles if a.id == "interview")
    questions = [b for b in interview.blocks if b.type == "question"]
    assert len([m for m in marks if m[0] == 2]) >= len(questions) + 3, marks  # the Opinion's three parts
    first = text_of(site / PDF / SET[mode]).split("\f")[0]
    start = next(page for depth, title, page in marks if depth == 1 and title == interview.title.text)
    assert re.search(r"答记者问[\s.]*\s%d\n" % start, first), first[:400]


def test_the_study_pack_has_a_bookmark_for_every_clause(site, seed):
    marks = bookmarks(site / PDF / "opinion.study-pack.pdf")
    opinion = next(a for a in seed.articles if a.id == "opinion")
    clauses = [b for b in opinion.blocks if b.type == "clause"]
    assert len([m for m in marks if m[0] == 3]) >= len(clauses), marks


def fonts_of(path):
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]


@pytest.mark.parametrize("name, face", [(SET["zh-Hans"], "CJK-SC"), (SET["zh-Hant"], "CJK-TC"),
                                        (SET["bilingual"], "CJK-SC"), ("opinion.study-pack.pdf", "CJK-SC")])
def test_cjk_fonts_are_embedded_with_the_right_glyph_forms_as_the_glyphs_used(site, name, face):
    fonts = fonts_of(site / PDF / name)
    cjk = [line for line in fonts if "CJK" in line]
    assert cjk and all(face in line for line in cjk), fonts
    assert all(line.split()[-5] == "yes" for line in fonts), "every font embedded"
    # Each CJK face a CID-keyed CFF of the glyphs used (handouts._compact_fonts), not WeasyPrint's
    # subset that keeps some 63,000 empty glyphs.
    assert all("CID Type 0C " in line and "(OT)" not in line for line in cjk), cjk


def test_the_fonts_are_a_small_share_of_a_handout(site):
    # WeasyPrint's subsets made fonts 95 % of a handout and some 600 KB of every file; now they hold
    # the glyphs used.
    for path in sorted((site / PDF).iterdir()):
        assert path.stat().st_size < 450_000, (path.name, path.stat().st_size)


def test_no_news_item_has_a_handout_or_a_handout_menu(site, seed):
    for article in seed.articles:
        for edition in (".", "zh-Hant", "en"):
            page = (site / edition / "2026-04-26-xinhua" / article.id / "index.html").read_text("utf-8")
            offered = "/pdf/" in page and 'class="downloads"' in page
            assert offered == (article.kind in ("policy", "interview")), (edition, article.id)


def clause_texts(seed, convert=lambda t: t):
    opinion = next(a for a in seed.articles if a.id == "opinion")
    return [squeeze(convert(b.text)) for b in opinion.blocks if b.type == "clause"]


@pytest.mark.parametrize("mode", ["zh-Hans", "zh-Hant", "bilingual"])
def test_every_clause_is_printed_in_order_without_a_missing_character(site, seed, mode):
    # The bilingual handout sets Chinese and English in two columns: read the left one (17 mm of
    # margin and 40 % of the 176 mm between the margins: 247 pt).
    left = ("-x", "0", "-y", "0", "-W", "250", "-H", "842") if mode == "bilingual" else ()
    printed = squeeze(body_of(site / PDF / SET[mode], *left))
    position = -1
    for clause in clause_texts(seed, traditional if mode == "zh-Hant" else (lambda t: t)):
        found = printed.find(clause, position + 1)
        assert found > position, clause[:20]
        position = found


def test_the_bilingual_handout_carries_the_english_beside_each_block(site, seed):
    printed = squeeze(text_of(site / PDF / SET["bilingual"]))
    assert squeeze("(6) Strengthening algorithm governance of internet platforms. Urge internet platform companies") in printed
    assert squeeze("legal aid […] provide appropriate social assistance") in printed


@pytest.mark.parametrize("name", [SET["zh-Hans"], SET["bilingual"], "opinion.study-pack.pdf"])
def test_pages_are_numbered_n_of_total(site, name):
    pages = text_of(site / PDF / name).split("\f")[:-1]
    total = len(pages)
    for number, page in enumerate(pages, 1):
        assert re.search(rf"\b{number}\s*/\s*{total}\s*$", page.strip()), (number, page[-80:])


def test_no_line_starts_with_closing_punctuation(site):
    for name in (SET["zh-Hans"], SET["zh-Hant"], "opinion.study-pack.pdf"):
        for line in text_of(site / PDF / name).splitlines():
            assert not line.startswith(tuple("，。、；：？！）》”")), (name, line)


def test_the_footer_names_the_bulletin_and_title_where_the_site_address_is_unknown(site):
    # Each page's footer names the text the page is in: the Opinion's, then the interview's.
    pages = text_of(site / PDF / SET["zh-Hans"]).split("\f")[:-1]
    opinion = "新华社 2026年4月26日 · 中共中央办公厅国务院办公厅关于加强新就业群体服务管理的意见"
    interview = "新华社 2026年4月26日 · 中央社会工作部负责人就《关于加强新就业群体服务管理的意见》答记者问"
    footers = [opinion in page for page in pages]
    assert footers[0] and footers.index(False) > 0, footers
    assert all(interview in page for page in pages[footers.index(False):]), "the interview's pages name it"
    simplified = "".join(pages)
    assert "新華社 2026年4月26日 · 中共中央辦公廳國務院辦公廳關於加強新就業群體服務管理的意見" in text_of(
        site / PDF / SET["zh-Hant"])
    assert "新华社 2026年4月26日 · 学习材料：《意见》逐条对照答记者问" in text_of(site / PDF / "opinion.study-pack.pdf")
    # a bare path without a host is no address a reader can follow
    assert "/2026-04-26-xinhua/opinion/" not in simplified


def test_the_footer_gives_the_full_address_where_it_is_known(seed):
    links = crosslink([seed])
    project = Project.from_environment(REPO, {"SITE_URL": "https://example.org/bulletins/"})
    pages = render_handouts([seed], links, make_editions([seed], links, project))
    assert 'data-reference="https://example.org/bulletins/zh-Hant/2026-04-26-xinhua/opinion/"' in pages[
        f"{PDF}/{SET['zh-Hant']}"]
    assert 'data-reference="https://example.org/bulletins/zh-Hant/2026-04-26-xinhua/interview/"' in pages[
        f"{PDF}/{SET['zh-Hant']}"]
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


def test_the_document_and_interview_pages_offer_their_handouts(site, seed):
    for article, files in (("opinion", [*SET.values(), "opinion.study-pack.pdf"]), ("interview", SET.values())):
        html = (site / f"en/2026-04-26-xinhua/{article}/index.html").read_text("utf-8")
        offered = re.findall(r'<a href="\.\./\.\./\.\./2026-04-26-xinhua/pdf/([^"]+)" download>', html)
        assert offered == list(files), (article, offered)


def test_cross_references_print_as_readable_references(site):
    interview = squeeze(body_of(site / PDF / SET["zh-Hans"]))
    assert squeeze("对应条款：《意见》第（六）条 加强互联网平台算法治理") in interview
    opinion = squeeze(body_of(site / PDF / SET["zh-Hans"]))
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
# interview) when no row could break; 5 and 9 now, the interview from a new page.
def test_bilingual_handouts_fill_their_pages(site):
    path = site / PDF / SET["bilingual"]
    shares = blank_shares(path)
    interview = [page for depth, _, page in bookmarks(path) if depth == 1][1]
    assert interview - 1 <= 6 and len(shares) - interview + 1 <= 10, (interview, len(shares))
    # Every page full but the last of each text.
    full = shares[:interview - 2] + shares[interview - 1:-1]
    assert all(share <= 0.2 for share in full), [round(share, 2) for share in shares]


def test_the_english_is_set_in_noto_serif_bold_where_the_chinese_is(site):
    names = {line.split()[0].split("+")[-1] for line in fonts_of(site / PDF / SET["bilingual"])}
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


def test_no_space_is_widened_by_justification(site, seed, tmp_path):
    # WeasyPrint widens spaces only: a justified Chinese line poured its slack into a Latin name's space
    # (小米Vision GT, of the car-show item, which is no longer printed: put into the interview here).
    links = crosslink([seed])
    pages = render_handouts([seed], links, make_editions([seed], links, CHECKOUT))
    page = pages[f"{PDF}/{SET['zh-Hant']}"]
    opening = "中共中央辦公廳、國務院辦公廳"
    assert opening in page
    write_pdfs({"named.pdf": page.replace(opening, "在小米Vision GT概念車旁，" + opening, 1)}, tmp_path)
    assert "小米Vision GT" in text_of(tmp_path / "named.pdf")
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


def test_the_handout_links_say_the_language_what_else_is_in_the_file_and_the_size(site):
    def links(edition, article="opinion"):
        page = (site / edition / f"2026-04-26-xinhua/{article}/index.html").read_text("utf-8")
        return dict((re.search(r"\.([\w-]+)\.pdf", href).group(1), label) for href, label in
                    re.findall(r'<a href="([^"]*/pdf/[^"]*)" download>([^<]*)</a>', page))

    size = {mode: kilobytes(site / PDF / name) for mode, name in SET.items()}
    size["study-pack"] = kilobytes(site / PDF / "opinion.study-pack.pdf")
    assert links("en") == {
        "zh-Hans": f"Simplified Chinese, with the interview (PDF, {size['zh-Hans']})",
        "zh-Hant": f"Traditional Chinese, with the interview (PDF, {size['zh-Hant']})",
        "bilingual": f"Chinese–English, with the interview (PDF, {size['bilingual']})",
        "study-pack": f"Study pack: clauses with their explanations, in Simplified Chinese only (PDF, {size['study-pack']})"}
    assert links("en", "interview")["zh-Hans"] == f"Simplified Chinese, with the Opinions (PDF, {size['zh-Hans']})"
    assert links("zh-Hant")["study-pack"] == f"學習材料：逐條對照解讀，僅有簡體版（PDF，{size['study-pack']}）"
    assert links(".")["study-pack"] == f"学习材料：逐条对照解读（PDF，{size['study-pack']}）"
    assert links(".")["bilingual"] == f"中英对照，含答记者问（PDF，{size['bilingual']}）"
    assert links(".", "interview")["zh-Hant"] == f"繁體，含《意见》（PDF，{size['zh-Hant']}）"
