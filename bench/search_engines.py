"""Compare Material's built-in search (jieba) with our Pagefind setup on one docs dir.

    .venv/bin/python bench/search_engines.py DOCS_DIR [--page REL.md]
    .venv/bin/python bench/search_engines.py --editions site/ [-v]

The second form measures the real build's three editions (zh-Hans at the root, zh-Hant/,
en/) with our Pagefind setup only: for each edition and query, a first search in a fresh
browser context (empty cache) on an article page, its bytes, and where its results lead.

Builds DOCS_DIR twice through a child config that INHERITs ../mkdocs.yml (as the real build
does), serves each site under a sub-path (/site/, like a GitHub Pages project site) with
`python -m http.server` on 127.0.0.1, and drives /usr/bin/chromium with Playwright.
Bytes are counted from the server's request log, so requests made by web workers count too;
"gzip" is what a host that compresses responses would send (min of raw and gzip -6).
A query is "ok" when the top result is a page whose Markdown contains the query and every
such page is among the results.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from build_tools.search_index import pagefind_command  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
QUERIES = ("算法", "快递小哥", "防汛")
SUBPATH = "site"
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync', '--no-first-run']
# The production indexing command (build_tools/pipeline.py), "{site}" filled in per build.
PAGEFIND_CMD = pagefind_command(Path("{site}"))


@dataclass
class Engine:
    name: str
    child_config: str       # appended to the INHERIT child config
    open_search: str        # selector clicked to open search
    query_input: str
    result_item: str        # one per result, rendered or still a placeholder
    result_link: str        # the page-level link inside a result
    index_cmd: list[str] = field(default_factory=list)


ENGINES = [
    # An empty custom_dir gives stock Material, whose header shows its own search field;
    # stock Material has no zh-Hans strings (overrides/partials/languages/), so it gets zh.
    Engine("Material search + jieba",
           "plugins: [search]\ntheme:\n  custom_dir: {empty}\n  language: zh\n",
           ".md-search__input", ".md-search__input",
           ".md-search-result__item", ".md-search-result__link"),
    Engine("Pagefind (our overrides)",
           f"theme:\n  custom_dir: {REPO / 'overrides'}\n",
           "[data-site-search]", "dialog.site-search-dialog input[type=search]",
           "dialog.site-search-dialog .site-search__result", "dialog.site-search-dialog a.site-search__link",
           PAGEFIND_CMD),
]


def build(engine: Engine, docs: Path, work: Path) -> tuple[Path, float]:
    """Build like the real pipeline: a child config in build/ that INHERITs mkdocs.yml."""
    (work / "build").mkdir(parents=True)
    (work / "empty").mkdir()
    site = work / SUBPATH
    config = work / "build" / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {docs}\nsite_dir: {site}\n"
        + engine.child_config.format(empty=work / "empty"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                    "-f", str(config)], check=True, env=env)
    if engine.index_cmd:
        subprocess.run([a.format(site=site) for a in engine.index_cmd], check=True,
                       stdout=subprocess.DEVNULL)
    return site, time.perf_counter() - start


class Server:
    """`python -m http.server`, with its request log read back to count what was sent."""

    LINE = re.compile(r'"GET (\S+) HTTP/[\d.]+" (\d{3})')

    def __init__(self, root: Path):
        self.root = root
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log: list[tuple[str, int]] = []
        self.last = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
             "--directory", str(root)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        self._wait_up()

    def _wait_up(self):
        for _ in range(50):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port)):
                return
            time.sleep(0.1)
        raise RuntimeError(f"http.server did not start on port {self.port}")

    def _read(self):
        for line in self.proc.stderr:
            if m := self.LINE.search(line):
                self.log.append((m[1], int(m[2])))
                self.last = time.monotonic()

    def quiet(self, seconds=0.6, timeout=15.0):
        """Wait until nothing was requested for `seconds` (workers fetch after networkidle)."""
        end = time.monotonic() + timeout
        while time.monotonic() - self.last < seconds and time.monotonic() < end:
            time.sleep(0.1)

    def sizes(self, since: int, verbose=False) -> tuple[int, int, int]:
        """(requests, raw bytes, gzip bytes) logged after position `since`."""
        raw = gz = 0
        entries = self.log[since:]
        for path, status in entries:
            file = self.root / unquote(urlsplit(path).path).lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            body = file.read_bytes() if status == 200 else b""
            size, zsize = len(body), min(len(body), len(gzip.compress(body, 6)))
            raw, gz = raw + size, gz + zsize
            if verbose:
                print(f"  {status} {size:>8} {zsize:>8}  {unquote(path)}", file=sys.stderr)
        return len(entries), raw, gz

    def close(self):
        self.proc.terminate()
        self.proc.wait()


def page_url(md: Path) -> str:
    """Site path for a Markdown file under use_directory_urls (MkDocs' default)."""
    parts = list(md.with_suffix("").parts)
    if parts[-1] in ("index", "README"):
        parts.pop()
    return "/" + "/".join([SUBPATH, *parts, ""]).replace("//", "/")


def expected_pages(docs: Path, query: str) -> set[str]:
    """Pages holding the query, less the listing pages kept out of search on purpose."""
    found = set()
    for md in docs.rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        listing = text.startswith("---") and "\nsearch:\n  exclude: true\n" in text.split("\n---", 1)[0]
        if query in text and not listing:
            found.add(page_url(md.relative_to(docs)))
    return found


def collect_results(pg, engine: Engine) -> list[str]:
    """Page paths of all results, scrolling so that lazily loaded results render."""
    seen: list[str] = []
    for _ in range(40):
        items = pg.locator(engine.result_item)
        if items.count():
            items.last.scroll_into_view_if_needed()
        pg.wait_for_timeout(250)
        hrefs = pg.eval_on_selector_all(engine.result_link, "els => els.map(e => e.href)")
        pages = list(dict.fromkeys(urlsplit(h).path for h in hrefs))
        if pages and pages == seen:
            return pages
        seen = pages
    return seen


def measure(engine: Engine, server: Server, browser, view: str, verbose: bool) -> dict:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    foreign: list[str] = []
    ctx.on("request", lambda r: foreign.append(r.url)
           if urlsplit(r.url).scheme in ("http", "https", "ws", "wss")
           and urlsplit(r.url).hostname != "127.0.0.1" else None)
    pg = ctx.new_page()
    base = f"http://127.0.0.1:{server.port}"

    mark = len(server.log)
    pg.goto(base + view, wait_until="networkidle")
    server.quiet()
    if verbose:
        print(f"{engine.name}: page view (status, raw, gzip, path)", file=sys.stderr)
    out = {"view": server.sizes(mark, verbose)}

    mark = len(server.log)
    pg.click(engine.open_search)
    field = pg.locator(engine.query_input)
    field.wait_for()
    start = time.perf_counter()
    pg.keyboard.insert_text(QUERIES[0])
    pg.keyboard.press("End")  # Material searches on keyup
    pg.wait_for_selector(engine.result_link, timeout=15000)
    out["first_ms"] = (time.perf_counter() - start) * 1000
    server.quiet()
    if verbose:
        print(f"{engine.name}: first search", file=sys.stderr)
    out["search"] = server.sizes(mark, verbose)

    for query in QUERIES:
        if query != QUERIES[0]:
            field.fill("")
            field.focus()
            pg.keyboard.insert_text(query)
            pg.keyboard.press("End")
            pg.wait_for_timeout(800)  # both UIs debounce input
        out[query] = collect_results(pg, engine)
        if verbose:
            print(f"{engine.name}: {query} -> {out[query]}", file=sys.stderr)
    out["foreign"] = foreign
    ctx.close()
    return out


def verdict(found: list[str], expected: set[str]) -> str:
    missing = expected - set(found)
    ok = bool(found) and found[0] in expected and not missing
    extra = len(set(found) - expected)
    note = f"{len(found)} page{'s' * (len(found) != 1)}" + (f", {extra} without the words" if extra else "")
    return ("ok" if ok else "WRONG") + f" ({note}" + (f"; missing {sorted(missing)}" if missing else "") + ")"


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


EDITIONS = ("", "zh-Hant/", "en/")   # URL prefix of each edition under the site root
EDITION_QUERIES = ("新就业群体", "新就業群體", "algorithm", "算法", "快递小哥")
ARTICLE = "2026-04-26-xinhua/auto-show/"


def indexed_pages(site: Path) -> dict[str, str]:
    """Root-edition page path -> its indexed text (inside data-pagefind-body), tags removed."""
    pages = {}
    for html in sorted(site.glob("**/index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.split("/")[0] in ("zh-Hant", "en", "pagefind") or rel == ".":
            continue
        text = html.read_text("utf-8")
        if "data-pagefind-body" not in text:
            continue
        body = text.split("data-pagefind-body", 1)[1].split("</article>", 1)[0]
        pages[f"/{rel}/"] = re.sub(r"<[^>]+>", "", body).lower()
    return pages


def expected_paths(site: Path, pages: dict[str, str], query: str) -> set[str]:
    """Pages whose Simplified or English text holds the query (Chinese read as Simplified)."""
    import json
    t2s = json.loads((site / "assets" / "script-map.t2s.json").read_text("utf-8"))
    needle = "".join(t2s.get(c, c) for c in query).lower()
    return {path for path, text in pages.items() if needle in text}


def measure_editions(site: Path, verbose: bool) -> int:
    """First search per edition and query on the built site, served under /site/."""
    pages = indexed_pages(site)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        (Path(tmp) / SUBPATH).symlink_to(site.resolve())
        server = Server(Path(tmp))
        base = f"http://127.0.0.1:{server.port}/{SUBPATH}"
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            for edition in EDITIONS:
                for query in EDITION_QUERIES:
                    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                    foreign: list[str] = []
                    ctx.on("request", lambda r: foreign.append(r.url)
                           if not r.url.startswith(f"http://127.0.0.1:{server.port}/")
                           and not r.url.startswith("data:") else None)
                    pg = ctx.new_page()
                    errors: list[str] = []
                    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                    pg.on("pageerror", lambda e: errors.append(str(e)))
                    pg.goto(f"{base}/{edition}{ARTICLE}", wait_until="networkidle")
                    server.quiet()
                    mark = len(server.log)
                    pg.click("[data-site-search]")
                    box = pg.locator("dialog.site-search-dialog input[type=search]")
                    box.wait_for()
                    start = time.perf_counter()
                    pg.keyboard.insert_text(query)
                    try:
                        pg.wait_for_selector("dialog.site-search-dialog a.site-search__link", timeout=8000)
                        ms = (time.perf_counter() - start) * 1000
                    except PlaywrightTimeout:  # nothing found: still count the bytes
                        ms = float("nan")
                    server.quiet()
                    if verbose:
                        print(f"/{edition} {query}: first search", file=sys.stderr)
                    n, raw, gz = server.sizes(mark, verbose)
                    links = pg.eval_on_selector_all(
                        "dialog.site-search-dialog a.site-search__link", "els => els.map(e => e.pathname)")
                    every = pg.eval_on_selector_all(
                        "dialog.site-search-dialog a[href]", "els => els.map(e => e.pathname)")
                    titles = pg.eval_on_selector_all(
                        "dialog.site-search-dialog a.site-search__link", "els => els.map(e => e.textContent.trim())")
                    ctx.close()
                    prefix = f"/{SUBPATH}/{edition}"
                    want = {prefix + path.lstrip("/") for path in expected_paths(site, pages, query)}
                    problems = []
                    if len(links) != len(set(links)):
                        problems.append("duplicates")
                    if set(links) != want:
                        problems.append(f"expected {sorted(want)}")
                    if any(not h.startswith(prefix) or (edition == "" and h.split("/")[2] in ("zh-Hant", "en"))
                           for h in every):
                        problems.append("a link leaves the edition")
                    if foreign:
                        problems.append(f"other hosts: {sorted(set(foreign))}")
                    if errors:
                        problems.append(f"console errors: {errors}")
                    found = ", ".join(h[len(prefix):].split("/")[1] for h in links) or "none"
                    rows.append((f"/{edition}", query, ("ok" if not problems else "WRONG ") + "; ".join(problems),
                                 found, n, raw, gz, ms, titles[0][:40] if titles else ""))
        finally:
            browser.close()
            server.close()
    print(f"Site: {site}, served under /{SUBPATH}/; page viewed: {ARTICLE} of each edition\n")
    print("| edition | query | results | pages found | first search: requests, raw / gzip | typing to first result | first title |")
    print("|---|---|---|---|---|---|---|")
    for ed, q, verdict_, found, n, raw, gz, ms, title in rows:
        print(f"| {ed} | `{q}` | {verdict_} | {found} | {n} req, {kb(raw)} / {kb(gz)} | {ms:.0f} ms | {title} |")
    return 0 if all(r[2] == "ok" for r in rows) else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs", type=Path, nargs="?")
    ap.add_argument("--page", help="Markdown file to view, relative to DOCS (default: deepest)")
    ap.add_argument("--editions", type=Path, metavar="SITE",
                    help="measure the three editions of a site built by `python -m build_tools build`")
    ap.add_argument("-v", "--verbose", action="store_true", help="list each request on stderr")
    args = ap.parse_args()
    if args.editions:
        return measure_editions(args.editions, args.verbose)
    if not args.docs:
        ap.error("give DOCS_DIR or --editions SITE")
    docs = args.docs.resolve()
    mds = sorted(docs.rglob("*.md"), key=lambda p: (-len(p.relative_to(docs).parts), str(p)))
    if not mds:
        sys.exit(f"{docs}: no Markdown files")
    view = page_url(Path(args.page) if args.page else mds[0].relative_to(docs))
    try:
        import jieba  # noqa: F401  Material segments Chinese only when jieba imports
    except ImportError:
        print("warning: jieba is not installed; Material's search will not segment Chinese",
              file=sys.stderr)

    rows: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for i, engine in enumerate(ENGINES):
            work = Path(tmp) / str(i)
            site, seconds = build(engine, docs, work)
            server = Server(work)
            try:
                r = measure(engine, server, browser, view, args.verbose)
            finally:
                server.close()
            n, raw, gz = r["view"]
            sn, sraw, sgz = r["search"]
            col = rows.setdefault(engine.name, [])
            col += [f"{seconds:.1f} s",
                    f"{n} req, {kb(raw)} / {kb(gz)}",
                    f"{sn} req, {kb(sraw)} / {kb(sgz)}",
                    f"{r['first_ms']:.0f} ms"]
            col += [verdict(r[q], expected_pages(docs, q)) for q in QUERIES]
            col.append(", ".join(sorted(set(r["foreign"]))) or "none")
        browser.close()

    labels = ["build + index", "page view: requests, raw / gzip",
              f"first search `{QUERIES[0]}`: requests, raw / gzip",
              f"first search `{QUERIES[0]}`: typing to first result",
              *[f"`{q}`" for q in QUERIES], "requests to other hosts"]
    print(f"Viewed page: {view}  (docs: {docs})\n")
    print("| | " + " | ".join(rows) + " |")
    print("|---" * (len(rows) + 1) + "|")
    for i, label in enumerate(labels):
        print(f"| {label} | " + " | ".join(col[i] for col in rows.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
