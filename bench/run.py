"""Build cost at scale: stage times, peak memory, page weight, search bytes, Lighthouse (not a test).

    .venv/bin/python bench/run.py [--sizes 1,10,100] [--no-lighthouse] [--pdf-sizes 1,10] [--out bench/RESULTS.md]

For every size N, makes a project of N bulletins in a temp folder (copies of
source_texts/2026-04-26-xinhua/, re-dated one day earlier each (their source.txt, and so
their sha256, unchanged); mkdocs.yml, overrides/, zh-Hant.yml and glossary.yml copied beside them) and runs
the build's stages one by one, as build_tools/pipeline.py orders them:

  parse (load_bulletins) → align (crosslink) → convert (make_editions) → render Markdown
  (render_site; it makes the editions again) → write docs/ → MkDocs ×3 (zh-Hans, zh-Hant, en)
  → PDFs (only at --pdf-sizes: ~22 handouts per bulletin) → Pagefind.

That breakdown runs the stages one after another, to show where the time goes. Then the whole
build runs again as `python -m build_tools build` runs it (pipeline.build without the PDFs:
each edition goes to MkDocs while the next renders, MkDocs on every core), timed wall and CPU;
the build-time targets compare that wall time with the three plain `mkdocs build` runs.

Times are wall-clock from a pass without tracing. Peak memory: in-process Python stages are
run a second time under tracemalloc (peak of what the stage allocates); subprocesses report
their max RSS through os.wait4 (MkDocs, Pagefind), and the PDF stage runs in a forked child
whose max RSS includes its printing workers.

Then serves site/ with `python -m http.server` on 127.0.0.1 and drives /usr/bin/chromium with
Playwright: a fresh context opens an article page (a plain page view: must load nothing from
pagefind/), clicks the header search button, types 算法 and waits for the first result. Bytes
are read back from the server's request log (so worker requests count too) and reported as
gzip -6 of each body, as a compressing host would send them.

Lighthouse 12.2.3 (installed with npm into ~/.cache/policy-bulletins-bench/, never a browser:
CHROME_PATH=/usr/bin/chromium) runs on the home, Opinion and interview pages of the 1-bulletin
site, mobile preset; that site is built again with SITE_URL set to the address it is served
at and served gzip-compressed (bench/gzip_server.py), as a real host serves it. Writes the tables to bench/RESULTS.md. Expect 10–20 minutes for 1,10,100
on 2 cores.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import tracemalloc
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from build_tools.project import Project  # noqa: E402
from build_tools.editions import make_editions  # noqa: E402
from build_tools.handouts import render_handouts, write_pdfs  # noqa: E402
from build_tools.linking import crosslink  # noqa: E402
from build_tools.pipeline import (build, load_bulletins, pagefind_command, replace_dir, sort_search_entry,  # noqa: E402
                                  source_date_epoch, write_config, write_docs)
from build_tools.navigation import nav  # noqa: E402
from build_tools.render import render_site  # noqa: E402
from build_tools.source import find_bulletins  # noqa: E402

ORIGINAL = "2026-04-26-xinhua"
ARTICLES = {"news article (auto-show)": "auto-show", "Opinion": "opinion", "interview": "interview"}
SEARCH_PAGE = f"/{ORIGINAL}/auto-show/"
QUERY = "算法"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync', '--no-first-run']
LIGHTHOUSE = "12.2.3"
LH_CACHE = Path.home() / ".cache" / "policy-bulletins-bench" / f"lighthouse-{LIGHTHOUSE}"
LH_PAGES = {"home": "/", "Opinion": f"/{ORIGINAL}/opinion/", "interview": f"/{ORIGINAL}/interview/"}
LH_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

KB = 1024
MB = 1024 * 1024


# --------------------------------------------------------------------------- projects

def make_project(n: int, root: Path) -> Path:
    """A project folder of n bulletins: the real one and n-1 copies dated one day earlier each."""
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    texts = root / "source_texts"
    texts.mkdir()
    for name in ("zh-Hant.yml", "glossary.yml"):
        shutil.copy2(REPO / "source_texts" / name, texts / name)
    original = REPO / "source_texts" / ORIGINAL
    day = dt.date(2026, 4, 26)
    for i in range(n):
        if i == 0:
            shutil.copytree(original, texts / ORIGINAL)
            continue
        date = day - dt.timedelta(days=i)
        folder = texts / f"{date.isoformat()}-xinhua-copy{i}"
        shutil.copytree(original, folder)
        meta = folder / "bulletin.yml"
        text = meta.read_text("utf-8")
        text = re.sub(r"^date: .*$", f"date: {date.isoformat()}", text, count=1, flags=re.M)
        meta.write_text(text, "utf-8")
    return root


# --------------------------------------------------------------------------- measuring

def traced(fn):
    """(result, peak bytes allocated by fn) under tracemalloc."""
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def self_maxrss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def timed(fn):
    """(result, seconds, growth of this process's max RSS during fn)."""
    before = self_maxrss()
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start, self_maxrss() - before


def run_child(command: list[str], env: dict, log: Path) -> tuple[float, int]:
    """Run a subprocess; (seconds, max RSS bytes of it and its waited-for descendants)."""
    start = time.perf_counter()
    with open(log, "ab") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} … failed (exit {proc.returncode}); see {log}:\n"
                           + log.read_text("utf-8", "replace")[-3000:])
    return seconds, usage.ru_maxrss * 1024


