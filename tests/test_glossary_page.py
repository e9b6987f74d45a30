"""Glossary marks in the text and the glossary page: one mark per term and article, entries with
anchors under a jump bar, one form where the scripts agree, places named as readers cite them.

The browser tests (marked e2e) check what only a browser shows: the computed underline, the
reader's switch remembered across pages, the jump bar and the filter at work.
"""
from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from build_tools.editions import make_editions
from build_tools.glossary import load_glossary
from build_tools.glossary_page import glossary_groups, initial, occurrences, place_label, plain
from build_tools.linking import crosslink
from build_tools.pagetext import tip_html
from build_tools.render import render_site
from conftest import CHECKOUT, article

BULLETIN = "2026-04-26-xinhua"
EDITIONS = ("zh-Hans", "zh-Hant", "en")
TERM_LINK = re.compile(r'<a class="term" href="[^"#]*#([^"]+)">')
# What a block id looks like (opinion__sec4__cl8, q1__a1 after the article's name is cut off).
BLOCK_ID = re.compile(r"[a-z0-9]__[a-z]")


@pytest.fixture(scope="module")
def pages(seed):
    return render_site([seed], CHECKOUT)


@pytest.fixture(scope="module")
def editions(seed):
    return {e.code: e for e in make_editions([seed], crosslink([seed]), CHECKOUT)}


def visible_text(page: str) -> str:
    """A page's text without its tags and attribute values (hrefs and ids may hold block ids)."""
    return html.unescape(re.sub(r"<[^>]*>", " ", page))


# ---- Marks in the text ----

@pytest.mark.parametrize("edition", EDITIONS)
def test_each_term_is_marked_once_per_article(pages, seed, edition):
    for item in seed.articles:
        marked = Counter(TERM_LINK.findall(pages[f"{edition}/{BULLETIN}/{item.id}.md"]))
        assert marked and max(marked.values()) == 1 or item.id == "auto-show", (item.id, marked.most_common(3))


@pytest.mark.parametrize("edition, marked, unmarked", [
    ("zh-Hans", "zh", "en"),
    ("zh-Hant", "zh", "en"),
    ("en", "en", "zh"),  # every block of the Opinion has its translation, which leads
])
def test_terms_are_marked_in_the_leading_language_only(pages, edition, marked, unmarked):
    page = pages[f"{edition}/{BULLETIN}/opinion.md"]
    paragraphs = re.findall(r'<p class="(zh|en) [^"]*"[^>]*>(.*?)</p>', page)
    assert any('class="term"' in body for language, body in paragraphs if language == marked)
    assert not any('class="term"' in body for language, body in paragraphs if language == unmarked)


def test_marks_per_page_before_and_after(pages):
    """Before: 81 marks on the Opinion, 18 in clause (八) (every term once per language). Now one per term."""
    page = pages[f"zh-Hans/{BULLETIN}/opinion.md"]
    marked = TERM_LINK.findall(page)
    assert len(marked) == len(set(marked)) < 50
    clause = page[page.index('id="opinion__sec4__cl8"'):page.index('id="opinion__sec4__cl9"')]
    assert len(TERM_LINK.findall(clause)) <= 9


@pytest.mark.parametrize("edition", EDITIONS)
def test_note_4_keeps_its_marker_beside_the_term_it_quotes(pages, edition):
    """m4: 党的二十大 is a glossary term and the words of note 4; the note keeps them and its number."""
    page = pages[f"{edition}/{BULLETIN}/interview.md"]
    assert re.search(r'<span class="noted">(党的二十大|黨的二十大)</span><sup class="note-ref"><a href="#note-twentieth-congress">',
                     page), edition


# ---- The entry beside a term, and the glossary page ----

@pytest.mark.parametrize("edition, head", [
    # 常住地 is written alike in both scripts: once, in the edition's script
    ("zh-Hans", '<span lang="zh-Hans">常住地</span> · <span lang="zh-Latn-pinyin">chángzhùdì</span>'),
    ("zh-Hant", '<span lang="zh-Hant">常住地</span> · <span lang="zh-Latn-pinyin">chángzhùdì</span>'),
])
def test_the_entry_beside_a_term_shows_one_form_where_the_scripts_agree(editions, edition, head):
    term = next(t for t in load_glossary(CHECKOUT.glossary_file) if t.zh == "常住地")
    assert head in tip_html(editions[edition], term)


