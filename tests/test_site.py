"""End to end: the real build, served on localhost, read in Debian's Chromium."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from build_tools.pipeline import build
from build_tools.project import Project
from conftest import CHECKOUT, REPO, QuietHandler, record_sha256, watched_tab

pytestmark = pytest.mark.e2e

BULLETIN = "2026-04-26-xinhua"
ARTICLES = ["interview", "producer-services", "opinion", "auto-show", "flood-control", "inner-mongolia-ai",
            "trial-fields"]


@pytest.fixture
def page(browser, server):
    with watched_tab(browser, server) as tab:
        yield tab


def test_one_page_per_article_and_the_published_data(site):
    for name in ARTICLES:
        assert (site / BULLETIN / name / "index.html").is_file(), name
    assert (site / "index.html").is_file() and (site / BULLETIN / "index.html").is_file()
    data = json.loads((site / BULLETIN / f"{BULLETIN}.json").read_text("utf-8"))
    assert [a["id"] for a in data["bulletins"][0]["articles"]] == ARTICLES


def test_the_policy_page_renders_its_clauses_with_permalinks(page):
    page.goto(f"{page.base}/{BULLETIN}/opinion/")
    assert page.title().startswith("中共中央办公厅国务院办公厅关于加强新就业群体服务管理的意见")
    clause = page.locator("#opinion__sec4__cl8")
    assert clause.is_visible()
    # Blocks far from the screen are not laid out (content-visibility), so their innerText is
    # empty until the reader scrolls to them.
    clause.scroll_into_view_if_needed()
    page.wait_for_function("id => document.getElementById(id).innerText !== ''", arg="opinion__sec4__cl8")
    assert clause.inner_text().startswith("（八）提高公共服务水平。推行由常住地提供基本公共服务")
    assert clause.locator("p.zh strong").inner_text() == "（八）提高公共服务水平。"
    assert clause.locator("p.en").get_attribute("lang") == "en"
    assert clause.locator("a.blk-link").get_attribute("href") == "#opinion__sec4__cl8"
    note = page.locator("#opinion__continued")
    assert note.is_visible() and "不在本期公报中" in note.inner_text()
    assert page.locator("#opinion__sec4").inner_text().startswith("四、加大关爱力度")
    assert page.errors == [] and page.outside == []


def test_a_deep_link_lands_on_its_block(page):
    page.goto(f"{page.base}/{BULLETIN}/interview/#interview__q6__pt3")
    point = page.locator("#interview__q6__pt3")
    assert point.inner_text().startswith("三是发挥党组织")
    box = point.bounding_box()
    assert 0 <= box["y"] < 900, "the linked point is in view"


def test_the_bulletin_home_lists_every_article_with_kind_and_summary(page):
    page.goto(f"{page.base}/{BULLETIN}/")
    entries = page.locator("p.article-entry")
    assert entries.count() == 8  # seven articles, and the Opinion's side-by-side page with the interview
    assert entries.nth(2).inner_text() == "政策文件上接第1版 本期收录第（四）条后半至第（十二）条（第三至六部分）。"
    assert entries.nth(3).inner_text().startswith("对照 ")
    page.get_by_role("link", name="试验田里亮“新招”").first.click()
    page.wait_for_url(f"{page.base}/{BULLETIN}/trial-fields/")
    assert page.errors == [] and page.outside == []


SEARCH_FILES = ("/pagefind/", "site-search", "script-map", "search.css")


def open_search(page, name="搜索"):
    """Clicks the header button: the dialog, then Pagefind, load on this first open."""
    page.get_by_role("button", name=name).click()
    box = page.get_by_role("searchbox", name=name)
    box.wait_for()
    return box


def search(page, query):
    """Types into the open dialog; the links of the results shown, once their number is announced."""
    from playwright.sync_api import expect

    page.keyboard.insert_text(query)
    expect(page.get_by_role("dialog").get_by_role("status")).not_to_be_empty(timeout=10_000)
    return page.locator("dialog a.site-search__link")


@pytest.mark.parametrize("query, expected", [
    ("算法", "opinion"),        # inside 加强互联网平台算法治理 and 规范算法
    ("快递小哥", "interview"),   # inside the 5 March 2025 remark the interview quotes
    ("防汛", "flood-control"),  # inside 防汛抗旱责任人
])
def test_chinese_search_finds_words_inside_sentences(page, query, expected):
    page.goto(f"{page.base}/{BULLETIN}/auto-show/")
    open_search(page)
    results = search(page, query)
    # A result leads to the block that holds the words, with the query for marking them there.
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert urlsplit(hrefs[0]).path == f"/{BULLETIN}/{expected}/", hrefs
    assert parse_qs(urlsplit(hrefs[0]).query) == {"h": [query]} and urlsplit(hrefs[0]).fragment, hrefs
    # Listing pages are not indexed, so a passage is found once, on its article.
    assert all(h.startswith(f"/{BULLETIN}/") and h.rstrip("/") != f"/{BULLETIN}" for h in hrefs), hrefs
    assert query in "".join(results.first.locator("mark").all_inner_texts()), "the excerpt marks the words found"
    results.first.click()
    page.wait_for_url(f"{page.base}/{BULLETIN}/{expected}/**")
    assert page.errors == [] and page.outside == []


def test_a_page_view_loads_nothing_of_search_until_it_is_opened(page):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{page.base}/{BULLETIN}/opinion/", wait_until="networkidle")
    page.mouse.wheel(0, 2000)
    page.get_by_role("button", name="仅中文").click()
    page.wait_for_load_state("networkidle")
    assert [u for u in requested if any(name in u for name in SEARCH_FILES)] == []
    open_search(page)
    search(page, "算法")
    assert [u for u in requested if "/pagefind/wasm." in u], "the first open loads Pagefind"
    assert page.errors == [] and page.outside == []


def test_search_by_keyboard_alone(page):
    from playwright.sync_api import expect

    page.goto(f"{page.base}/{BULLETIN}/auto-show/")
    button = page.get_by_role("button", name="搜索")
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="搜索")
    box = dialog.get_by_role("searchbox", name="搜索")
    expect(box).to_be_focused()
    results = search(page, "算法")
    expect(dialog.get_by_role("status")).to_have_text("找到 2 个符合条件的结果")
    assert results.count() == 2
    page.keyboard.press("ArrowDown")
    expect(results.first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()
    # Ctrl+K opens it again with the last query, selected so that typing replaces it.
    page.keyboard.press("Control+k")
    expect(box).to_be_focused()
    assert box.input_value() == "算法" and box.evaluate("el => [el.selectionStart, el.selectionEnd]") == [0, 2]
    page.keyboard.press("Enter")
    page.wait_for_url(f"{page.base}/{BULLETIN}/opinion/?h=%E7%AE%97%E6%B3%95#opinion__sec3__cl6")
    assert page.errors == [] and page.outside == []


def test_what_is_typed_while_search_loads_is_kept(page):
    """The reader presses / and types at once, before the dialog has loaded over the network."""
    from playwright.sync_api import expect

    page.route("**/site-search/search.js", lambda route: (page.wait_for_timeout(800), route.continue_()))
    page.goto(f"{page.base}/en/{BULLETIN}/auto-show/")
    page.keyboard.press("/")
    page.keyboard.type("algorithm")
    box = page.get_by_role("dialog", name="Search").get_by_role("searchbox", name="Search")
    expect(box).to_have_value("algorithm")
    expect(box).to_be_focused()
    expect(page.get_by_role("dialog").get_by_role("status")).to_have_text(re.compile(r"^\d+ "))
    assert page.locator(".site-search__standin").count() == 0
    assert page.errors == [] and page.outside == []


def test_more_results_load_five_at_a_time(page):
    from playwright.sync_api import expect

    page.goto(f"{page.base}/{BULLETIN}/auto-show/")
    open_search(page)
    fragments = []
    page.on("request", lambda r: fragments.append(r.url) if r.url.endswith(".pf_fragment") else None)
    results = search(page, "的")  # in six of the seven articles
    expect(page.get_by_role("dialog").get_by_role("status")).to_have_text("找到 6 个符合条件的结果")
    assert results.count() == 5 and len(fragments) == 5, "only the results shown are downloaded"
    page.get_by_role("button", name="显示更多结果").click()
    expect(results).to_have_count(6)
    expect(results.nth(5)).to_be_focused()
    expect(page.get_by_role("button", name="显示更多结果")).to_be_hidden()
    assert len(fragments) == 6
    hrefs = [results.nth(i).get_attribute("href") for i in range(6)]
    assert len(set(hrefs)) == 6, hrefs
    assert page.errors == [] and page.outside == []


def test_markup_in_a_source_text_is_shown_as_text_never_run(tmp_path, browser):
    """Titles reach theme templates that do not escape them (nav, <title>): they must be made safe."""
    for name in ("mkdocs.yml", "overrides"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, tmp_path / name)
    folder = tmp_path / "source_texts" / "hostile"
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text('标题"><img src=x onerror=alert(1)>\n\n正文<script>alert(2)</script>内容。\n', "utf-8")
    record_sha256(folder)
    build(Project(tmp_path))
    html = (tmp_path / "site" / "hostile" / "news" / "index.html").read_text("utf-8")
    assert "<img src=x" not in html and "<script>alert" not in html
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((tmp_path / "site" / "hostile" / "news" / "index.html").as_uri())
    assert page.locator("h1").inner_text().startswith('标题"><img src=x onerror=alert(1)>')
    assert "正文<script>alert(2)</script>内容。" in page.locator("#news__p1").inner_text()
    assert dialogs == []
    page.close()
    # Search shows the same text as text: excerpts keep Pagefind's <mark> and nothing else.
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/hostile/news/")
        open_search(page)
        result = search(page, "正文").first
        assert result.locator(".site-search__title").inner_text().startswith('标题"><img src=x onerror=alert(1)>')
        assert "<script>alert(2)</script>" in result.locator(".site-search__excerpt").inner_text()
        assert page.locator("dialog img, dialog script").count() == 0
        assert result.locator(".site-search__excerpt *").evaluate_all("els => els.map(e => e.tagName)") == ["MARK"]
        assert dialogs == []
        page.close()
    finally:
        httpd.shutdown()


def test_the_same_inputs_give_the_same_bytes(site):
    """A second build of the same project, into another folder, is byte for byte the same."""
    again = site.parent / "site-again"
    build(Project(site.parent), site_dir=again)
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_a_published_site_names_each_pages_other_editions_for_search_engines(site):
    """With its address known (SITE_URL), each page names itself (canonical) and each edition's
    sitemap names the same page in the other editions (hreflang, absolute, as search engines
    require). No <link rel="alternate"> in a page's head: Material's script would fetch
    <that address>/sitemap.xml for each (a 404 in the console)."""
    published = site.parent / "site-published"
    build(Project.from_environment(site.parent, {"SITE_URL": "https://example.org/bulletins/"}), site_dir=published)
    page = f"{BULLETIN}/interview/"
    for edition in ("", "zh-Hant/", "en/"):
        head = (published / edition / page / "index.html").read_text("utf-8").split("</head>")[0]
        assert f'<link rel="canonical" href="https://example.org/bulletins/{edition}{page}">' in head
        assert 'rel="alternate"' not in head
        sitemap = (published / edition / "sitemap.xml").read_text("utf-8")
        entry = sitemap.split(f"<loc>https://example.org/bulletins/{edition}{page}</loc>")[1].split("</url>")[0]
        assert re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry) == [
            ("zh-Hans", f"https://example.org/bulletins/{page}"),
            ("zh-Hant", f"https://example.org/bulletins/zh-Hant/{page}"),
            ("en", f"https://example.org/bulletins/en/{page}"),
            ("x-default", f"https://example.org/bulletins/{page}")]
    # Without an address (a local build) there is nothing absolute to name.
    assert "<loc>" not in (site / "sitemap.xml").read_text("utf-8")


def test_the_traditional_editions_interface_has_no_simplified_characters(site):
    """Material's own zh-Hant strings left a Simplified 个 in the search status; the edition
    uses its Taiwan strings. Every label and string the theme writes stays the same when
    converted to Traditional."""
    from build_tools.convert import Converter, load_overrides

    traditional = Converter(load_overrides(CHECKOUT.overrides_file))
    html = (site / "zh-Hant" / BULLETIN / "interview" / "index.html").read_text("utf-8")
    strings = json.loads(re.search(r"data-search-strings='([^']*)'", html)[1])
    labels = re.findall(r'aria-label="([^"]*)"', html) + list(strings.values())
    assert "找到 1 個符合的項目" in labels
    assert [label for label in labels if traditional(label) != label] == []


def test_from_a_clause_to_its_explanation_and_back(page):
    page.goto(f"{page.base}/{BULLETIN}/opinion/")
    explained = page.locator("#opinion__sec3__cl6 + .xref-explained")
    assert "加强互联网平台算法治理" in explained.locator("mark").first.inner_text()
    explained.get_by_role("link", name="第5问·第3点").click()
    page.wait_for_url(f"{page.base}/{BULLETIN}/interview/#interview__q5__pt3")
    assert page.locator("#interview__q5__pt3").inner_text().startswith("三是加强互联网平台算法治理")
    back = page.locator("#interview__q5__pt3 + .xref-explains").get_by_role("link")
    assert back.inner_text() == "《意见》第（六）条 加强互联网平台算法治理"
    back.click()
    page.wait_for_url(f"{page.base}/{BULLETIN}/opinion/#opinion__sec3__cl6")
    assert page.locator("#opinion__sec3__cl6").is_visible()
    assert page.errors == [] and page.outside == []


def test_a_point_on_a_missing_clause_leads_to_the_outline(page):
    page.goto(f"{page.base}/{BULLETIN}/interview/#interview__q4__pt1")
    link = page.locator("#interview__q4__pt1 + .xref-explains a")
    assert link.inner_text() == "《意见》第（一）条 加强新就业群体思想政治工作"
    link.click()
    page.wait_for_url(f"{page.base}/{BULLETIN}/opinion/#opinion__sec2__cl1")
    entry = page.locator("#opinion__sec2__cl1")
    assert entry.is_visible() and "不在本期公报中" in entry.inner_text()


def test_the_side_by_side_view_and_its_coverage(page):
    page.goto(f"{page.base}/{BULLETIN}/opinion-explained/")
    row = page.locator("section#opinion__sec4__cl9")
    assert row.locator(".pair-clause").inner_text().startswith("（九）营造和谐友好从业环境")
    assert row.locator(".pair-source").all_inner_texts()[:3] == ["第6问·第2点", "第6问·第5点", "第6问·第6点"]
    coverage = page.locator("table.coverage")
    assert coverage.locator("tbody tr").count() >= 14
    assert "第8问" in coverage.locator("tr", has_text="加强组织实施").inner_text()
    assert page.errors == [] and page.outside == []


def test_every_internal_link_and_anchor_resolves(site):
    """Every relative href in the built site points at a file that exists, and at an id in it."""
    import re
    from html.parser import HTMLParser
    from urllib.parse import unquote, urljoin, urlsplit

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids, self.hrefs = set(), []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if "id" in attrs:
                self.ids.add(attrs["id"])
            if tag == "a" and attrs.get("href"):
                self.hrefs.append(attrs["href"])

    pages = {}
    for path in site.rglob("*.html"):
        collect = Collect()
        collect.feed(path.read_text("utf-8"))
        pages["/" + str(path.relative_to(site))] = collect
    broken = []
    for name, collect in pages.items():
        for link in collect.hrefs:
            if re.match(r"^[a-z]+:", link) or link.startswith("//"):
                continue
            url = urlsplit(urljoin(name, link))
            target = unquote(url.path) + ("index.html" if url.path.endswith("/") else "")
            if target not in pages and not (site / target.lstrip("/")).exists():
                broken.append(f"{name}: {link}")
            elif url.fragment and target in pages and unquote(url.fragment) not in pages[target].ids:
                broken.append(f"{name}: {link} (no such anchor)")
    assert broken == []


@pytest.mark.parametrize("edition, lang, title", [
    ("", "zh-Hans", "中共中央办公厅国务院办公厅关于加强新就业群体服务管理的意见"),
    ("zh-Hant/", "zh-Hant", "中共中央辦公廳國務院辦公廳關於加強新就業群體服務管理的意見"),
    ("en/", "en", "Opinions of the General Office of the CPC Central Committee and the General Office of the State Council"),
])
def test_each_edition_has_its_language_everywhere(page, edition, lang, title):
    page.goto(f"{page.base}/{edition}{BULLETIN}/opinion/")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text().startswith(title)
    # Every paragraph says its language; the other language of the pair is marked too.
    block = page.locator("#opinion__sec4__cl8")
    langs = block.locator("p").evaluate_all("ps => ps.map(p => p.lang)")
    assert sorted(langs) == sorted(["en", "zh-Hant" if lang == "zh-Hant" else "zh-Hans"])
    assert block.locator("p").first.get_attribute("lang") == lang
    assert page.errors == [] and page.outside == []


def test_switching_language_on_a_deep_link_keeps_page_and_anchor(page):
    page.goto(f"{page.base}/{BULLETIN}/interview/#interview__q6__pt3")
    for name, url in (("English", f"/en/{BULLETIN}/interview/"), ("繁體中文", f"/zh-Hant/{BULLETIN}/interview/"),
                      ("简体中文", f"/{BULLETIN}/interview/")):
        page.locator(".md-header__option .md-select").hover()
        page.get_by_role("link", name=name).click()
        page.wait_for_url(f"{page.base}{url}#interview__q6__pt3")
        assert page.evaluate("location.hash") == "#interview__q6__pt3"
        assert page.locator("#interview__q6__pt3").is_visible()
    assert page.errors == [] and page.outside == []


def test_the_parallel_view_toggles_and_is_remembered(page):
    page.goto(f"{page.base}/en/{BULLETIN}/opinion/")
    english, chinese = page.locator("#opinion__sec3__cl6 p.en"), page.locator("#opinion__sec3__cl6 p.zh")
    assert english.is_visible() and chinese.is_visible()
    first, second = english.bounding_box(), chinese.bounding_box()
    assert second["x"] > first["x"] + 100 and abs(second["y"] - first["y"]) < 5, "side by side on a wide screen"
    page.get_by_role("button", name="English only").click()
    assert english.is_visible() and not chinese.is_visible()
    page.reload()
    assert not page.locator("#opinion__sec3__cl6 p.zh").is_visible(), "the choice is remembered"
    page.goto(f"{page.base}/{BULLETIN}/opinion/")
    assert not page.locator("#opinion__sec3__cl6 p.en").is_visible(), "and applies on every edition"
    page.get_by_role("button", name="中英对照").click()
    assert page.locator("#opinion__sec3__cl6 p.en").is_visible()


def test_the_parallel_view_stacks_on_a_phone(browser, server):
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(f"{server}/en/{BULLETIN}/opinion/")
    english, chinese = phone.locator("#opinion__sec3__cl6 p.en"), phone.locator("#opinion__sec3__cl6 p.zh")
    assert chinese.bounding_box()["y"] > english.bounding_box()["y"] + english.bounding_box()["height"] - 1
    phone.close()


SEARCH_BUTTON = {"": "搜索", "zh-Hant/": "搜尋", "en/": "Search"}


@pytest.mark.parametrize("edition", ["", "zh-Hant/", "en/"], ids=["zh-Hans", "zh-Hant", "en"])
@pytest.mark.parametrize("query, expected", [
    ("新就业群体", {"interview", "opinion"}),   # Simplified
    ("新就業群體", {"interview", "opinion"}),   # Traditional
    ("algorithm", {"interview", "opinion"}),   # English
])
def test_every_script_finds_the_passage_in_the_readers_edition(page, edition, query, expected):
    """Each index holds its edition's language: a query in the other one searches the other
    language's index, and its results still lead to the reader's edition."""
    page.goto(f"{page.base}/{edition}{BULLETIN}/auto-show/")
    open_search(page, SEARCH_BUTTON[edition])
    results = search(page, query)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert len(hrefs) == len(set(hrefs)), "no passage twice"
    assert {urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1] for h in hrefs} == expected
    assert all(h.startswith(f"/{edition}{BULLETIN}/") for h in hrefs), hrefs
    subs = page.locator("dialog .site-search__sub").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all(h.startswith(f"/{edition}{BULLETIN}/") for h in subs), subs
    # An excerpt in the other language says so; the title is the edition's own.
    foreign = (query == "algorithm") != (edition == "en/")
    excerpt = results.first.locator(".site-search__excerpt")
    assert excerpt.get_attribute("lang") == (("zh-Hans" if edition == "en/" else "en") if foreign else None)
    titles = results.locator(".site-search__title").all_inner_texts()
    assert all(any("\u4e00" <= c <= "\u9fff" for c in t) == (edition != "en/") for t in titles), titles
    assert page.errors == [] and page.outside == []


@pytest.mark.parametrize("edition, language, term, entry", [
    ("", "zh", "新业态", "new business forms"),
    ("en/", "en", "new business forms", "新业态"),
])
def test_hovering_a_glossary_term_shows_its_entry(page, edition, language, term, entry):
    page.goto(f"{page.base}/{edition}{BULLETIN}/interview/")
    assert page.locator(".term-tip").count() == 0, "a page carries links to the glossary, not its entries"
    marked = page.locator(f"#interview__q1__a1 p.{language} a.term", has_text=term).first
    marked.hover()
    tip = page.get_by_role("tooltip")
    tip.wait_for()
    assert entry in tip.inner_text() and "xīn yètài" in tip.inner_text()
    assert marked.get_attribute("aria-describedby") == tip.get_attribute("id"), "screen readers hear the entry"
    page.keyboard.press("Escape")
    assert not tip.is_visible(), "Escape dismisses it"
    marked.focus()
    assert tip.is_visible(), "keyboard focus shows it too"
    marked.press("Enter")
    page.wait_for_url(f"{page.base}/{edition}glossary/#term-new-business-forms")
    assert page.locator("#term-new-business-forms").is_visible()
    assert page.errors == [] and page.outside == []


def test_tapping_a_glossary_term_on_a_phone_shows_its_entry_then_follows_it(browser, server):
    phone = browser.new_page(viewport={"width": 390, "height": 844}, has_touch=True)
    phone.goto(f"{server}/{BULLETIN}/interview/")
    marked = phone.locator("#interview__q1__a1 p.zh a.term", has_text="新业态").first
    marked.tap()
    tip = phone.get_by_role("tooltip")
    tip.wait_for()
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844, "on screen"
    assert phone.url.endswith("/interview/"), "the first tap stays on the page"
    marked.tap()
    phone.wait_for_url("**/glossary/#term-new-business-forms")
    phone.close()


def test_a_note_and_its_words_on_the_page(page):
    page.goto(f"{page.base}/{BULLETIN}/opinion/#opinion__sec4__cl8")
    assert page.locator("#opinion__sec4__cl8 p.zh .noted").inner_text() == "法律援助生活困难"
    page.locator("#opinion__sec4__cl8 .note-ref a").click()
    note = page.locator("#note-clause-8-missing-words")
    assert note.is_visible() and "文字脱漏" in note.inner_text()


def test_copy_buttons_put_the_permalink_and_citations_on_the_clipboard(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(f"{server}/{BULLETIN}/opinion/")
    block = tab.locator("#opinion__sec3__cl6")
    block.get_by_role("button", name="复制链接 第（六）条").click()
    assert tab.evaluate("navigator.clipboard.readText()") == f"{server}/{BULLETIN}/opinion/#opinion__sec3__cl6"
    block.get_by_role("button", name="GB/T 7714 第（六）条").click()
    citation = tab.evaluate("navigator.clipboard.readText()")
    # the block as a reader cites it, never its id (the id stays in the address)
    assert citation.startswith("新华社. 中共中央办公厅国务院办公厅关于加强新就业群体服务管理的意见（第（六）条）[EB/OL]. (2026-04-26)[")
    assert citation.endswith(f"]. {server}/{BULLETIN}/opinion/#opinion__sec3__cl6.")
    block.get_by_role("button", name="英文引文 第（六）条").click()
    english = tab.evaluate("navigator.clipboard.readText()")
    assert english.startswith("Xinhua News Agency. 2026. \u201cOpinions of the General Office of the CPC Central Committee")
    assert ",\u201d clause (6). Chinese policy bulletins" in english
    context.close()


def test_a_hostile_note_is_shown_as_text_and_runs_nothing(tmp_path, browser):
    """The renderer neutralises what `check` would reject, even when check is bypassed."""
    for name in ("mkdocs.yml", "overrides", "source_texts"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, tmp_path / name)
    (tmp_path / "source_texts/2026-04-26-xinhua/notes.yml").write_text("""
