"""The whitespace Material's templates leave between tags goes; text whose whitespace shows stays."""
from build_tools.html_squeeze import squeeze


def test_blank_lines_and_indentation_between_tags_go():
    assert squeeze("<ul>\n\n    <li>a</li>\n      \n    <li>b</li>\n</ul>\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"


def test_whitespace_that_shows_is_kept():
    kept = ("<pre>\n  x = 1\n\n  y\n</pre>", "<code class='c'>a\n    b</code>", "<textarea>\n  t\n</textarea>",
            "<script>\n  const s = `a\n\n  b`;\n</script>")
    for block in kept:
        assert squeeze(f"<div>\n    {block}\n    </div>") == f"<div>\n{block}\n</div>"


def test_a_space_between_words_stays_a_space():
    assert squeeze("<p>新就业\n        <a href='#x'>群体</a> and\n   more</p>") == "<p>新就业\n<a href='#x'>群体</a> and\nmore</p>"
