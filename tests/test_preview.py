"""Live preview: `serve` builds again when a contributor file changes and the open page reloads itself.
(How fast is the benchmark's to measure: bench/RESULTS.md.)"""
import re
import subprocess
import sys
import threading
import time

import pytest

from conftest import REPO

pytestmark = pytest.mark.e2e

BULLETIN = "2026-04-26-xinhua"
OLD = "Urge internet platform companies to earnestly fulfill"
NEW = "Press internet platform companies to earnestly fulfill"


@pytest.fixture
def preview(project):
    """`serve` on a free port, started as a contributor starts it; its address."""
    server = subprocess.Popen([sys.executable, "-m", "build_tools", "--root", str(project), "serve", "--port", "0"],
                              cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 180
        address = None
        while address is None and time.monotonic() < deadline:
            line = server.stderr.readline()
            if not line:
                break
            found = re.search(r"serving site/ at (http://127\.0\.0\.1:\d+/)", line)
            address = found and found[1]
        assert address, "serve did not start"
        # Keep reading what it prints, or a full pipe would stop the server.
        threading.Thread(target=server.stderr.read, daemon=True).start()
        yield address
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_an_edited_entry_shows_in_the_open_page_and_a_broken_file_says_where(preview, project, browser):
    tab = browser.new_page()
    tab.goto(f"{preview}en/{BULLETIN}/opinion/#opinion__sec3__cl6")
    clause = tab.locator("[id='opinion__sec3__cl6']")
    assert OLD in clause.inner_text()
    path = project / "source_texts" / BULLETIN / "en" / "opinion.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace(OLD, NEW), "utf-8")
    # The page reloads itself (no reload here) and shows the new text, at the same clause.
    tab.locator("[id='opinion__sec3__cl6']", has_text=NEW).wait_for(timeout=60_000)
    # A broken file: the page stays, and says what is wrong and where.
    path.write_text(text.replace(OLD, NEW).replace("opinion__sec3__cl6:", "opinion__sec3__cl6: [", 1), "utf-8")
    status = tab.locator("[role=status]", has_text="opinion.yml")
    status.wait_for(timeout=60_000)
    assert re.search(r"en/opinion\.yml:\d+", status.inner_text())
    assert NEW in clause.inner_text()
    # Mended: the message goes, and the page shows the mended text.
    path.write_text(text, "utf-8")
    tab.locator("[id='opinion__sec3__cl6']", has_text=OLD).wait_for(timeout=60_000)
    assert not tab.locator("[role=status]", has_text="opinion.yml").is_visible()
    # The script that reloads is the preview server's: the site itself does not carry it.
    assert "/__preview" not in (project / "site" / "en" / BULLETIN / "opinion" / "index.html").read_text("utf-8")
    tab.close()