def forked(fn) -> tuple[float, int, object]:
    """Run fn in a forked child (its pool workers included); (seconds, max RSS bytes, fn's JSON result)."""
    read, write = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read)
        try:
            payload = json.dumps({"ok": fn()})
        except BaseException:  # noqa: BLE001 - reported to the parent
            payload = json.dumps({"error": traceback.format_exc()})
        with os.fdopen(write, "w") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        data = json.loads(pipe.read() or '{"error": "child died"}')
    _, _, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    if "error" in data:
        raise RuntimeError(data["error"])
    return seconds, usage.ru_maxrss * 1024, data["ok"]


def build_project(root: Path, pdfs: bool, trace: bool) -> dict:
    """The build of pipeline.build, stage by stage, timed; then the Python stages again, traced."""
    stages: dict[str, dict] = {}
    paths = find_bulletins(root / "source_texts")

    bulletins, t, g = timed(lambda: load_bulletins(paths))
    stages["parse (load_bulletins)"] = {"s": t, "grow": g}
    crosslinks, t, g = timed(lambda: crosslink(bulletins))
    stages["align (crosslink)"] = {"s": t, "grow": g}
    editions, t, g = timed(lambda: make_editions(bulletins, crosslinks, Project(root)))
    stages["convert (make_editions)"] = {"s": t, "grow": g}
    pages, t, g = timed(lambda: render_site(bulletins, Project(root), crosslinks))
    stages["render Markdown (render_site)"] = {"s": t, "grow": g,
                                               "note": "includes make_editions again (render_site calls it)"}
    _, t, g = timed(lambda: write_docs(pages, root / "docs"))
    stages["write docs/"] = {"s": t, "grow": g}
    markdown_bytes = sum(len(p.encode("utf-8")) for p in pages.values())
    del pages

    work = root / "build"
    work.mkdir(exist_ok=True)
    stage = work / "site.new"
    shutil.rmtree(stage, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(source_date_epoch(bulletins))}
    log = root / "bench.log"
    per_edition = []
    nav_seconds = 0.0
    for edition in editions:
        start = time.perf_counter()
        config = write_config(work, edition, editions, nav(bulletins, crosslinks, edition))
        nav_seconds += time.perf_counter() - start
        seconds, rss = run_child([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f",
                                  str(config), "-d", str(stage / edition.root)], env, log)
        per_edition.append((edition.code, seconds, rss))
    stages["nav + child configs"] = {"s": nav_seconds}
    stages["MkDocs ×3"] = {"s": sum(s for _, s, _ in per_edition), "rss": max(r for _, _, r in per_edition),
                           "note": ", ".join(f"{c} {s:.1f} s" for c, s, _ in per_edition)}

    if pdfs:
        def print_pdfs():
            written = write_pdfs(render_handouts(bulletins, crosslinks, editions), stage)
            return [len(written), sum(p.stat().st_size for p in written)]
        seconds, rss, (count, size) = forked(print_pdfs)
        stages["PDFs"] = {"s": seconds, "rss": rss, "note": f"{count} handouts, {size / MB:.1f} MB"}
    else:
        stages["PDFs"] = {"s": None, "note": "not measured at this size (≈22 handouts per bulletin)"}

    seconds, rss = run_child(pagefind_command(stage), env, log)
    sort_search_entry(stage / "pagefind" / "pagefind-entry.json")
    stages["search index (Pagefind)"] = {"s": seconds, "rss": rss}
    replace_dir(stage, root / "site")

    # The whole build as `python -m build_tools build` runs it (editions overlapped, MkDocs on
    # every core), without the PDFs: this is what the targets compare. CPU time too, since
    # wall time alone would hide work spread over two cores.
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    start = time.perf_counter()
    build(Project(root), pdfs=False)
    wall = time.perf_counter() - start
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before))
    whole = {"s": wall, "cpu": cpu}

    # Second pass, traced: tracemalloc slows Python down, so its times are not used.
    if trace:
        b2, stages["parse (load_bulletins)"]["peak"] = traced(lambda: load_bulletins(paths))
        c2, stages["align (crosslink)"]["peak"] = traced(lambda: crosslink(b2))
        _, stages["convert (make_editions)"]["peak"] = traced(lambda: make_editions(b2, c2, Project(root)))
        _, stages["render Markdown (render_site)"]["peak"] = traced(lambda: render_site(b2, Project(root), c2))

    site = root / "site"
    html = list(site.rglob("*.html"))
    return {
        "stages": stages,
        "whole": whole,
        "pages": len(html),
        "markdown_bytes": markdown_bytes,
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "pagefind_bytes": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()),
        "articles": article_sizes(site),
    }