- id: payload
  block: opinion__sec4__cl8
  kind: context
  zh: '<script>alert(1)</script><img src=x onerror=alert(2)> [点我](javascript:alert(3))'
  en: '<svg onload=alert(4)> ![x](https://evil.example/x.png) [x](JaVaScRiPt&#58;alert(5))'
""", "utf-8")
    build(Project(tmp_path))
    tab = browser.new_page()
    dialogs, outside = [], []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.on("request", lambda r: outside.append(r.url) if "evil.example" in r.url else None)
    for edition in ("", "en/"):
        tab.goto((tmp_path / "site" / edition / BULLETIN / "opinion" / "index.html").as_uri())
        note = tab.locator("#note-payload")
        assert "<script>alert(1)</script>" in note.inner_text() or "<svg onload=alert(4)>" in note.inner_text()
        assert outside == [], "the remote image is not loaded"
        for link in note.locator("a").all():
            target = link.get_attribute("href") or ""
            assert not target.lower().startswith(("javascript", "data")), target
            if not target.startswith(("http://", "https://")):
                link.click(no_wait_after=True)
    assert dialogs == []
    tab.close()


def test_a_newcomer_adds_a_note_as_contributing_says(tmp_path):
    """CONTRIBUTING.md, 'Add a note': one entry in notes.yml, one build, the note is on the page."""
    import os
    import subprocess
    import sys

    for name in ("mkdocs.yml", "overrides", "source_texts"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, tmp_path / name)
    notes = tmp_path / "source_texts/2026-04-26-xinhua/notes.yml"
    notes.write_text(notes.read_text("utf-8") + """
- id: algorithm-filing
  block: opinion__sec3__cl6
  quote: 算法备案制度
  kind: context
  zh: 依据2022年3月1日起施行的《互联网信息服务算法推荐管理规定》。
  en: Under the **Provisions on the Administration of Algorithmic Recommendation**, in force since 1 March 2022.
""", "utf-8")
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    for command in (["check"], ["build"]):
        result = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(tmp_path), *command],
                                capture_output=True, text=True, env=environment)
        assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/en" / BULLETIN / "opinion/index.html").read_text("utf-8")
    assert 'id="note-algorithm-filing"' in html
    assert "<strong>Provisions on the Administration of Algorithmic Recommendation</strong>" in html
