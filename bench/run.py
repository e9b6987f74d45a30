"""Build cost at scale, timed on the real command: `python -m build_tools --root PROJECT build` (not a test).

    .venv/bin/python bench/run.py [--sizes 1,10,100] [--repeats 3] [--no-pdf-sizes 100,1000]
                                  [--no-preview] [--no-search] [--no-lighthouse] [--fresh]

What is measured, for each size N (bulletins; bench/projects.py makes the project from varied real texts):

- **the real build**, as a contributor or CI runs it: `python -m build_tools --root P build` in a
  child process (with `--no-pdf` at the sizes of `--no-pdf-sizes`: "without handouts"), in three
  situations, one after another on the same project:
    cold     a fresh copy of the project (no build/, docs/ or site/: no cache of any kind);
    warm     the same command again, nothing changed (the build sees that and stops early);
    one edit after `edit_one_entry` changed one English entry (an incremental rebuild).
- **plain MkDocs on the same Markdown, with the same parallelism**: after the cold build, docs/<ed>/
  holds the generated Markdown and build/mkdocs.<ed>.yml the generated configs; plain MkDocs is
  `python -m mkdocs build -f build/mkdocs.<ed>.yml -d TMP/<ed>` for the three editions, two at
  a time as the real build runs them on 2 cores. For information: Pagefind over that output with
  the build's options (`search_index.pagefind_command`), what searching a plain MkDocs site with
  Pagefind would add; and `mkdocs build --dirty` of the English edition after the edited page was
  touched (what MkDocs alone does for one page).
- **interleaved and repeated**: each of `--repeats` rounds is cold real → plain (→ Pagefind on it) →
  warm real → edit real → plain --dirty, so that the real build and plain MkDocs alternate and see the same load;
  the report gives the median and min–max of the rounds, and the cold/plain ratio per round.

How: wall time is time.perf_counter around the child(ren). CPU time is the growth of
getrusage(RUSAGE_CHILDREN) of this process across the run: user + system time of the child and of
every descendant it waited for (MkDocs, Pagefind, the handout printers). Peak memory is given two
ways, as no single number is exact: the largest max RSS of one process of the tree (os.wait4 of
the child: Linux reports the max over the child and its waited-for descendants; exact, but a lower
bound of the tree's peak when processes run side by side), and the peak of the summed PSS
(/proc/PID/smaps_rollup: private pages, plus a share of the pages shared with other processes, so
a forked printer is not counted twice) of every live descendant of this process, sampled every
0.2 s, or less often when a sample is slow (at most 5 % of a core; a spike between samples can be
missed). The summed RSS, which counts shared pages once per
process, is kept in results.json too.

Also recorded at each size: the site (files; total; HTML + search without PDFs; PDFs), the
Pagefind bundle, the interview and Opinion pages of the newest xinhua bulletin (raw and gzip -6),
and the bytes of a first search (Playwright driving /usr/bin/chromium, never a downloaded browser,
against `python -m http.server`). At `--preview-size` (10): **live preview latency**, `python -m
build_tools --root P serve --port 0` with the English Opinion page open in Chromium, from writing
the edited entry to the page showing it (the page reloads itself by polling /__preview). At size 1,
Lighthouse (optional, npm, cached in ~/.cache/policy-bulletins-bench/).

Results are kept in bench/results.json, one entry per size and handouts mode (a later run replaces
the entries it measures and keeps the others, each with its date and commit; --fresh forgets them);
bench/RESULTS.md is written from it, with a Targets table. A size never measured is reported as
"not measured in this run", never estimated.
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
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from projects import EDITED_CLAUSE, edit_one_entry, edited_phrase, make_project, newest_xinhua

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from build_tools.search_index import pagefind_command  # noqa: E402  (the build's own options)
PYTHON = sys.executable
EDITIONS = ("zh-Hans", "zh-Hant", "en")  # the order in which the build hands them to MkDocs
JOBS = 2  # MkDocs runs at a time in the plain comparison: the real build uses os.cpu_count() (2 here)
QUERY = "算法"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync', '--no-first-run']
LIGHTHOUSE = "12.2.3"
LH_CACHE = Path.home() / ".cache" / "policy-bulletins-bench" / f"lighthouse-{LIGHTHOUSE}"
LH_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SAMPLE_SECONDS = 0.2
PAGE = os.sysconf("SC_PAGE_SIZE")
KB = 1024
MB = 1024 * 1024
GB = 1024 * MB

# Each child gets this environment: MkDocs 1.6 prints an advert for MkDocs 2 otherwise, and the
# project's settings must not leak in from the shell that runs the bench.
ENV = {k: v for k, v in os.environ.items()
       if k not in ("SITE_URL", "REPOSITORY_URL", "GITHUB_REPOSITORY", "REPOSITORY_BRANCH")}
ENV["NO_MKDOCS_2_WARNING"] = "1"


def log(started: float, message: str) -> None:
    print(f"[{time.time() - started:6.0f} s] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- measuring processes

@dataclass
class Run:
    """One measured run of one or more child processes."""
    wall: float  # seconds, first start to last end
    cpu: float  # seconds, user + system, children and their waited-for descendants
    rss: int  # bytes: the largest max RSS of any one process (os.wait4)
    tree_pss: int  # bytes: peak of the summed PSS of all live descendants (sampled)
    tree_rss: int  # bytes: peak of the summed RSS of all live descendants (sampled; shared pages counted in each)
    others: float  # CPU seconds the rest of the machine used meanwhile (other people's work: noise)
    output: str = ""  # what the children printed (stdout and stderr), for checks and errors


def descendants(root: int) -> dict[int, int]:
    """Every live descendant of `root` and its RSS in bytes, read from /proc/*/stat."""
    children: dict[int, list[int]] = defaultdict(list)
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:  # gone while we looked
            continue
        # The command name (field 2) may hold spaces and parentheses: split after its last ')'.
        fields = stat[stat.rfind(b")") + 2:].split()
        pid = int(entry.name)
        children[int(fields[1])].append(pid)  # field 4: ppid
        rss[pid] = int(fields[21]) * PAGE  # field 24: rss in pages
    found, stack = {}, list(children[root])
    while stack:
        pid = stack.pop()
        found[pid] = rss.get(pid, 0)
        stack += children[pid]
    return found


def pss(pid: int) -> int:
    """The process's proportional set size: its private pages, and its share of pages shared with
    other processes (a forked worker shares most of its parent's), so that sums add up."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * KB
    except OSError:
        pass
    return 0


class TreeSampler:
    """Samples the memory of this process's descendants in a thread while a measured run goes on:
    the peaks of their summed RSS and of their summed PSS."""

    def __init__(self):
        self.peak_rss = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            start = time.perf_counter()
            tree = descendants(me)
            self.peak_rss = max(self.peak_rss, sum(tree.values()))
            self.peak_pss = max(self.peak_pss, sum(pss(pid) for pid in tree))
            # Reading smaps_rollup walks the page tables: ~30 ms for a process of 3 GB. Wait 20
            # times as long as the sample took, so that sampling takes at most 5 % of one core
            # from the build it measures.
            self._stop.wait(max(SAMPLE_SECONDS, 20 * (time.perf_counter() - start)))

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def busy_seconds() -> float:
    """CPU time every process of the machine has used since boot (/proc/stat), in seconds."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def cpu_of(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def cpu_of_children() -> float:
    return cpu_of(resource.RUSAGE_CHILDREN)


def wait_child(command: list[str], cwd: Path, env: dict) -> tuple[int, int, str]:
    """Run one child to its end; (exit code, its max RSS in bytes, its output)."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        # os.wait4 rather than proc.wait(): it also returns the child's rusage, whose ru_maxrss is
        # the largest of the child and the descendants it waited for.
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait for it again
        out.seek(0)
        return proc.returncode, usage.ru_maxrss * KB, out.read().decode("utf-8", "replace")


def run_measured(commands: list[list[str]], cwd: Path, env: dict = ENV, jobs: int = 1) -> Run:
    """Run `commands`, `jobs` at a time, timed as a whole; raise if any fails."""
    # Nothing else of this process starts or reaps a child meanwhile, so the growth of
    # RUSAGE_CHILDREN is exactly these commands' CPU time.
    cpu_before, busy_before, self_before = cpu_of_children(), busy_seconds(), cpu_of(resource.RUSAGE_SELF)
    start = time.perf_counter()
    with TreeSampler() as sampler, ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda c: wait_child(c, cwd, env), commands))
    wall = time.perf_counter() - start
    cpu = cpu_of_children() - cpu_before
    # The machine is shared: what everyone else used meanwhile tells a noisy run from a slow build.
    others = max(0.0, busy_seconds() - busy_before - cpu - (cpu_of(resource.RUSAGE_SELF) - self_before))
    for command, (code, _, output) in zip(commands, results):
        if code != 0:
            raise RuntimeError(f"`{' '.join(command[1:8])} …` failed (exit {code}):\n{output[-3000:]}")
    return Run(wall, cpu, max(r for _, r, _ in results), sampler.peak_pss, sampler.peak_rss, others,
               "\n".join(o for _, _, o in results))


# --------------------------------------------------------------------------- the real command and plain MkDocs

def build_command(root: Path, pdfs: bool) -> list[str]:
    return [PYTHON, "-m", "build_tools", "--root", str(root), "build"] + ([] if pdfs else ["--no-pdf"])


def require_no_pdf_flag() -> None:
    """Stop with a clear message if `build` has no --no-pdf: a build "without handouts" cannot be
    timed on the real command then, and a stand-in would not be the real command."""
    shown = subprocess.run([PYTHON, "-m", "build_tools", "build", "--help"], cwd=REPO, env=ENV,
                           capture_output=True, text=True).stdout
    if "--no-pdf" not in shown:
        sys.exit("error: `python -m build_tools build` has no --no-pdf option in this checkout, so a build "
                 "without handouts cannot be timed on the real command. Add the option, or measure every "
                 "size with handouts: --no-pdf-sizes ''")


def real_build(root: Path, pdfs: bool) -> Run:
    # cwd is this checkout, so `-m build_tools` is this checkout's package.
    return run_measured([build_command(root, pdfs)], REPO)


def plain_mkdocs(root: Path, out: Path) -> Run:
    """Plain MkDocs on the build's generated Markdown and configs: three editions, JOBS at a time."""
    return run_measured([[PYTHON, "-m", "mkdocs", "build", "-f", str(root / "build" / f"mkdocs.{ed}.yml"),
                          "-d", str(out / ed)] for ed in EDITIONS], root, jobs=JOBS)


def plain_pagefind(out: Path) -> Run:
    """Pagefind over plain MkDocs' output, an index per edition, JOBS at a time, with the build's options:
    what a plain MkDocs site searched by Pagefind would add (for information, beside the target's ratio)."""
    return run_measured([pagefind_command(out / ed) for ed in EDITIONS], REPO, jobs=JOBS)


def plain_mkdocs_dirty(root: Path, out: Path) -> Run:
    """`mkdocs build --dirty` of the English edition after touching the edited page's Markdown."""
    page = root / "docs" / "en" / newest_xinhua(root) / "opinion.md"
    page.touch()
    return run_measured([[PYTHON, "-m", "mkdocs", "build", "--dirty", "-f", str(root / "build" / "mkdocs.en.yml"),
                          "-d", str(out / "en")]], root)


# --------------------------------------------------------------------------- one size

def fresh_copy(template: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template, target, symlinks=True)
    return target


def one_round(template: Path, work: Path, index: int, pdfs: bool, started: float) -> tuple[dict, Path]:
    """cold real → plain MkDocs (then Pagefind on its output) → warm real → one edit real → plain --dirty;
    the runs and the project."""
    root = fresh_copy(template, work / f"project-{index}")
    out = work / f"plain-{index}"
    runs = {"cold": real_build(root, pdfs)}
    log(started, f"    round {index + 1}: cold {runs['cold'].wall:.1f} s wall, {runs['cold'].cpu:.1f} s CPU")
    runs["plain"] = plain_mkdocs(root, out)
    log(started, f"    round {index + 1}: plain MkDocs {runs['plain'].wall:.1f} s wall, {runs['plain'].cpu:.1f} s CPU")
    runs["pagefind"] = plain_pagefind(out)
    log(started, f"    round {index + 1}: Pagefind on it {runs['pagefind'].wall:.1f} s wall, "
                 f"{runs['pagefind'].cpu:.1f} s CPU")
    runs["warm"] = real_build(root, pdfs)
    edit_one_entry(root)
    runs["edit"] = real_build(root, pdfs)
    runs["dirty"] = plain_mkdocs_dirty(root, out)
    log(started, f"    round {index + 1}: warm {runs['warm'].wall:.1f} s, one edit {runs['edit'].wall:.1f} s, "
                 f"plain --dirty {runs['dirty'].wall:.1f} s")
    shutil.rmtree(out, ignore_errors=True)
    return runs, root


def summary(runs: list[Run]) -> dict:
    """The rounds' figures, kept whole: the report takes medians and ranges."""
    return {"wall": [r.wall for r in runs], "cpu": [r.cpu for r in runs],
            "rss": [r.rss for r in runs], "tree_pss": [r.tree_pss for r in runs],
            "tree_rss": [r.tree_rss for r in runs], "others": [r.others for r in runs]}


def measure_size(n: int, pdfs: bool, repeats: int, work: Path, started: float) -> tuple[dict, Path]:
    """Every round at size n; the entry for results.json and the last round's project (kept for
    the page, site and search measurements)."""
    stamp = run_stamp()  # the date and load average as the size starts
    template = make_project(n, work / "template")
    rounds: list[dict] = []
    root = None
    for i in range(repeats):
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)  # disk: a 1,000-bulletin project is gigabytes
        runs, root = one_round(template, work, i, pdfs, started)
        rounds.append(runs)
    kinds = ("cold", "plain", "pagefind", "warm", "edit", "dirty")
    warm_outputs = [r["warm"].output for r in rounds]
    entry = {
        "size": n, "pdfs": pdfs, "repeats": repeats, **stamp,
        "runs": {k: summary([r[k] for r in rounds]) for k in kinds},
        # The build says so when it finds nothing to do; a warm run that rebuilt is a finding.
        "warm_noop": all("up to date" in o for o in warm_outputs),
        "warm_message": warm_outputs[-1].strip().splitlines()[-1:] if warm_outputs[-1].strip() else [],
        "cold_message": [line for line in rounds[-1]["cold"].output.splitlines() if line.startswith("built site/")],
        "edit_message": [line for line in rounds[-1]["edit"].output.splitlines() if line.startswith("built site/")],
        "site": site_sizes(root),
        "pages": page_sizes(root),
        "markdown_bytes": folder_bytes(root / "docs"),
    }
    return entry, root


def run_stamp() -> dict:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "build_tools", "overrides", "mkdocs.yml"],
                           cwd=REPO, capture_output=True, text=True).stdout.strip()
    return {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "commit": commit.stdout.strip() + ("+changes" if dirty else ""),
            "load": [round(x, 2) for x in os.getloadavg()]}


# --------------------------------------------------------------------------- what the site weighs

def folder_bytes(folder: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file())


def site_sizes(root: Path) -> dict:
    site = root / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    pdf = [p for p in files if p.suffix == ".pdf"]
    total = sum(p.stat().st_size for p in files)
    pdf_bytes = sum(p.stat().st_size for p in pdf)
    return {"files": len(files), "html_files": sum(p.suffix == ".html" for p in files), "total": total,
            "pdf_files": len(pdf), "pdf": pdf_bytes, "without_pdf": total - pdf_bytes,
            "pagefind": folder_bytes(site / "pagefind")}


def page_sizes(root: Path) -> dict:
    """The interview and Opinion pages (zh-Hans, at the site's root) of the newest xinhua bulletin."""
    sizes = {}
    for article in ("interview", "opinion"):
        body = (root / "site" / newest_xinhua(root) / article / "index.html").read_bytes()
        sizes[article] = {"raw": len(body), "gzip": len(gzip.compress(body, 6))}
    return sizes


# --------------------------------------------------------------------------- live preview

class Preview:
    """`python -m build_tools --root P serve --port 0`, started as a contributor starts it."""

    def __init__(self, root: Path, timeout: float):
        self.lines: list[str] = []
        self.address = None
        ready = threading.Event()
        # Its own session, so that stopping it reaches the MkDocs children of a build in progress.
        self.proc = subprocess.Popen([PYTHON, "-m", "build_tools", "--root", str(root), "serve", "--port", "0"],
                                     cwd=REPO, env=ENV, stderr=subprocess.PIPE, text=True, start_new_session=True)

        def drain():  # always: a full pipe would stop the server mid-build
            for line in self.proc.stderr:
                self.lines.append(line.rstrip("\n"))
                if found := re.search(r"serving site/ at (http://127\.0\.0\.1:\d+/)", line):
                    self.address = found[1]
                    ready.set()
            ready.set()

        threading.Thread(target=drain, daemon=True).start()
        start = time.perf_counter()
        if not ready.wait(timeout) or not self.address:
            self.close()
            raise RuntimeError("serve did not start:\n" + "\n".join(self.lines[-30:]))
        self.startup = time.perf_counter() - start

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)  # the group of the process started above
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def measure_preview(root: Path, edits: int) -> dict:
    """Seconds from writing the edited entry to the open English page showing it, `edits` times,
    the entry changed back and forth."""
    from playwright.sync_api import sync_playwright
    stamp = run_stamp()
    preview = Preview(root, timeout=1800)
    latencies = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                tab = browser.new_page()
                tab.goto(f"{preview.address}en/{newest_xinhua(root)}/opinion/", wait_until="load")
                selector = f"[id='{EDITED_CLAUSE}']"
                tab.locator(selector, has_text=edited_phrase(root)).wait_for(timeout=30_000)
                for _ in range(edits):
                    time.sleep(1.0)  # the page has polled once at least, and the server is idle
                    start = time.perf_counter()
                    edit_one_entry(root)
                    # Re-resolved across the reload; checked on every animation frame, not on a timer.
                    tab.locator(selector, has_text=edited_phrase(root)).wait_for(timeout=300_000)
                    latencies.append(time.perf_counter() - start)
            finally:
                browser.close()
    finally:
        preview.close()
    builds = [line for line in preview.lines if line.startswith("built site/")]
    return {"size": len(list((root / "source_texts").glob("*/source.txt"))), "latencies": latencies,
            "startup": preview.startup, "builds": len(builds), **stamp}


