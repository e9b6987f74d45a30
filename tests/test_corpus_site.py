"""Every corpus pair and page as a bulletin of its own, beside the first one, built as a site:
the pages render, and the cross-links show on both sides and land where they say.

The handouts are left out (pdfs=False): test_handouts prints them for the first bulletin, and
the PDFs of seven more bulletins would add a minute and nothing new to this test.
"""
import functools
import hashlib
import http.server
import json
import re
import shutil
import threading
from html import unescape
from urllib.parse import urlsplit

import pytest

from build_tools.pipeline import build
from build_tools.project import Project
from conftest import CORPUS, REPO, QuietHandler

pytestmark = pytest.mark.e2e

PAIRS = sorted(p for p in CORPUS.iterdir() if (p / "document.txt").exists())
PAGES = json.loads((CORPUS / "pages" / "pages.json").read_text("utf-8"))
EDITIONS = ("", "zh-Hant/", "en/")
REGULATIONS = "2020-01-06-party-organs-regulations"
BULLETIN_ID = "2026-04-26-xinhua"


def add_bulletin(source_texts, name: str, data: bytes) -> None:
    folder = source_texts / name
    folder.mkdir()
    (folder / "source.txt").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    (folder / "bulletin.yml").write_text(f"publisher: 人民日报\npublisher_en: People's Daily\ndate: {name[:10]}\n"
                                         f"sha256: {digest}\n", "utf-8")


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus-project")
    for name in ("mkdocs.yml", "overrides", "source_texts"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    for pair in PAIRS:  # a document followed by its interview, separated by blank lines
        add_bulletin(root / "source_texts", pair.name,
                     (pair / "document.txt").read_bytes() + b"\r\n\r\n" + (pair / "interview.txt").read_bytes())
    for name in PAGES:
        add_bulletin(root / "source_texts", name, (CORPUS / "pages" / f"{name}.txt").read_bytes())
    # The report's lead is a passage a curated link may name (the aligner leaves passages out).
    (root / "source_texts" / REGULATIONS / "links.yml").write_text(
        "add:\n  - from: interview__q9__a1\n    to: regulations__lead__p4\n"
        "    reason: 学习宣传、贯彻落实 restates the 通知 the report quotes\n", "utf-8")
    bulletins = build(Project(root), pdfs=False)
    return root / "site", {b.id: b for b in bulletins}


def page(site, edition: str, bulletin: str, article: str) -> str:
    return (site / edition / bulletin / article / "index.html").read_text("utf-8")


def test_every_article_of_every_corpus_bulletin_has_its_page_in_each_edition(corpus_site):
    site, bulletins = corpus_site
    for name in [p.name for p in PAIRS] + list(PAGES):
        for article in bulletins[name].articles:
            for edition in EDITIONS:
                html = page(site, edition, name, article.id)
                assert article.id in html and "<h1" in html, (edition, name, article.id)
    for name, expected in PAGES.items():
        headings = [unescape(page(site, "", name, a.id).split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0])
                    for a in bulletins[name].articles]
        assert headings == expected["titles"]


@pytest.mark.parametrize("pair", [p.name for p in PAIRS])
def test_cross_links_show_on_both_sides(corpus_site, pair):
    site, bulletins = corpus_site
    document = next(a for a in bulletins[pair].articles if a.kind == "policy")
    interview = next(a for a in bulletins[pair].articles if a.kind == "interview")
    for edition in EDITIONS:
        explained = page(site, edition, pair, document.id)
        explains = page(site, edition, pair, interview.id)
        assert f'href="../{interview.id}/#{interview.id}__q' in explained, (edition, pair)
        assert 'class="xref xref-explains"' in explains and f'href="../{document.id}/#{document.id}__' in explains
        compare = page(site, edition, pair, f"{document.id}-explained")
        assert "pair-row" in compare


@pytest.fixture(scope="module")
def corpus_server(corpus_site):
    """The corpus site on 127.0.0.1; its base address."""
    handler = functools.partial(QuietHandler, directory=str(corpus_site[0]))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_regulation_article_link_lands_on_its_article(corpus_server, browser):
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(f"{corpus_server}/en/2020-01-06-party-organs-regulations/interview/")
    link = tab.locator(".xref-explains a", has_text="Article 4").first
    assert link.is_visible() or link.count()
    link.click()
    tab.wait_for_url("**/regulations/#regulations__ch1__art4")
    target = tab.locator("[id='regulations__ch1__art4']")
    box = target.bounding_box()
    assert box and 0 <= box["y"] < 900
    assert tab.locator("h1").inner_text().startswith("中共中央印发") or "Regulations" in tab.title()
    tab.close()


# Run before the search opens: what the page had downloaded when the first result showed.
FIRST_SHOWN = """() => new MutationObserver((changes, observer) => {
    if (!document.querySelector("dialog a.site-search__link")) return;
    window.firstShown = performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname);
    observer.disconnect();
}).observe(document.body, {childList: true, subtree: true})"""