def test_the_entry_beside_a_term_shows_both_forms_where_they_differ(editions):
    term = next(t for t in load_glossary(CHECKOUT.glossary_file) if t.zh == "新就业群体")
    assert ('<span lang="zh-Hant">新就業群體</span> · <span lang="zh-Hans">新就业群体</span>'
            in tip_html(editions["zh-Hant"], term))


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_entry_and_initial_has_an_anchor_the_jump_bar_links_to(pages, edition):
    page = pages[f"{edition}/glossary.md"]
    assert "  - toc" in page, "the empty contents column gives way to the jump bar"
    entries = re.findall(r'<section class="glossary-entry" id="(term-[a-z0-9-]+)"', page)
    assert len(entries) == len(set(entries)) == len(load_glossary(CHECKOUT.glossary_file))
    groups = re.findall(r'<section class="glossary-group" id="(letter-[a-z0-9-]+)"', page)
    bar = page[page.index('<nav class="glossary-bar"'):page.index("</nav>")]
    assert re.findall(r'href="#(letter-[a-z0-9-]+)"', bar) == groups and len(groups) > 10


@pytest.mark.parametrize("edition, letters", [
    ("zh-Hans", ["C", "D", "E", "F", "G"]),  # pinyin: chángzhùdì, chuílèi…, dǎng de èrshí dà …
    ("zh-Hant", ["C", "D", "E", "F", "G"]),
    ("en", ["0–9", "A", "B", "C", "D"]),      # English: 15th Five-Year Plan …, agricultural technology …
])
def test_the_jump_bar_is_pinyin_on_chinese_editions_and_english_on_the_english(editions, seed, edition, letters):
    terms = load_glossary(CHECKOUT.glossary_file)
    groups = glossary_groups(terms, occurrences(terms, [seed]), editions[edition])
    assert [g.letter for g in groups][:5] == letters
    for group in groups:
        for entry in group.entries:
            key = entry["en"] if edition == "en" else plain(entry["pinyin"])
            assert initial(key) == group.letter, (group.letter, key)
    if edition == "en":
        english = [e["en"].lower() for g in groups for e in g.entries]
        assert english == sorted(english), "an English reader finds 'algorithm' under A, in order"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_glossary_shows_no_block_ids_and_no_doubled_forms(pages, edition):
    text = visible_text(pages[f"{edition}/glossary.md"])
    assert not BLOCK_ID.search(text), BLOCK_ID.search(text)
    assert not re.search(r"([\u4e00-\u9fff]+) · \1(?![\u4e00-\u9fff])", text), "常住地 · 常住地"
    page = pages[f"{edition}/glossary.md"]
    assert not re.search(r'<span lang="zh-Han[st]">([^<]+)</span> · <span lang="zh-Han[st]">\1</span>', page)


@pytest.mark.parametrize("edition, zh, expected", [
    # A clause of the Opinion; a term in the interview's answers only; one in a news report.
    ("zh-Hans", "常住地", '<dd><span title="中共中央办公厅国务院办公厅关于加强新就业群体服务管理的意见">《意见》</span>：'
                       f'<a href="../{BULLETIN}/opinion/#opinion__sec4__cl8">第（八）条</a></dd>'),
    ("zh-Hant", "常住地", '《意見》</span>：<a href="../{}/opinion/#opinion__sec4__cl8">第（八）條</a></dd>'.format(BULLETIN)),
    ("en", "常住地", f'>The Opinions</span>: <a href="../{BULLETIN}/opinion/#opinion__sec4__cl8">clause (8)</a></dd>'),
    ("zh-Hans", "党的二十大", f'>答记者问</span>：<a href="../{BULLETIN}/interview/#interview__q1__a1">第1问·答第1段</a>、'
                         f'<a href="../{BULLETIN}/interview/#interview__q2__a1">第2问·答第1段</a></dd>'),
    ("en", "党的二十大", f'>The interview</span>: <a href="../{BULLETIN}/interview/#interview__q1__a1">Q1, answer, '
                      f'paragraph 1</a>; <a href="../{BULLETIN}/interview/#interview__q2__a1">Q2, answer, paragraph 1</a></dd>'),
    ("zh-Hans", "垂类大模型", '>《内蒙古“人工智能+”重塑千行百业》</span>：'
                         f'<a href="../{BULLETIN}/inner-mongolia-ai/#inner-mongolia-ai__p2">第2段</a></dd>'),
    ("en", "垂类大模型", f'</span>: <a href="../{BULLETIN}/inner-mongolia-ai/#inner-mongolia-ai__p2">paragraph 2</a></dd>'),
])
def test_the_glossary_names_places_as_readers_cite_them(pages, edition, zh, expected):
    page = pages[f"{edition}/glossary.md"]
    slug = next(t.slug for t in load_glossary(CHECKOUT.glossary_file) if t.zh == zh)
    entry = page[page.index(f'id="{slug}"'):]
    entry = entry[: entry.index("</section>")]
    assert expected in entry


