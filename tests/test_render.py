"""Markdown pages from the model: one per article, portable, safe to render."""
import re

from build_tools.markup import text
from build_tools.editions import make_editions
from build_tools.linking import crosslink
from build_tools.navigation import nav
from build_tools.render import render_pages
from conftest import CHECKOUT, NO1, REPO, parse_file, parse_text


def simplified(bulletins):
    """The Simplified edition's pages of `bulletins`, as this checkout's project renders them."""
    links = crosslink(bulletins)
    return render_pages(bulletins, links, make_editions(bulletins, links, CHECKOUT)[0])


def test_one_page_per_article_plus_homes_and_data(seed):
    pages = simplified([seed])
    assert sorted(pages) == sorted(["index.md", "glossary.md", "2026-04-26-xinhua/index.md",
                                    "2026-04-26-xinhua/2026-04-26-xinhua.json",
                                    "2026-04-26-xinhua/opinion-explained.md"]
                                   + [f"2026-04-26-xinhua/{a.id}.md" for a in seed.articles])


def test_every_block_has_an_anchor_and_a_permalink(seed):
    pages = simplified([seed])
    for article in seed.articles:
        page = pages[f"2026-04-26-xinhua/{article.id}.md"]
        for block in article.blocks:
            if block.type in ("question", "heading"):
                assert f"{{#{block.id}}}" in page, block.id
            else:
                assert f'<div class="blk {block.type}" id="{block.id}" data-ref-zh=' in page or \
                    f'<div class="blk clause fragment" id="{block.id}" data-ref-zh=' in page, block.id
                assert f'<a class="blk-link" href="#{block.id}"' in page, block.id


def test_the_policy_page_states_its_missing_beginning(seed):
    page = simplified([seed])["2026-04-26-xinhua/opinion.md"]
    assert "本文开头刊登在第1版，不在本期公报中" in page
    assert '<p class="fragment-label">〔第（四）条，前半部分不在本期公报中〕</p><p class="zh primary" lang="zh-Hans">推广使用' in page
    assert "<strong>（八）提高公共服务水平。</strong>推行由" in page
    assert "<strong>(8) Raising the level of public services.</strong> Have " in page


def test_every_bulletin_in_the_build_is_listed(seed):
    other = parse_file(NO1 / "document.txt")
    other.meta = {"publisher": "人民日报", "date": "2020-02-06"}
    pages = simplified([seed, other])
    assert "document/opinion.md" in pages
    home = pages["index.md"]
    assert home.index("新华社 2026年4月26日") < home.index("人民日报 2020年2月6日"), "newest first"
    links = crosslink([seed, other])
    edition = make_editions([seed, other], links, CHECKOUT)[0]
    assert [list(entry)[0] for entry in nav([seed, other], links, edition)] == ["首页", "术语表", "新华社 2026年4月26日", "人民日报 2020年2月6日"]


def test_markdown_and_html_in_the_text_stay_text():
    bulletin = parse_text("标题*强调*与<b>标签</b>\n\n正文含有<script>alert(1)</script>和**星号**。\n")
    page = simplified([bulletin])["test/news.md"]
    assert "# 标题&#42;强调&#42;与&lt;b&gt;标签&lt;/b&gt; {#news__title}" in page
    assert 'title: "标题*强调*与＜b＞标签＜/b＞"' in page
    assert "正文含有&lt;script&gt;alert(1)&lt;/script&gt;和&#42;&#42;星号&#42;&#42;。" in page
    assert "<script>" not in page
    # Markdown's inline syntax is inert wherever text lands (a heading, a link label, raw HTML),
    # and no value can end a line of the Markdown.
    assert text("[链接](x) {#id} _a_ `b`\n\n# c") == ("&#91;链接&#93;(x) &#123;&#35;id&#125; &#95;a&#95; "
                                                   "&#96;b&#96;&#10;&#10;&#35; c")


def test_generated_pages_carry_no_clock():
    text = "\n".join((REPO / "build_tools" / "templates" / name).read_text("utf-8")
                     for name in ("article.md.j2", "bulletin.md.j2", "home.md.j2"))
    assert not re.search(r"now\(|today|utcnow", text)


def test_every_command_is_documented_in_the_readme():
    from build_tools.__main__ import COMMANDS

    readme = (REPO / "README.md").read_text("utf-8")
    for command in COMMANDS:
        assert f"| `{command}" in readme, command


def test_every_page_can_be_edited_at_the_contributor_file_behind_it(seed):
    from build_tools.project import Project
    from build_tools.render import render_site

    project = Project.from_environment(REPO, {"REPOSITORY_URL": "https://github.com/example/bulletins"})
    pages = render_site([seed], project)
    edit = "https://github.com/example/bulletins/edit/main/source_texts/"
    assert f'href="{edit}2026-04-26-xinhua/en/opinion.yml"' in pages["en/2026-04-26-xinhua/opinion.md"]
    assert f'href="{edit}2026-04-26-xinhua/notes.yml"' in pages["zh-Hans/2026-04-26-xinhua/opinion.md"]
    assert f'href="{edit}glossary.yml"' in pages["zh-Hant/glossary.md"]
    assert f'href="{edit}2026-04-26-xinhua/links.yml"' in pages["en/2026-04-26-xinhua/opinion-explained.md"]
    assert f'href="{edit}2026-04-26-xinhua/bulletin.yml"' in pages["zh-Hans/2026-04-26-xinhua/index.md"]
    assert not any("docs/" in page for page in pages if page.endswith(".md"))