def search_corpus(browser, base: str, query: str):
    """A first search from the newest bulletin's page: (what was downloaded when the first result
    showed, the status once the search is complete, every result's path after all are shown, and
    the bulletin each names)."""
    from playwright.sync_api import expect

    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(f"{base}/{BULLETIN_ID}/auto-show/")
    tab.evaluate(FIRST_SHOWN)
    tab.get_by_role("button", name="搜索").click()
    tab.get_by_role("searchbox", name="搜索").wait_for()
    tab.keyboard.insert_text(query)
    status = tab.get_by_role("dialog").get_by_role("status")
    expect(status).not_to_be_empty(timeout=15_000)
    more = tab.locator("dialog .site-search__more")
    while more.is_visible():
        shown = tab.locator("dialog a.site-search__link").count()
        more.click()
        expect(tab.locator("dialog a.site-search__link")).not_to_have_count(shown)
    paths = [urlsplit(href).path for href in
             tab.eval_on_selector_all("dialog a.site-search__link", "links => links.map((a) => a.href)")]
    sources = tab.locator("dialog .site-search__link .site-search__source").all_inner_texts()
    found = tab.evaluate("window.firstShown"), status.inner_text(), paths, sources
    tab.close()
    return found


def test_a_search_lists_the_newest_year_first_then_the_whole_archive(corpus_site, corpus_server, browser):
    """The bundle of each older year is merged once the newest year's first results show
    (build_tools/search_index.py): a first search does not download the archive's metadata."""
    site, _ = corpus_site
    assert json.loads((site / "pagefind" / "groups.json").read_text("utf-8")) == {"older": ["2020", "2019"]}
    for year in ("2020", "2019"):
        entry = json.loads((site / "pagefind" / year / "pagefind-entry.json").read_text("utf-8"))
        assert sorted(entry["languages"]) == ["en", "zh-hans", "zh-hant"]
        assert not (site / "pagefind" / year / "pagefind.js").exists()  # the scripts come from pagefind/ only
    # 发展 is on five pages of the newest bulletin, and on many of the older years'.
    before, status, paths, _ = search_corpus(browser, corpus_server, "发展")
    assert before and not any(p.startswith("/pagefind/20") or p.endswith("groups.json") for p in before), before
    assert all(p.startswith(f"/{BULLETIN_ID}/") for p in paths[:5]), paths
    older = [p for p in paths[5:] if p.startswith(("/2019-", "/2020-"))]
    assert older and len(paths) == len(set(paths)), paths
    assert status == f"找到 {len(paths)} 个符合条件的结果"
    # 野生动物 is in 2020's bulletins only: with fewer than five results, the older years are searched
    # before any is shown.
    _, status, paths, sources = search_corpus(browser, corpus_server, "野生动物")
    assert paths and all(p.startswith("/2020-02-25-") for p in paths), paths
    # Each result names its bulletin: the same interview is printed in two of them.
    assert sources == ["人民日报 2020年2月25日"] * len(paths)


def test_inspect_flags_every_guess_it_made_on_the_corpus(corpus_site):
    """What inspect lists as settled is right (articles as pages.json has them); what was guessed says so."""
    from build_tools.inspection import load_texts, report
    from build_tools.linking import crosslink
    site, _ = corpus_site
    root = site.parent / "source_texts"
    for name in [p.name for p in PAIRS] + list(PAGES):
        bulletins = load_texts([root / name])
        text = report(bulletins, crosslink(bulletins))
        guesses = [g for g in bulletins[0].guesses if not g.corrected]
        assert text.count(" GUESS ") == len(guesses), name
        assert f"{len(guesses)} guess" in text.splitlines()[-1], name
        if name in PAGES:
            articles = [line for line in text.splitlines() if " article " in line and not line.startswith(" ")]
            assert len(articles) == PAGES[name]["articles"], name


def test_a_curated_link_to_a_reports_lead_shows_on_both_sides(corpus_site):
    site, _ = corpus_site
    regulations = page(site, "", REGULATIONS, "regulations")
    assert 'href="../interview/#interview__q9__a1"' in regulations
    interview = page(site, "", REGULATIONS, "interview")
    assert 'href="../regulations/#regulations__lead__p1">《条例》导语</a>' in interview
    english = page(site, "en/", REGULATIONS, "interview")
    assert "the report&#39;s lead" in english or "the report's lead" in english


def test_a_page_weighs_the_same_however_many_bulletins_the_site_holds(corpus_site, site):
    """The navigation lists only the page's own bulletin, and a bulletin left out leaves no blank line
    behind: the first bulletin's pages are byte for byte those of a site holding it alone."""
    many, _ = corpus_site

    def page_bytes(root, edition, article):
        # The corpus site is built without handouts, so its links give no file sizes ("PDF, 320 KB").
        return re.sub(rb"(?:\xef\xbc\x8c|, )\d[\d.]* [KM]B", b"",
                      (root / edition / BULLETIN_ID / article / "index.html").read_bytes())

    for article in ("auto-show", "flood-control"):
        for edition in EDITIONS:
            assert page_bytes(many, edition, article) == page_bytes(site, edition, article), (edition, article)


def test_a_year_whose_bundle_is_missing_is_left_out_not_the_search(corpus_site, corpus_server, browser):
    """A deployment still uploading, say: the other years' results are listed, and nothing fails."""
    site, _ = corpus_site
    year = site / "pagefind" / "2019"
    aside = site.parent / "2019-aside"
    year.rename(aside)
    try:
        _, status, paths, _ = search_corpus(browser, corpus_server, "发展")
    finally:
        aside.rename(year)
    assert any(p.startswith("/2020-") for p in paths) and not any(p.startswith("/2019-") for p in paths), paths
    assert status == f"找到 {len(paths)} 个符合条件的结果"
