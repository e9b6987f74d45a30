"""Every page in every edition: loads cleanly, stays on localhost, and axe-core finds nothing serious."""
import pytest

from conftest import scroll_through

pytestmark = pytest.mark.e2e


def every_page(site):
    return sorted("/" + str(p.parent.relative_to(site)).replace(".", "").strip("/") + "/"
                  for p in site.rglob("index.html") if "pagefind" not in p.parts and "schemas" not in p.parts)


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_every_page_loads_without_errors_or_outside_requests(site, server, browser, width):
    pages = every_page(site)
    assert len(pages) >= 3 * 11, pages
    tab = browser.new_page(viewport={"width": width, "height": 900})
    errors, outside = [], []
    tab.on("console", lambda m: errors.append(f"{tab.url}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(f"{tab.url}: {e}"))
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    for path in pages:
        response = tab.goto(server + path)
        assert response.status == 200, path
        assert tab.locator("h1").count() == 1, path
    assert errors == [] and outside == []
    tab.close()


PAGE_TYPES = ["/", "/2026-04-26-xinhua/", "/2026-04-26-xinhua/opinion/", "/2026-04-26-xinhua/interview/",
              "/2026-04-26-xinhua/opinion-explained/", "/glossary/", "/en/2026-04-26-xinhua/opinion/",
              "/zh-Hant/2026-04-26-xinhua/interview/"]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_serious_or_critical_accessibility_violation(server, browser, path):
    from axe_playwright_python.sync_playwright import Axe

    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(server + path)
    # Unshown blocks are laid out only when axe asks, their text overflowing the placeholder onto the
    # footer, which axe then reads as the text's background.
    scroll_through(tab)
    results = Axe().run(tab)
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(serious)
    tab.close()


@pytest.mark.parametrize("path, name, query, width", [
    ("/2026-04-26-xinhua/auto-show/", "搜索", "的", 1280),             # five results and the button for more
    ("/en/2026-04-26-xinhua/auto-show/", "Search", "新就业群体", 390),  # Chinese excerpts on the English edition
], ids=["zh-Hans-desktop", "en-phone"])
def test_the_open_search_dialog_has_no_serious_or_critical_violation(server, browser, path, name, query, width):
    from axe_playwright_python.sync_playwright import Axe

    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.goto(server + path)
    tab.get_by_role("button", name=name).click()
    tab.get_by_role("searchbox", name=name).wait_for()
    tab.keyboard.insert_text(query)
    tab.locator("dialog a.site-search__link").first.wait_for(timeout=10_000)
    for fold in tab.locator("dialog details").all():
        fold.evaluate("d => d.open = true")
    results = Axe().run(tab)
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(serious)
    tab.close()