# --------------------------------------------------------------------------- search bytes (browser)


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


# Run in the page before the search opens: the paths it has downloaded when the first result shows
# (Resource Timing lists a request once its response is complete).
FIRST_SHOWN = """() => new MutationObserver((changes, observer) => {
    if (!document.querySelector("dialog a.site-search__link")) return;
    window.firstShown = performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname);
    observer.disconnect();
}).observe(document.body, {childList: true, subtree: true})"""


def measure_search(site: Path, search_page: str) -> dict:
    """A first search on an article page in a fresh browser context: what the page view loads, and
    what the search loads until its first results show."""
    from playwright.sync_api import sync_playwright
    server = Server(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                page = ctx.new_page()
                mark = len(server.log)
                page.goto(server.base + search_page, wait_until="networkidle")
                server.quiet()
                view = server.sizes(server.log[mark:])
                mark = len(server.log)
                page.evaluate(FIRST_SHOWN)
                page.click("[data-site-search]")
                box = page.locator("dialog.site-search-dialog input[type=search]")
                box.wait_for()
                box.focus()
                start = time.perf_counter()
                page.keyboard.insert_text(QUERY)
                page.wait_for_selector("dialog.site-search-dialog a.site-search__link", timeout=30000)
                ms = (time.perf_counter() - start) * 1000
                results = page.locator("dialog.site-search-dialog a.site-search__link").count()
                server.quiet()
                after = server.log[mark:]
                # What the page had downloaded when the first result showed (the dialog goes on to merge
                # the older years' indexes at once: a time cut-off at the server would count them).
                loaded = {unquote(path) for path in page.evaluate("window.firstShown")}
                first = server.sizes([e for e in after if unquote(urlsplit(e[0]).path) in loaded])
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


def lighthouse_pages(bulletin: str) -> dict[str, str]:
    return {"home": "/", "Opinion": f"/{bulletin}/opinion/", "interview": f"/{bulletin}/interview/"}


def run_lighthouse(root: Path) -> dict:
    """Lighthouse on the project's site as a host would serve it: gzip, and built (by the real
    command, without handouts) for the address it is served at (SITE_URL), so that canonical and
    hreflang links are absolute and valid."""
    try:
        cli = lighthouse_cli()
        version = json.loads((cli.parents[1] / "package.json").read_text())["version"]
    except Exception as err:  # noqa: BLE001 - recorded, never guessed
        return {"error": str(err)}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    out: dict = {"version": version, "pages": {}, **run_stamp()}
    pages = lighthouse_pages(newest_xinhua(root))
    site = root / "site"
    server = Server(site, compress=True)  # serves the folder by name: the build replaces it meanwhile
    try:
        subprocess.run(build_command(root, pdfs=False), cwd=REPO, check=True, capture_output=True,
                       env={**ENV, "SITE_URL": server.base.rstrip("/")})
        with tempfile.TemporaryDirectory() as tmp:
            for label, path in pages.items():
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
                out["pages"][label] = {"path": path, "scores": scores, "failing": failing, "metrics": metrics, "warnings": warnings}
    finally:
        server.close()
    return out


# --------------------------------------------------------------------------- machine

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


# --------------------------------------------------------------------------- report

def secs(s: float) -> str:
    text = f"{s:.2f} s" if s < 10 else f"{s:.1f} s" if s < 120 else f"{s:.0f} s"
    return text + (f" ({s / 60:.1f} min)" if s >= 120 else "")


def mib(b: float) -> str:
    return f"{b / GB:.2f} GiB" if b >= GB else f"{b / MB:.0f} MiB"


def kb(b: float) -> str:
    return f"{b / KB:.1f} KB"


def spread(values: list[float], fmt) -> str:
    """Median, and the range when there is more than one value."""
    if len(values) == 1:
        return fmt(values[0])
    return f"{fmt(statistics.median(values))} ({fmt(min(values))} – {fmt(max(values))})"


def plural(n: int) -> str:
    return f"{n:,} bulletin{'s' * (n != 1)}"


def mode(pdfs: bool) -> str:
    return "with handouts" if pdfs else "without handouts (`build --no-pdf`)"


def entry_key(n: int, pdfs: bool) -> str:
    return f"{n}-{'pdf' if pdfs else 'nopdf'}"


def ratios(entry: dict, measure: str, searched: bool = False) -> list[float]:
    """Cold real ÷ plain MkDocs (`searched`: plus Pagefind on its output), per round: each ran back to
    back with the cold build, under the same load. [] when an older run did not time Pagefind."""
    runs = entry["runs"]
    if searched and "pagefind" not in runs:
        return []
    plain = runs["plain"][measure]
    if searched:
        plain = [a + b for a, b in zip(plain, runs["pagefind"][measure])]
    return [a / b for a, b in zip(runs["cold"][measure], plain)]


RUN_LABELS = {
    "cold": "cold build (fresh copy, no build/ docs/ site/)",
    "plain": "plain MkDocs: `mkdocs build` ×3 editions, 2 at a time",
    "pagefind": "Pagefind over plain MkDocs' output, the build's options, ×3 editions, 2 at a time (for information)",
    "warm": "no-change rebuild (same command again)",
    "edit": "one edited English entry (incremental rebuild)",
    "dirty": "plain `mkdocs build --dirty`, the edited page touched (en edition only; for information)",
}


def size_section(entry: dict) -> list[str]:
    n, pdfs = entry["size"], entry["pdfs"]
    lines = [f"## {plural(n)}, {mode(pdfs)}", ""]
    if "error" in entry:
        return lines + [f"The run failed ({entry['date']}): `{entry['error'][-1500:]}`", ""]
    cmd = f"python -m build_tools --root P build{'' if pdfs else ' --no-pdf'}"
    lines += [f"Measured {entry['date']} on commit `{entry['commit']}` by `{entry.get('command', '')}`, "
              f"{entry['repeats']} round(s), load average "
              f"at start {' / '.join(map(str, entry['load']))}. The real command: `{cmd}`; "
              + "; ".join(f"its last cold run said `{m}`" for m in entry["cold_message"]) + ".", "",
              "| run | wall | CPU (user + system) | peak memory: largest process (max RSS) | peak memory: process tree "
              "(summed PSS, sampled) | other processes' CPU meanwhile |",
              "|---|---|---|---|---|---|"]
    runs = entry["runs"]
    for kind in ("cold", "plain"):
        r = runs[kind]
        lines.append(f"| {RUN_LABELS[kind]} | {spread(r['wall'], secs)} | {spread(r['cpu'], secs)} | "
                     f"{spread(r['rss'], mib)} | {spread(r['tree_pss'], mib)} | {spread(r['others'], secs)} |")
    ratio = lambda v: f"{v:.2f}×"  # noqa: E731
    lines.append(f"| **cold build ÷ plain MkDocs** (per round) | **{spread(ratios(entry, 'wall'), ratio)}** | "
                 f"**{spread(ratios(entry, 'cpu'), ratio)}** | | | |")
    if "pagefind" in runs:
        r = runs["pagefind"]
        lines.append(f"| {RUN_LABELS['pagefind']} | {spread(r['wall'], secs)} | {spread(r['cpu'], secs)} | "
                     f"{spread(r['rss'], mib)} | {spread(r['tree_pss'], mib)} | {spread(r['others'], secs)} |")
        lines.append(f"| cold build ÷ (plain MkDocs + Pagefind) (per round; for information) | "
                     f"{spread(ratios(entry, 'wall', True), ratio)} | {spread(ratios(entry, 'cpu', True), ratio)} | | | |")
    for kind in ("warm", "edit", "dirty"):
        r = runs[kind]
        lines.append(f"| {RUN_LABELS[kind]} | {spread(r['wall'], secs)} | {spread(r['cpu'], secs)} | "
                     f"{spread(r['rss'], mib)} | {spread(r['tree_pss'], mib)} | {spread(r['others'], secs)} |")
    if not entry["warm_noop"]:
        lines += ["", "**The no-change run did not stop early**: it did not print \"up to date\" (its last line: "
                  f"`{' '.join(entry['warm_message'])}`)."]
    s = entry["site"]
    lines += ["", f"Site: {s['files']:,} files ({s['html_files']:,} HTML), {mib(s['total'])} in all: HTML, assets and "
              f"search {mib(s['without_pdf'])}, PDFs {mib(s['pdf'])} ({s['pdf_files']:,} handouts); Pagefind bundle "
              f"{mib(s['pagefind'])}. Generated Markdown (docs/): {mib(entry['markdown_bytes'])}.", "",
              "| page of the newest xinhua bulletin (zh-Hans) | raw | gzip -6 |", "|---|---|---|"]
    for article, p in entry["pages"].items():
        lines.append(f"| {article} | {kb(p['raw'])} | {kb(p['gzip'])} |")
    lines += search_lines(entry.get("search"))
    return lines + [""]


def search_lines(s: dict | None) -> list[str]:
    if not s:
        return ["", "Search bytes: not measured in this run."]
    if "error" in s:
        return ["", f"Search measurement failed: {s['error']}"]
    return ["", f"Search on `{s['page']}` (fresh browser context), query `{QUERY}`:", "",
            "| | requests | raw | gzip |", "|---|---|---|---|",
            f"| plain page view | {s['view']['requests']} | {kb(s['view']['raw'])} | {kb(s['view']['gzip'])} |",
            f"| click to first results ({s['ms']:.0f} ms after typing, {s['results']} results shown) | "
            f"{s['first']['requests']} | {kb(s['first']['raw'])} | {kb(s['first']['gzip'])} |",
            f"| click until the network is quiet (every year's index searched) | {s['settled']['requests']} | "
            f"{kb(s['settled']['raw'])} | {kb(s['settled']['gzip'])} |",
            "", "Search requests to first results, gzip: " + ", ".join(
                f"`{p}` {kb(z)}" for p, z in sorted(s["first"]["paths"], key=lambda e: -e[1])) + ".",
            "Page-view requests to the search bundle: "
            + (", ".join(f"`{p}`" for p in s["view_index"]) if s["view_index"] else "none") + "."]


def preview_section(p: dict | None) -> list[str]:
    lines = ["## Live preview", ""]
    if not p:
        return lines + ["Not measured in this run.", ""]
    if "error" in p:
        return lines + [f"The measurement failed ({p['date']}): `{p['error'][-1500:]}`", ""]
    return lines + [
        f"Measured {p['date']} on commit `{p['commit']}`, {plural(p['size'])}, load average at start "
        f"{' / '.join(map(str, p['load']))}. `python -m build_tools --root P serve "
        f"--port 0` (it builds with handouts; its first build found the site up to date or built it: "
        f"{secs(p['startup'])} to \"serving\"), the English Opinion page open in Chromium (Playwright); "
        "each time, one English entry is written (`edit_one_entry`, back and forth) and the clock stops when "
        f"`[id='{EDITED_CLAUSE}']` shows the new text, after the page reloaded itself (the server's watcher polls "
        "the files every 0.25 s; the page polls /__preview every 0.25 s).", "",
        f"Latency: {', '.join(secs(v) for v in p['latencies'])}; median {secs(statistics.median(p['latencies']))}, "
        f"max {secs(max(p['latencies']))}. Builds done by the server: {p['builds']}.", ""]


def pick(entries: dict, n: int) -> tuple[dict | None, bool]:
    """The entry at size n for a target that does not say how: with handouts if measured (as
    `build` runs by default), else without; and whether it is without."""
    for pdfs in (True, False):
        e = entries.get(entry_key(n, pdfs))
        if e and "error" not in e:
            return e, not pdfs
    return None, False


def targets(results: dict) -> list[str]:
    entries = results["entries"]
    lines = ["## Targets", "", "Medians over the rounds; a size or mode not measured says so, and is never estimated.",
             "", "| target | measured | result |", "|---|---|---|"]

    def row(target: str, measured: str, ok: bool | None, caveat: str = "") -> None:
        result = "—" if ok is None else ("pass" if ok else "**FAIL**")
        lines.append(f"| {target} | {measured} | {result}{caveat} |")

    def absent(target: str) -> None:
        row(target, "not measured in this run", None)

    med = statistics.median
    big = entries.get(entry_key(1000, True))
    if big and "error" not in big:
        cold = med(big["runs"]["cold"]["wall"])
        row("1,000 bulletins: cold build with handouts ≤ 30 min", f"{secs(cold)} wall", cold <= 30 * 60)
    else:
        absent("1,000 bulletins: cold build with handouts ≤ 30 min")
    e, without = pick(entries, 1000)
    caveat = " (without handouts only: with handouts not measured)" if without else ""
    if e:
        warm, edit = med(e["runs"]["warm"]["wall"]), med(e["runs"]["edit"]["wall"])
        row("1,000: no-change rebuild ≤ 30 s", f"{secs(warm)} wall", warm <= 30, caveat)
        row("1,000: one edited translation entry ≤ 30 s", f"{secs(edit)} wall", edit <= 30, caveat)
        peak = max(max(e["runs"][k]["tree_pss"]) for k in ("cold", "warm", "edit"))
        largest = max(max(e["runs"][k]["rss"]) for k in ("cold", "warm", "edit"))
        rss_sum = max(max(e["runs"][k]["tree_rss"]) for k in ("cold", "warm", "edit"))
        row("1,000: peak memory ≤ 4 GB", f"{mib(peak)} (process tree, summed PSS, sampled); largest process "
            f"{mib(largest)}; summed RSS {mib(rss_sum)}", max(peak, largest) <= 4 * GB, caveat)
        s = e["site"]
        if without:
            row("1,000: site ≤ 1 GB", f"not measured in this run with handouts; without them {mib(s['total'])}",
                False if s["total"] > GB else None)
        else:
            pages = s["total"] - s["pdf"]
            row("1,000: site ≤ 1 GB", f"{mib(s['total'])} with the handouts ({mib(s['pdf'])}); pages and search "
                f"{mib(pages)}" + (", the handouts on a host of their own (`HANDOUTS_URL`, README)"
                                   if s["total"] > GB else ""), pages <= GB)
        page = e["pages"]["interview"]
        row("1,000: interview page ≤ 80 KB", f"{kb(page['raw'])} raw, {kb(page['gzip'])} gzip", page["raw"] <= 80 * KB)
        search = e.get("search")
        if search and "error" not in search:
            row("1,000: first search ≤ 150 KB gzip", f"{kb(search['first']['gzip'])} to the first results "
                f"({search['first']['requests']} requests); {kb(search['settled']['gzip'])} once every year's index "
                "is searched", search["first"]["gzip"] <= 150 * KB)
        else:
            absent("1,000: first search ≤ 150 KB gzip")
    else:
        for target in ("no-change rebuild ≤ 30 s", "one edited translation entry ≤ 30 s", "peak memory ≤ 4 GB",
                       "site ≤ 1 GB", "interview page ≤ 80 KB", "first search ≤ 150 KB gzip"):
            absent(f"1,000: {target}")
    e = entries.get(entry_key(100, False))
    target = "100 bulletins: cold build without handouts ≤ 1.3× plain MkDocs with the same cores, CPU"
    if e and "error" not in e:
        cpu, wall = med(ratios(e, "cpu")), med(ratios(e, "wall"))
        searched = ratios(e, "cpu", True)
        row(target, f"{cpu:.2f}× CPU ({secs(med(e['runs']['cold']['cpu']))} / {secs(med(e['runs']['plain']['cpu']))}); "
            f"wall {wall:.2f}×; median of {e['repeats']} paired rounds"
            + (f" (beside plain MkDocs + Pagefind on its output, for information: {med(searched):.2f}× CPU)"
               if searched else ""), cpu <= 1.3)
    else:
        absent(target)
    p = results.get("preview")
    target = "live preview ≤ 3 s at 10 bulletins (median of the edits)"
    if p and "error" not in p and p["size"] == 10:
        latency = statistics.median(p["latencies"])
        row(target, f"{secs(latency)} (max {secs(max(p['latencies']))}, {len(p['latencies'])} edits)", latency <= 3)
    else:
        absent(target)
    return lines + [""]


def lighthouse_section(lighthouse: dict | None) -> list[str]:
    lines = ["## Lighthouse", ""]
    if lighthouse is None:
        return lines + ["Not run (it runs at size 1 unless `--no-lighthouse`).", ""]
    if "error" in lighthouse:
        return lines + [f"Lighthouse {LIGHTHOUSE} could not run: {lighthouse['error']}", ""]
    lines += [f"Lighthouse {lighthouse['version']} (npm, `CHROME_PATH={CHROMIUM}`, "
              "`--chrome-flags=\"--headless=new --no-sandbox --disable-gpu\"`), mobile preset (default: "
              "simulated slow 4G, 4× CPU slowdown), 1-bulletin site built by `build --no-pdf` with `SITE_URL` set "
              f"to its local address and served gzip-compressed by `bench/gzip_server.py`, one run per page; "
              f"{lighthouse.get('date', '')}.", "",
              "| page | performance | accessibility | best practices | SEO | FCP / LCP / TBT / CLS | audits below 1 |",
              "|---|---|---|---|---|---|---|"]
    for label, p in lighthouse["pages"].items():
        if "error" in p:
            lines.append(f"| {label} | failed: {p['error'].replace(chr(10), ' ')[:300]} | | | | | |")
            continue
        sc = [("—" if p["scores"][c] is None else f"{round(p['scores'][c] * 100)}") for c in LH_CATEGORIES]
        fails = "; ".join(f"{c}: {', '.join(ids)}" for c, ids in p["failing"].items()) or "none"
        lines.append(f"| {label} ({p.get('path', '')}) | " + " | ".join(sc) + " | "
                     + " / ".join(p["metrics"].values()) + f" | {fails} |")
    warns = {w for p in lighthouse["pages"].values() for w in p.get("warnings", [])}
    if warns:
        lines += ["", "Lighthouse warnings: " + " ".join(sorted(warns))]
    return lines + [""]


def machine_section(m: dict) -> list[str]:
    return ["## Machine", "",
            "| | |", "|---|---|",
            f"| CPU | {m['cpu']} ({m['nproc']} cores, `nproc`) |",
            f"| memory | {m['memory']} |",
            f"| Python | {m['python']} |",
            f"| Chromium | {m['chromium']} |",
            f"| Node | {m['node']} |",
            "| packages | " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + " |", ""]


HOW = """How it is measured (bench/run.py's docstring has it all): each figure is the real command,
`python -m build_tools --root P build` (`--no-pdf`: "without handouts"), run as a child process
of the bench. **Wall**: perf_counter around the child. **CPU**: the growth of the bench's
`getrusage(RUSAGE_CHILDREN)`, user + system of the child and every descendant it waited for
(MkDocs, Pagefind, the PDF printers). **Peak memory, largest process**: `os.wait4`'s ru_maxrss (the
largest of the child and its waited-for descendants; exact, but a lower bound of the tree's peak).
**Process tree**: the largest sum of PSS (smaps_rollup: shared pages split between the processes
that share them) over all live descendants, sampled every 0.2 s or, for big processes, less often
(sampling takes at most 5 % of a core). **Plain MkDocs**:
`python -m mkdocs build -f build/mkdocs.<ed>.yml -d TMP/<ed>` on the Markdown and configs that
cold build generated, the three editions two at a time (2 cores, as the build runs them), measured
the same way; then, for information, Pagefind over its output with the build's options. Each round
runs cold real → plain (→ Pagefind) → warm real → one edit real → plain --dirty, so the two
alternate under the same load; figures are the median (min – max) of the rounds. The machine is
shared with other engineers' test runs: "other processes' CPU meanwhile" is the CPU time the rest
of the machine used during the run (/proc/stat, less the run's own), so that a slow figure can be
told from a noisy one."""


def commands_of(results: dict) -> list[str]:
    """The command lines whose measurements the report shows, oldest first."""
    measured = [*results["entries"].values(), results.get("preview") or {}, results.get("lighthouse") or {}]
    dated = sorted((m.get("date", ""), m["command"]) for m in measured if m.get("command"))
    return list(dict.fromkeys(command for _, command in dated))


def report(results: dict) -> str:
    lines = ["# Build at scale: measured by `bench/run.py`", "",
             "Written by `.venv/bin/python bench/run.py` from bench/results.json: each size and handouts mode keeps "
             "its latest run (the date, commit and command line are given with it). Projects are made by "
             "bench/projects.py: eight real texts in turn (the first bulletin, with its English translations, "
             "and seven People's Daily texts of tests/fixtures/corpus/), one day apart.", "",
             "Runs: " + "; ".join(f"`{c}`" for c in commands_of(results)) + ".", "", HOW, ""]
    lines += machine_section(results["machine"])
    lines += targets(results)
    order = sorted(results["entries"].values(), key=lambda e: (e["size"], not e["pdfs"]))
    for entry in order:
        lines += size_section(entry)
    lines += preview_section(results.get("preview"))
    lines += lighthouse_section(results.get("lighthouse"))
    return "\n".join(lines)


# --------------------------------------------------------------------------- main

def sizes_list(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="examples:\n  bench/run.py --sizes 1,10 --repeats 3\n"
                                        "  bench/run.py --sizes 100 --repeats 2\n"
                                        "  bench/run.py --sizes 1000 --repeats 1 --no-preview\n"
                                        "  bench/run.py --sizes 1000 --repeats 1 --no-pdf-sizes ''   "
                                        "(1,000 with handouts: the 30-minute target)")
    ap.add_argument("--sizes", type=sizes_list, default=[1, 10, 100],
                    help="bulletin counts, comma-separated (default 1,10,100; 1000 is heavy: use --repeats 1)")
    ap.add_argument("--repeats", type=int, default=3, help="rounds per size (default 3)")
    ap.add_argument("--no-pdf-sizes", type=sizes_list, default=[100, 1000],
                    help="sizes built without handouts (`build --no-pdf`; default 100,1000: the 100-bulletin "
                         "target is without handouts, and ~22 handouts per bulletin take minutes); '' for none")
    ap.add_argument("--preview-size", type=int, default=10,
                    help="size at which the live preview latency is measured, when it is among --sizes (default 10)")
    ap.add_argument("--preview-edits", type=int, default=4, help="edits timed in the live preview (default 4)")
    ap.add_argument("--no-preview", action="store_true")
    ap.add_argument("--no-search", action="store_true", help="skip the search-bytes measurement (Chromium)")
    ap.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (run at size 1 otherwise)")
    ap.add_argument("--fresh", action="store_true", help="forget the results of earlier runs in --json")
    ap.add_argument("--report-only", action="store_true", help="measure nothing: write --out again from --json")
    ap.add_argument("--json", type=Path, default=REPO / "bench" / "results.json")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "RESULTS.md")
    ap.add_argument("--work", type=Path, default=None, help="folder for the temporary projects (default: $TMPDIR)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary projects")
    return ap.parse_args(argv)


