"""Shared fixtures: the real bulletin, the People's Daily corpus, a parsed model."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from build_tools.parse import parse_source
from build_tools.project import Project
from build_tools.source import Source, read_source

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "source_texts" / "2026-04-26-xinhua" / "source.txt"
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
CHECKOUT = Project(REPO)  # this checkout as the project: its glossary and Traditional overrides
POLITICAL = CORPUS / "2019-02-28-political-construction"
NO1 = CORPUS / "2020-02-06-no1-document"


@pytest.fixture(scope="session")
def seed():
    """The 26 April 2026 Xinhua bulletin, parsed (conservation already checked)."""
    return parse_source(read_source(SEED))


def parse_text(text: str, name: str = "test.txt", meta: dict | None = None):
    return parse_source(Source(Path(name), text, meta or {}))


def parse_file(path: Path):
    return parse_source(read_source(path))


def article(bulletin, article_id: str):
    found = [a for a in bulletin.articles if a.id == article_id]
    assert found, f"no article {article_id!r}; have {[a.id for a in bulletin.articles]}"
    return found[0]


@pytest.fixture
def project(tmp_path):
    """A scratch copy of the project (sources, config, theme) to build or break."""
    for name in ("mkdocs.yml", "overrides", "source_texts"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real build of a copy of the project (all editions, search index, PDF handouts)."""
    from build_tools.pipeline import build

    root = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "overrides", "source_texts"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    build(Project(root))
    return root / "site"


def edit_source(project, old: str, new: str, count: int = -1):
    """Change the bulletin's text in a scratch project (recording its new sha256); its path."""
    folder = project / "source_texts" / "2026-04-26-xinhua"
    source = folder / "source.txt"
    text = source.read_text("utf-8")
    assert old in text, old
    source.write_text(text.replace(old, new, count), "utf-8")
    record_sha256(folder)
    return source


def record_sha256(folder: Path) -> None:
    """bulletin.yml's sha256 set to its source.txt's, as a contributor does for a new text."""
    meta = folder / "bulletin.yml"
    digest = hashlib.sha256((folder / "source.txt").read_bytes()).hexdigest()
    lines = [l for l in meta.read_text("utf-8").splitlines() if not l.startswith("sha256:")] if meta.exists() else []
    meta.write_text("\n".join(lines + [f"sha256: {digest}"]) + "\n", "utf-8")


# One browser and one server for every end-to-end test module: Playwright's sync API cannot
# start a second instance while a session-scoped one is running.
CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright never downloads a browser here
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """The built site on 127.0.0.1; its base address."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def watched_tab(browser, server, width: int = 1280, height: int = 900):
    """A page that records console errors and every request that leaves localhost."""
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.errors, tab.outside = [], []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.on("request", lambda r: tab.outside.append(r.url) if not r.url.startswith(server) else None)
    tab.base = server
    try:
        yield tab
    finally:
        context.close()


def scroll_through(page) -> None:
    """Scrolls a page to its foot and back, as a reader does. Blocks off screen are sized by
    `contain-intrinsic-size` (site.css) until first shown; after this every block has its real size,
    which tools that read positions from the layout (axe's colour contrast) need."""
    page.evaluate("""async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) {
        scrollTo(0, y); await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); }
        scrollTo(0, 0); }""")