@pytest.mark.parametrize("edition, block_id, label", [
    ("zh-Hans", "interview__q6__pt3", "第6问·第3点"),
    ("en", "interview__q6__pt3", "Q6, point 3"),
    ("zh-Hans", "interview__q6", "第6问"),
    ("en", "opinion__sec4", "part IV"),
    ("zh-Hant", "opinion__sec4", "第四部分"),
    ("en", "opinion__sec4__cl8", "clause (8)"),
    ("en", "producer-services__p13", "paragraph 13"),
])
def test_a_place_label(seed, editions, edition, block_id, label):
    item = article(seed, block_id.split("__")[0])
    block = next(b for b in item.blocks if b.id == block_id)
    assert place_label(seed, item, block, editions[edition]) == label


def test_a_term_in_many_places_lists_each_article_and_counts_the_rest(pages):
    """新就业群体 is in 44 blocks: the interview's first six places must not crowd out the Opinion's."""
    page = pages["zh-Hans/glossary.md"]
    entry = page[page.index('id="term-new-employment-groups"'):]
    entry = entry[: entry.index("</section>")]
    assert "答记者问</span>" in entry and "《意见》</span>" in entry
    assert re.search(r"等（另有\d+处）</dd>", entry)


def test_the_filter_matches_every_form(editions, seed):
    terms = load_glossary(CHECKOUT.glossary_file)
    groups = glossary_groups(terms, occurrences(terms, [seed]), editions["zh-Hans"])
    forms = next(e["search"] for g in groups for e in g.entries if e["zh"] == "新就业群体")
    for typed in ("新就业群体", "新就業群體", "new employment groups", "gig workers", "xin jiuye", "xinjiuyequnti"):
        assert typed in forms, typed


# ---- In the browser ----