def primary_nav_bytes(html: str) -> int:
    """Bytes of the page's primary navigation (<nav class="md-nav md-nav--primary"> … its </nav>)."""
    start = html.find('<nav class="md-nav md-nav--primary"')
    if start < 0:
        return 0
    depth = 0
    for m in re.compile(r"<nav\b|</nav>").finditer(html, start):
        depth += 1 if m[0] == "<nav" else -1
        if depth == 0:
            return len(html[start:m.end()].encode("utf-8"))
    return 0


def article_sizes(site: Path) -> dict:
    sizes = {}
    for label, article in ARTICLES.items():
        path = site / ORIGINAL / article / "index.html"
        body = path.read_bytes()
        sizes[label] = {"raw": len(body), "gzip": len(gzip.compress(body, 6)),
                        "nav": primary_nav_bytes(body.decode("utf-8"))}
    return sizes


# --------------------------------------------------------------------------- serving and browsing

class Server:
    """`python -m http.server` on 127.0.0.1; its request log, with arrival times, counts what was sent."""

    LINE = re.compile(r'"GET (\S+) HTTP/[\d.]+" (\d{3})')

    def __init__(self, root: Path, compress: bool = False):
        self.root = root
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log: list[tuple[str, int, float]] = []
        self.last = time.monotonic()
        command = ([sys.executable, str(REPO / "bench" / "gzip_server.py"), str(self.port), str(root)] if compress
                   else [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory",
                         str(root)])
        self.proc = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port)):
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("http.server did not start")
        self.base = f"http://127.0.0.1:{self.port}"

    def _read(self):
        for line in self.proc.stderr:
            if m := self.LINE.search(line):
                self.last = time.monotonic()
                self.log.append((m[1], int(m[2]), self.last))

    def quiet(self, seconds=0.8, timeout=20.0):
        end = time.monotonic() + timeout
        while time.monotonic() - self.last < seconds and time.monotonic() < end:
            time.sleep(0.1)

    def sizes(self, entries) -> dict:
        raw = gz = 0
        paths = []
        for path, status, _ in entries:
            file = self.root / unquote(urlsplit(path).path).lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            body = file.read_bytes() if status == 200 and file.is_file() else b""
            raw += len(body)
            gz += min(len(body), len(gzip.compress(body, 6)))
            paths.append((unquote(urlsplit(path).path), min(len(body), len(gzip.compress(body, 6)))))
        return {"requests": len(entries), "raw": raw, "gzip": gz, "paths": paths}

    def close(self):
        self.proc.terminate()
        self.proc.wait()