def load_results(path: Path, fresh: bool) -> dict:
    results = {} if fresh or not path.is_file() else json.loads(path.read_text("utf-8"))
    results.setdefault("entries", {})
    results.pop("commands", None)  # older files: the commands are now kept with each measurement
    return results


def save(results: dict, args: argparse.Namespace) -> None:
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
    args.out.write_text(report(results), "utf-8")


def guarded(fn, *args) -> dict:
    """fn's result, or what went wrong: one failed measurement is recorded, and the others go on."""
    try:
        return fn(*args)
    except Exception as err:  # noqa: BLE001 - recorded in the report
        return {"error": f"{type(err).__name__}: {err}", **run_stamp()}


def bench_size(n: int, args: argparse.Namespace, results: dict, started: float) -> None:
    pdfs = n not in args.no_pdf_sizes
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-", dir=args.work))
    key = entry_key(n, pdfs)
    log(started, f"{plural(n)}, {mode(pdfs)}: {args.repeats} round(s) in {work}")
    try:
        try:
            entry, root = measure_size(n, pdfs, args.repeats, work, started)
        except Exception as err:  # noqa: BLE001 - recorded; the other sizes go on
            results["entries"][key] = {"size": n, "pdfs": pdfs, "error": f"{type(err).__name__}: {err}", **run_stamp()}
            log(started, f"    failed: {err}")
            return
        if not args.no_search:
            log(started, "    search bytes")
            entry["search"] = guarded(measure_search, root / "site", f"/{newest_xinhua(root)}/auto-show/")
            if "page" not in entry["search"]:
                entry["search"]["page"] = f"/{newest_xinhua(root)}/auto-show/"
        entry["command"] = args.command_line
        results["entries"][key] = entry
        save(results, args)
        if n == args.preview_size and not args.no_preview:
            log(started, "    live preview")
            results["preview"] = {**guarded(measure_preview, root, args.preview_edits), "command": args.command_line}
            log(started, f"    live preview: {results['preview'].get('latencies', results['preview'].get('error'))}")
            save(results, args)
        if n == 1 and not args.no_lighthouse:
            log(started, "    Lighthouse")
            results["lighthouse"] = {**guarded(run_lighthouse, root), "command": args.command_line}
            save(results, args)
    finally:
        if args.keep:
            log(started, f"    kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.time()
    results = load_results(args.json, args.fresh)
    args.command_line = "bench/run.py " + " ".join(sys.argv[1:] if argv is None else argv)
    if args.report_only:
        args.out.write_text(report(results), "utf-8")
        log(started, f"wrote {args.out} from {args.json}")
        return 0
    if set(args.sizes) & set(args.no_pdf_sizes):
        require_no_pdf_flag()
    results["machine"] = machine()
    for n in args.sizes:
        bench_size(n, args, results, started)
        save(results, args)
    log(started, f"wrote {args.out} and {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
