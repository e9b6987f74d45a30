"""Every page in every edition: loads cleanly, stays on localhost, and axe-core finds nothing serious."""
import functools
import http.server
import threading

import pytest

pytestmark = pytest.mark.e2e

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def every_page(site):
    return sorted("/" + str(p.parent.relative_to(site)).replace(".", "").strip("/") + "/"
                  for p in site.rglob("index.html") if "pagefind" not in p.parts and "schemas" not in p.parts)


@pytest.fixture(scope="module")
def chromium():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_every_page_loads_without_errors_or_outside_requests(site, served, chromium, width):
    pages = every_page(site)
    assert len(pages) >= 3 * 11, pages
    tab = chromium.new_page(viewport={"width": width, "height": 900})
    errors, outside = [], []
    tab.on("console", lambda m: errors.append(f"{tab.url}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(f"{tab.url}: {e}"))
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(served) else None)
    for path in pages:
        response = tab.goto(served + path)
        assert response.status == 200, path
        assert tab.locator("h1").count() == 1, path
    assert errors == [] and outside == []
    tab.close()


PAGE_TYPES = ["/", "/2026-04-26-xinhua/", "/2026-04-26-xinhua/opinion/", "/2026-04-26-xinhua/interview/",
              "/2026-04-26-xinhua/opinion-explained/", "/glossary/", "/en/2026-04-26-xinhua/opinion/",
              "/zh-Hant/2026-04-26-xinhua/interview/"]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_serious_or_critical_accessibility_violation(served, chromium, path):
    from axe_playwright_python.sync_playwright import Axe

    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(served + path)
    results = Axe().run(tab)
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(serious)
    tab.close()


@pytest.mark.parametrize("path, name, query, width", [
    ("/2026-04-26-xinhua/auto-show/", "搜索", "的", 1280),             # five results and the button for more
    ("/en/2026-04-26-xinhua/auto-show/", "Search", "新就业群体", 390),  # Chinese excerpts on the English edition
], ids=["zh-Hans-desktop", "en-phone"])
def test_the_open_search_dialog_has_no_serious_or_critical_violation(served, chromium, path, name, query, width):
    from axe_playwright_python.sync_playwright import Axe

    tab = chromium.new_page(viewport={"width": width, "height": 900})
    tab.goto(served + path)
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