def measure_search(site: Path) -> dict:
    from playwright.sync_api import sync_playwright
    server = Server(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                page = ctx.new_page()
                mark = len(server.log)
                page.goto(server.base + SEARCH_PAGE, wait_until="networkidle")
                server.quiet()
                view = server.sizes(server.log[mark:])
                mark = len(server.log)
                page.click("[data-site-search]")
                box = page.locator("dialog.site-search-dialog input[type=search]")
                box.wait_for()
                box.focus()
                start = time.perf_counter()
                page.keyboard.insert_text(QUERY)
                page.wait_for_selector("dialog.site-search-dialog a.site-search__link", timeout=30000)
                shown = time.monotonic()
                ms = (time.perf_counter() - start) * 1000
                results = page.locator("dialog.site-search-dialog a.site-search__link").count()
                server.quiet()
                after = server.log[mark:]
                # The log line is written once the response is sent; allow 50 ms for reading it.
                first = server.sizes([e for e in after if e[2] <= shown + 0.05])
                settled = server.sizes(after)
                ctx.close()
            finally:
                browser.close()
    finally:
        server.close()
    return {"view": view, "first": first, "settled": settled, "ms": ms, "results": results,
            "view_index": [p for p, _ in view["paths"] if "/pagefind/" in p or "site-search" in p]}


# --------------------------------------------------------------------------- Lighthouse

def lighthouse_cli() -> Path:
    cli = LH_CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        LH_CACHE.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(["npm", "i", "-E", "--no-audit", "--no-fund", "--prefix", str(LH_CACHE),
                                 f"lighthouse@{LIGHTHOUSE}"], capture_output=True, text=True, timeout=900)
        if result.returncode != 0 or not cli.exists():
            raise RuntimeError(f"npm i -E lighthouse@{LIGHTHOUSE} failed (exit {result.returncode}): "
                               + (result.stderr or result.stdout).strip()[-800:])
    return cli


def run_lighthouse(root: Path) -> dict:
    """Lighthouse on the project's site as a host would serve it: gzip, and built for the address
    it is served at (SITE_URL), so that canonical and hreflang links are absolute and valid."""
    try:
        cli = lighthouse_cli()
        version = json.loads((cli.parents[1] / "package.json").read_text())["version"]
    except Exception as err:  # noqa: BLE001 - recorded, never guessed
        return {"error": str(err)}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    out: dict = {"version": version, "pages": {}}
    site = root / "site-lighthouse"
    server = Server(site, compress=True)
    try:
        build(Project(root, site_url=server.base.rstrip("/")), site_dir=site, pdfs=False)
        with tempfile.TemporaryDirectory() as tmp:
            for label, path in LH_PAGES.items():
                report = Path(tmp) / f"{label}.json"
                command = ["node", str(cli), server.base + path, "--output=json", f"--output-path={report}",
                           "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                           f"--only-categories={','.join(LH_CATEGORIES)}", "--quiet"]
                try:
                    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
                except subprocess.TimeoutExpired:
                    out["pages"][label] = {"error": "timed out after 300 s"}
                    continue
                if result.returncode != 0 or not report.exists():
                    out["pages"][label] = {"error": f"exit {result.returncode}: "
                                           + (result.stderr or result.stdout).strip()[-600:]}
                    continue
                data = json.loads(report.read_text("utf-8"))
                scores = {c: data["categories"][c]["score"] for c in LH_CATEGORIES}
                failing = {}
                for c in LH_CATEGORIES:
                    if c == "performance":
                        continue
                    for ref in data["categories"][c]["auditRefs"]:
                        audit = data["audits"][ref["id"]]
                        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                            failing.setdefault(c, []).append(ref["id"])
                metrics = {k: data["audits"][k].get("displayValue", "") for k in
                           ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                            "cumulative-layout-shift") if k in data["audits"]}
                warnings = data.get("runWarnings", [])
                out["pages"][label] = {"scores": scores, "failing": failing, "metrics": metrics, "warnings": warnings}
    finally:
        server.close()
    return out


# --------------------------------------------------------------------------- report

def machine() -> dict:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with contextlib.suppress(OSError):
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() if shutil.which("node") else "none"
    versions = {}
    for pkg in ("mkdocs", "mkdocs-material", "pagefind", "weasyprint", "playwright"):
        with contextlib.suppress(Exception):
            from importlib.metadata import version
            versions[pkg] = version(pkg)
    return {"nproc": os.cpu_count(), "memory": mem, "cpu": cpu, "python": platform.python_version(),
            "chromium": chromium, "node": node, "packages": versions, "load": os.getloadavg()}


def fmt_s(s):
    return "—" if s is None else f"{s:.2f} s"


def fmt_b(b):
    return "—" if b is None else f"{b / MB:.0f} MiB"


def kb(b):
    return f"{b / KB:.1f} KB"


def comparable(stages: dict) -> float:
    """Our build without PDFs: every stage but PDFs."""
    return sum(v["s"] for k, v in stages.items() if k != "PDFs" and v["s"] is not None)


def report(info: dict, results: dict, lighthouse: dict | None, started: float, notes: list[str]) -> str:
    m = info
    lines = ["# Build at scale: measured by `bench/run.py`", "",
             f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} ({(time.time() - started) / 60:.0f} min), "
             f"`.venv/bin/python bench/run.py --sizes {','.join(map(str, results))}`. "
             "Projects are copies of `source_texts/2026-04-26-xinhua/` re-dated one day earlier each "
             "(identical text, so every bulletin has the same 7 articles). The machine is shared with "
             "another engineer's test runs: timings are noisy, single runs, not best-of.", "",
             "## Machine", "",
             "| | |", "|---|---|",
             f"| CPU | {m['cpu']} ({m['nproc']} cores, `nproc`) |",
             f"| memory | {m['memory']} |",
             f"| Python | {m['python']} |",
             f"| Chromium | {m['chromium']} |",
             f"| Node | {m['node']} |",
             "| packages | " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + " |",
             f"| load average at start | {' / '.join(f'{x:.2f}' for x in m['load'])} |", ""]
    lines += ["Peak memory: for Python stages run in the bench process, the peak of what the stage "
              "allocates (tracemalloc, a second traced pass; times come from the untraced pass); for "
              "subprocesses, max RSS (os.wait4; MkDocs is the largest of its three runs; PDFs are a forked "
              "child with its WeasyPrint workers, RSS includes the model inherited from the parent).", ""]
    for n, r in results.items():
        st = r["stages"]
        lines += [f"## {n} bulletin{'s' * (n != 1)}", "",
                  f"{r['pages']} HTML files, {r['markdown_bytes'] / MB:.1f} MB Markdown, site "
                  f"{r['site_bytes'] / MB:.1f} MB (Pagefind bundle {r['pagefind_bytes'] / MB:.1f} MB).", "",
                  "| stage | time | peak memory | note |", "|---|---|---|---|"]
        for name, v in st.items():
            peak = (f"{v['peak'] / MB:.1f} MiB (tracemalloc)" if "peak" in v
                    else f"{fmt_b(v['rss'])} (max RSS)" if "rss" in v
                    else f"+{v['grow'] / MB:.0f} MiB (growth of bench max RSS)" if "grow" in v else "—")
            lines.append(f"| {name} | {fmt_s(v['s'])} | {peak} | {v.get('note', '')} |")
        total = comparable(st)
        lines.append(f"| **sum of the stages without PDFs** (one after another) | **{total:.2f} s** | | |")
        if st["PDFs"]["s"] is not None:
            lines.append(f"| **sum with PDFs** | **{total + st['PDFs']['s']:.2f} s** | | |")
        w = r["whole"]
        lines.append(f"| **whole build without PDFs** (`build(pdfs=False)`: editions overlapped, MkDocs "
                     f"on both cores) | **{w['s']:.2f} s** wall, {w['cpu']:.1f} s CPU | | |")
        lines += ["", "| article page (zh-Hans) | HTML raw | gzip | of which primary nav (raw) |",
                  "|---|---|---|---|"]
        for label, a in r["articles"].items():
            lines.append(f"| {label} | {kb(a['raw'])} | {kb(a['gzip'])} | {kb(a['nav'])} "
                         f"({100 * a['nav'] / a['raw']:.0f} %) |")
        s = r.get("search")
        if s and "error" not in s:
            lines += ["", f"Search on `{SEARCH_PAGE}` (fresh browser context), query `{QUERY}`:", "",
                      "| | requests | raw | gzip |", "|---|---|---|---|",
                      f"| plain page view | {s['view']['requests']} | {kb(s['view']['raw'])} | {kb(s['view']['gzip'])} |",
                      f"| click to first results ({s['ms']:.0f} ms after typing, {s['results']} results shown) | "
                      f"{s['first']['requests']} | {kb(s['first']['raw'])} | {kb(s['first']['gzip'])} |",
                      f"| click until the network is quiet | {s['settled']['requests']} | {kb(s['settled']['raw'])} | "
                      f"{kb(s['settled']['gzip'])} |",
                      f"| page view + search to first results | {s['view']['requests'] + s['first']['requests']} | "
                      f"{kb(s['view']['raw'] + s['first']['raw'])} | {kb(s['view']['gzip'] + s['first']['gzip'])} |",
                      "", "Search requests to first results, gzip: " + ", ".join(
                          f"`{p}` {kb(z)}" for p, z in sorted(s["first"]["paths"], key=lambda e: -e[1])) + ".",
                      "Page-view requests to the search bundle: "
                      + (", ".join(f"`{p}`" for p in s["view_index"]) if s["view_index"] else "none") + "."]
        elif s:
            lines += ["", f"Search measurement failed: {s['error']}"]
        lines.append("")

    # Targets
    lines += ["## Targets", "", "| target | measured | result |", "|---|---|---|"]

    def row(target, measured, ok):
        lines.append(f"| {target} | {measured} | {'pass' if ok else '**FAIL**'} |")

    sizes = list(results)
    if 10 in results and 100 in results:
        a, b = results[10]["whole"]["s"], results[100]["whole"]["s"]
        row("build time 100 vs 10 bulletins ≤ 11× (whole build without PDFs)",
            f"{b:.1f} s / {a:.1f} s = {b / a:.1f}×", b / a <= 11)
    else:
        lines.append("| build time 100 vs 10 ≤ 11× | not measured (needs sizes 10 and 100) | — |")
    for n in sizes:
        st = results[n]["stages"]
        ours, plain = results[n]["whole"], st["MkDocs ×3"]["s"]
        row(f"build ≤ 1.3× plain `mkdocs build`, {n} bulletin{'s' * (n != 1)} (whole build without PDFs, "
            "wall, vs the three `mkdocs build` runs of the same generated Markdown and configs, one after another)",
            f"{ours['s']:.1f} s / {plain:.1f} s = {ours['s'] / plain:.2f}× (CPU: {ours['cpu']:.1f} s, "
            f"{ours['cpu'] / plain:.2f}× the plain runs' wall time)", ours["s"] / plain <= 1.3)
    big = max(sizes)
    for label, a in results[big]["articles"].items():
        row(f"article page HTML ≤ 80 KB at {big} bulletins: {label}",
            f"{kb(a['raw'])} raw, {kb(a['gzip'])} gzip", a["raw"] <= 80 * KB)
    searched = {n: r["search"] for n, r in results.items() if r.get("search") and "error" not in r["search"]}
    for n, s in searched.items():
        row(f"search bytes ≤ 150 KB gzip, {n} bulletin{'s' * (n != 1)}: click to first results",
            f"{kb(s['first']['gzip'])} ({s['first']['requests']} requests)", s["first"]["gzip"] <= 150 * KB)
    for n, s in searched.items():
        total = s["view"]["gzip"] + s["first"]["gzip"]
        # Not the target (which is about what searching costs: stock Material's index came with
        # every page view), but worth knowing: the page itself, then its first search.
        lines.append(f"| (for information, not a target) the article page view plus its first search, {n} | "
                     f"{kb(s['view']['gzip'])} + {kb(s['first']['gzip'])} = {kb(total)} | — |")
    if len(searched) > 1:
        values = [s["first"]["gzip"] for s in searched.values()]
        spread = (max(values) - min(values)) / min(values)
        row("search bytes the same at every size (within 10 %)",
            " / ".join(kb(v) for v in values) + f" (spread {100 * spread:.0f} %)", spread <= 0.10)
    for n, s in searched.items():
        row(f"plain page view loads no search index, {n}",
            "nothing from pagefind/" if not s["view_index"] else ", ".join(s["view_index"]), not s["view_index"])
    lines.append("")

    lines += ["## Lighthouse", ""]
    if lighthouse is None:
        lines.append("Not run (`--no-lighthouse`).")
    elif "error" in lighthouse:
        lines.append(f"Lighthouse {LIGHTHOUSE} could not run: {lighthouse['error']}")
    else:
        lines += [f"Lighthouse {lighthouse['version']} (npm, `CHROME_PATH={CHROMIUM}`, "
                  "`--chrome-flags=\"--headless=new --no-sandbox --disable-gpu\"`), mobile preset (default: "
                  "simulated slow 4G, 4× CPU slowdown), 1-bulletin site built with `SITE_URL` set to its local "
                  "address and served gzip-compressed by `bench/gzip_server.py`, one run per page.", "",
                  "| page | performance | accessibility | best practices | SEO | FCP / LCP / TBT / CLS | audits below 1 |",
                  "|---|---|---|---|---|---|---|"]
        for label, p in lighthouse["pages"].items():
            if "error" in p:
                lines.append(f"| {label} | failed: {p['error'].replace(chr(10), ' ')[:300]} | | | | | |")
                continue
            sc = [("—" if p["scores"][c] is None else f"{round(p['scores'][c] * 100)}") for c in LH_CATEGORIES]
            fails = "; ".join(f"{c}: {', '.join(ids)}" for c, ids in p["failing"].items()) or "none"
            lines.append(f"| {label} ({LH_PAGES[label]}) | " + " | ".join(sc) + " | "
                         + " / ".join(p["metrics"].values()) + f" | {fails} |")
        warns = {w for p in lighthouse["pages"].values() for w in p.get("warnings", [])}
        if warns:
            lines += ["", "Lighthouse warnings: " + " ".join(sorted(warns))]
    lines.append("")
    if notes:
        lines += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,10,100", help="bulletin counts (default 1,10,100)")
    ap.add_argument("--pdf-sizes", default="1,10", help="sizes at which PDFs are printed (default 1,10)")
    ap.add_argument("--trace-sizes", default="1,10",
                    help="sizes at which the Python stages are run again under tracemalloc (default 1,10; "
                         "at 100 the traced render would take longer than the build)")
    ap.add_argument("--no-lighthouse", action="store_true")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "RESULTS.md")
    ap.add_argument("--keep", action="store_true", help="keep the temp projects")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    pdf_sizes = {int(s) for s in args.pdf_sizes.split(",") if s}
    trace_sizes = {int(s) for s in args.trace_sizes.split(",") if s}
    started = time.time()
    info = machine()
    results: dict[int, dict] = {}
    lighthouse = None
    notes = [f"Python stages: peak memory under tracemalloc at sizes {', '.join(map(str, sorted(trace_sizes & set(sizes)))) or 'none'}; "
             "elsewhere the growth of the bench process's max RSS during the stage (no second pass).",
             f"PDFs measured at {', '.join(map(str, sorted(pdf_sizes & set(sizes)))) or 'no size'} only "
             "(≈22 handouts per bulletin; ≈2,200 at 100 would take many minutes on 2 cores); "
             "the build-time targets compare the whole build without PDFs (wall time; its CPU time is shown beside it, since the build uses both cores)."]
    for n in sizes:
        tmp = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
        try:
            print(f"[{time.time() - started:6.0f} s] {n} bulletins: project in {tmp}", file=sys.stderr, flush=True)
            root = make_project(n, tmp)
            r = build_project(root, n in pdf_sizes, n in trace_sizes)
            for name, v in r["stages"].items():
                print(f"    {name}: {fmt_s(v['s'])} {v.get('note', '')}", file=sys.stderr, flush=True)
            try:
                r["search"] = measure_search(root / "site")
            except Exception as err:  # noqa: BLE001 - recorded in the report
                r["search"] = {"error": f"{type(err).__name__}: {err}"}
            print(f"    search: {json.dumps({k: v for k, v in r['search'].items() if k not in ('view', 'first', 'settled')}, ensure_ascii=False)[:300]}",
                  file=sys.stderr, flush=True)
            results[n] = r
            if n == 1 and not args.no_lighthouse:
                print(f"[{time.time() - started:6.0f} s] Lighthouse", file=sys.stderr, flush=True)
                lighthouse = run_lighthouse(root)
            pending = [str(m) for m in sizes if m not in results]
            partial = notes + ([f"Sizes {', '.join(pending)} not completed (the run stopped or is still running)."]
                               if pending else [])
            args.out.write_text(report(info, results, lighthouse, started, partial), "utf-8")
        finally:
            if args.keep:
                print(f"    kept {tmp}", file=sys.stderr)
            else:
                shutil.rmtree(tmp, ignore_errors=True)
    if 1 not in sizes and not args.no_lighthouse:
        notes.append("Lighthouse runs on the 1-bulletin site: add 1 to --sizes.")
    args.out.write_text(report(info, results, lighthouse, started, notes), "utf-8")
    print(f"[{time.time() - started:6.0f} s] wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