@pytest.fixture
def tab(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.base = server
    yield page
    context.close()


@pytest.mark.e2e
@pytest.mark.parametrize("edition", ["", "en/"])
def test_a_term_mark_is_a_faint_dotted_underline_and_none_in_print(tab, edition):
    tab.goto(f"{tab.base}/{edition}{BULLETIN}/opinion/")
    term = tab.locator("a.term").first
    style = term.evaluate("a => { const s = getComputedStyle(a); return [s.textDecorationLine, s.textDecorationStyle,"
                          " s.textDecorationColor, s.color, getComputedStyle(a.parentElement).color]; }")
    line, kind, colour, own, around = style
    assert (line, kind) == ("underline", "dotted"), style
    assert colour == "rgba(0, 0, 0, 0.32)" and own == around, "faint, in the colour of the text"
    tab.emulate_media(media="print")
    assert term.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"
    assert tab.errors == []


@pytest.mark.e2e
def test_the_term_switch_hides_the_marks_and_is_remembered(tab):
    tab.goto(f"{tab.base}/{BULLETIN}/opinion/")
    switch = tab.get_by_role("button", name="标出术语")
    assert switch.get_attribute("aria-pressed") == "true"
    marks = tab.locator("a.term[href]")
    assert marks.count() == tab.locator("a.term").count() > 30
    switch.click()
    assert switch.get_attribute("aria-pressed") == "false"
    assert marks.count() == 0, "hidden marks are plain text: no link to tab to"
    assert tab.locator("a.term").first.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"
    tab.locator("a.term").first.hover(force=True)
    assert tab.locator(".term-tip:visible").count() == 0, "and no entry on hover"
    # Another page, another edition: still hidden, from the first paint.
    tab.goto(f"{tab.base}/zh-Hant/{BULLETIN}/interview/")
    assert tab.evaluate("document.documentElement.dataset.terms") == "hidden"
    assert tab.locator("a.term[href]").count() == 0
    switch = tab.get_by_role("button", name="標出術語")
    assert switch.get_attribute("aria-pressed") == "false"
    switch.click()
    every = tab.locator("a.term").count()
    assert tab.locator("a.term[href]").count() == every > 30
    tab.reload()
    assert tab.locator("a.term[href]").count() == every and tab.evaluate("document.documentElement.dataset.terms") is None
    assert tab.errors == []


@pytest.mark.e2e
def test_note_4_marker_is_on_the_interview_page(tab):
    tab.goto(f"{tab.base}/{BULLETIN}/interview/#interview__q1__a1")
    marker = tab.locator('#interview__q1__a1 p.zh .note-ref a[href="#note-twentieth-congress"]')
    assert marker.is_visible() and marker.inner_text() == "注4"


@pytest.mark.e2e
@pytest.mark.parametrize("width", [1280, 390])
def test_the_glossary_jump_bar_lands_below_the_bar(browser, server, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{server}/en/glossary/")
    assert page.locator(".md-sidebar--secondary").is_hidden(), "no empty contents column"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the bar never widens the page"
    letter = page.locator(".glossary-letters a", has_text="S")
    letter.scroll_into_view_if_needed()
    letter.click()
    page.wait_for_url("**/en/glossary/#letter-s")
    page.wait_for_timeout(100)
    heading = page.locator("#letter-s h2").bounding_box()
    bar = page.locator(".glossary-bar").bounding_box()
    assert heading["y"] >= bar["y"] + bar["height"] - 1 and heading["y"] < 400, (heading, bar)
    assert page.locator("#letter-s .glossary-entry").first.inner_text().lower().startswith("s")
    page.close()


@pytest.mark.e2e
@pytest.mark.parametrize("edition, typed, expected", [
    ("en/", "courier", {"term-couriers"}),
    ("", "新就業群體", {"term-new-employment-groups"}),           # Traditional on the Simplified edition
    ("zh-Hant/", "xīn jiùyè", {"term-new-employment-groups", "term-new-forms-of-employment"}),
    ("zh-Hant/", "XinJiuye", {"term-new-employment-groups", "term-new-forms-of-employment"}),
])
def test_the_glossary_filter(tab, edition, typed, expected):
    tab.goto(f"{tab.base}/{edition}glossary/")
    field = tab.locator(".glossary-filter")
    field.fill(typed)
    shown = set(tab.locator(".glossary-entry:visible").evaluate_all("all => all.map(e => e.id)"))
    assert expected <= shown and len(shown) <= len(expected) + 2, shown
    assert str(len(shown)) in tab.locator(".glossary-count").inner_text()
    disabled = tab.locator('.glossary-letters a[aria-disabled="true"]').count()
    assert disabled >= tab.locator(".glossary-letters a").count() - len(shown)
    field.fill("量子纠缠")
    assert tab.locator(".glossary-entry:visible").count() == 0 and tab.locator(".glossary-none").is_visible()
    field.fill("")
    assert tab.locator(".glossary-entry:visible").count() == len(load_glossary(CHECKOUT.glossary_file))
    assert tab.errors == []


@pytest.mark.e2e
@pytest.mark.parametrize("edition", ["", "zh-Hant/", "en/"])
def test_the_glossary_page_shows_no_block_id(tab, edition):
    tab.goto(f"{tab.base}/{edition}glossary/")
    text = tab.locator("article").inner_text()
    assert not BLOCK_ID.search(text), BLOCK_ID.search(text)
    assert not re.search(r"([\u4e00-\u9fff]+) · \1(?![\u4e00-\u9fff])", text)
