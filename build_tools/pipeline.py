"""The whole build, in one readable function: parse → render Markdown → MkDocs → search index.

Order matters and is deliberate:
1. every bulletin is read and parsed (and its conservation proved) before anything
   is written, so bad input stops the build with the old site untouched;
2. the PDF handouts are printed (into build/handouts/), before the pages: an article page's
   links give each handout's file size;
3. Markdown is rendered into docs/ (build output, not committed);
4. MkDocs renders each edition (two at a time on two cores, the next edition's Markdown
   rendering meanwhile) into a staging folder; Pagefind indexes the staged HTML;
5. only then does the staging folder replace site/.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from . import incremental
from .errors import BuildError
from .fingerprint import code_digest, digest, files_digest, tool_versions, tree_files
from .linking import crosslink
from .model import Bulletin
from .project import Project
from .parse import parse_source
from .parse_cache import ParseCache
from . import search_index
from .editions import NAMES, ROOTS, Edition, make_editions, relative_root
from .handout_cache import print_handouts
from .labels import label
from .navigation import nav
from .render import Pages, page_address, render_editions
from .runner import run
from .shards import Shard
from .source import META_NAME, Source, check_bulletin_id, find_bulletins, read_source

def load_bulletins(paths: list[Path]) -> list[Bulletin]:
    return [parse_source(read_source(path)) for path in paths]


def load_project(root: Path, cache: ParseCache | None = None) -> list[Bulletin]:
    """Every bulletin of the project at `root`, its tree checked (source.check_tree), each id of the
    strict form and none used twice: two bulletins with one id would be published over each other.
    With a `cache` (build/cache/parse/), a bulletin whose files are unchanged is not parsed again; the
    caller saves the cache once the build has checked the rest of its input."""
    bulletins = []
    seen: dict[str, Path] = {}
    for path in find_bulletins(root / "source_texts"):
        def parse(path=path) -> Bulletin:
            source = read_source(path)
            check_bulletin_id(source)
            check_unique_id(source, seen)  # before parsing, as this bulletin's id is all that is wrong
            return parse_source(source)
        bulletin = cache.get(path, parse) if cache else parse()
        if bulletin.id in seen:  # from the cache (a parsed one was checked): read again for the message's line
            check_unique_id(read_source(path), seen)
        seen[bulletin.id] = path
        bulletins.append(bulletin)
    return bulletins


def check_unique_id(source: Source, seen: dict[str, Path]) -> None:
    """`source`'s id is none of the ids `seen` (id → the source.txt that has it)."""
    if source.id in seen:
        line = source.meta_file.line(("id",)) if source.meta_file and "id" in source.meta else None
        raise BuildError(source.path.parent / META_NAME, f"bulletin id {source.id!r} is also the id of "
                         f"{seen[source.id].parent.name}/; give each bulletin its own id", line)


def parse_cache(project: Project) -> ParseCache:
    return ParseCache(project.work / "cache" / "parse")


def build(project: Project, site_dir: Path | None = None, bulletins: list[Bulletin] | None = None,
          crosslinks=None, pdfs: bool = True, shard: Shard | None = None) -> list[Bulletin]:
    """The whole build; `bulletins` and `crosslinks`, when the caller already has them, are not redone.

    `pdfs=False` leaves out the handouts. With a `shard`, only its bulletins' pages and handouts
    are made, into its folder under build/ (shards.py); `merge` puts the shards' folders together.
    """
    parsed = None if bulletins else parse_cache(project)
    bulletins = bulletins or load_project(project.root, parsed)
    # Curated links are checked here, before anything is written.
    crosslinks = crosslinks or crosslink(bulletins)
    editions = make_editions(bulletins, crosslinks, project)  # so are the translation files
    if parsed:
        parsed.save()
    mine = shard.select(bulletins) if shard else bulletins
    work = shard.folder(project) if shard else project.work
    docs = work / "docs" if shard else project.docs
    if shard:  # a shard starts from nothing: CI builds each on a fresh machine
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    stage, handouts = work / "site.new", work / "handouts"
    for folder in (stage, handouts):
        shutil.rmtree(folder, ignore_errors=True)
    # The handouts before the pages: each article page's links say the size of the file printed now.
    # A handout whose HTML is unchanged is not printed again (the PDF cache), and a bulletin whose
    # inputs are unchanged does not render its handouts' HTML again (handout_cache.py).
    sizes = print_handouts(project, mine, crosslinks, editions, handouts) if pdfs else None
    epoch = source_date_epoch(bulletins)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch),
           # MkDocs runs as `python -m build_tools.mkdocs_build`, from whatever folder the build was started in.
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parent.parent),
                                          *filter(None, [os.environ.get("PYTHONPATH")])])}
    theme = theme_stamp(project, epoch)
    write_editions(project, bulletins, crosslinks, editions, sizes, work, docs, env, theme, shard)
    for edition in editions:
        incremental.link_files(work / "editions" / edition.code, stage / edition.root)
    # The handouts go with the pages, or into a tree of their own for their host (HANDOUTS_URL).
    printed = work / f"{HANDOUTS_SITE}.new" if project.handouts_url else stage
    shutil.rmtree(work / f"{HANDOUTS_SITE}.new", ignore_errors=True)
    for relative in sizes or ():
        (printed / relative).parent.mkdir(parents=True, exist_ok=True)
        (handouts / relative).replace(printed / relative)
    shutil.rmtree(handouts, ignore_errors=True)
    groups = search_index.groups(bulletins, crosslinks)
    if shard:
        shard.finish(stage, project, groups)
    else:
        index_search(project, stage, env, groups, digest(theme, *project.settings, str(pdfs)))
        replace_dir(stage, site_dir or project.site, project.work / "trash")
    if project.handouts_url and sizes is not None:  # once the pages that link them are in place
        replace_dir(printed, work / HANDOUTS_SITE, project.work / "trash")
    return bulletins


def write_editions(project: Project, bulletins: list[Bulletin], crosslinks, editions: list[Edition],
                   sizes: dict[str, int] | None, work: Path, docs: Path, env: dict, theme: str,
                   shard: Shard | None) -> None:
    """Each edition's Markdown into `docs`/<edition>/, and its HTML by MkDocs into `work`/editions/<edition>/.

    Each edition is its own MkDocs site: it goes to MkDocs as soon as its Markdown is written,
    while the next edition renders, and MkDocs runs as many at a time as there are cores. The
    folders are kept between builds: MkDocs renders again only the pages whose Markdown changed,
    when nothing else did (`incremental.plan`: `theme` is what besides the Markdown and the config
    goes into the HTML); a shard's renders around the other shards' pages.
    """
    outputs = work / "editions"
    pages = None if shard else incremental.PageCache(project, crosslinks, sizes)
    navs = {edition.code: nav(bulletins, crosslinks, edition) for edition in editions}
    reuse = shard.placeholders(bulletins, navs) if shard else pages.reuse
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        runs = []
        for edition, files in render_editions(bulletins, crosslinks, editions, sizes, reuse):
            changed = sync_docs(files, docs / edition.code)
            config = write_config(work, docs, edition, editions, navs[edition.code])
            if shard:
                plan = shard.plan(outputs / edition.code, docs / edition.code, files.kept)
            else:
                pages.record(edition, files.paths(), bulletins)
                plan = incremental.plan(outputs / edition.code,
                                        digest(theme, config.read_text("utf-8"), *files.paths()),
                                        [output_path(path) for path in changed])
            runs.append(pool.submit(run_mkdocs, config, plan, env))
        for finished in runs:
            finished.result()  # the first failure stops the build; site/ stays as it was


def index_search(project: Project, stage: Path, env: dict, groups: list[search_index.Group],
                 inputs: str | None) -> None:
    """The search index of `stage`, a run per edition and year kept while nothing it reads changed since
    the last build under the same `inputs` (theme, tools, code, settings; None: every run made again)."""
    keys = (search_index.run_keys(groups, list(ROOTS), search_index.source_digests(project.texts), inputs)
            if inputs else None)
    search_index.build_index(stage, dict(ROOTS), project.work / "search", groups, env, keys)


HANDOUTS_SITE = "handouts-site"  # build/handouts-site/ (a shard's: in its folder): what HANDOUTS_URL serves


def theme_stamp(project: Project, epoch: int) -> str:
    """Everything besides the Markdown and the edition's config that goes into MkDocs' HTML: the shared
    mkdocs.yml, the theme overrides, the tools' versions, this package, and the date in the sitemap."""
    return digest(project.root.joinpath("mkdocs.yml").read_bytes(),
                  files_digest(tree_files(project.root / "overrides"), project.root),
                  tool_versions(), code_digest(), str(epoch))


def run_mkdocs(config: Path, plan, env: dict) -> None:
    """MkDocs on one edition as `plan` says (incremental.Plan, shards.ShardPlan): where, and whether dirty."""
    command = [sys.executable, "-m", "build_tools.mkdocs_build", str(config), str(plan.output)]
    run(command + (["--dirty"] if plan.dirty else []), env, f"MkDocs ({config.name})")
    plan.done()


def sync_docs(pages: Pages, docs: Path) -> list[str]:
    """docs/ holds exactly the rendered pages and those kept as they are (`pages.kept`): stale pages
    of removed articles go, and a page whose Markdown is the same is not written again, so MkDocs
    (`--dirty`) sees it unchanged. The pages written."""
    changed = []
    for relative, content in sorted(pages.items()):
        path = docs / relative
        data = content.encode("utf-8")
        if path.is_file() and not path.is_symlink() and path.stat().st_size == len(data) and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        path.write_bytes(data)
        changed.append(relative)
    for path in sorted(incremental.tree(docs), reverse=True):
        relative = path.relative_to(docs).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif relative not in pages and relative not in pages.kept:
            path.unlink()
    return changed


def output_path(relative: str) -> str:
    """Where MkDocs writes a docs/ file: `a/b.md` and `a/b/index.md` to `a/b/index.html`."""
    address = page_address(relative)
    if not relative.endswith(".md"):
        return relative
    return f"{address}/index.html" if address else "index.html"


def write_config(work: Path, docs: Path, edition: Edition, editions: list[Edition], navigation: list) -> Path:
    """A child of the committed mkdocs.yml for one edition, in `work`: its docs, language and navigation.

    MkDocs resolves docs_dir and theme.custom_dir against the child's folder.
    """
    published = edition.project.site_url
    root = edition.project.root
    child = {
        "INHERIT": os.path.relpath(root / "mkdocs.yml", work),
        "docs_dir": os.path.relpath(docs / edition.code, work),
        "site_name": label(edition.ui["site_title"]),  # themes print it unescaped
        "copyright": label(edition.ui["footer"]),  # where the texts come from, and who wrote the rest
        # Known only where the site is published (SITE_URL): canonical links, hreflang, sitemap.
        **({"site_url": f"{published}/{edition.root}"} if published else {}),
        "hooks": [os.path.relpath(Path(__file__).parent / "html_squeeze.py", work)],
        "theme": {"custom_dir": os.path.relpath(root / "overrides", work), "language": edition.code,
                  # Light or dark as the reader's system asks, and a toggle in the header to change it.
                  "palette": [
                      {"media": "(prefers-color-scheme: light)", "scheme": "default",
                       "toggle": {"icon": "material/brightness-7", "name": label(edition.ui["dark_mode"])}},
                      {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
                       "toggle": {"icon": "material/brightness-4", "name": label(edition.ui["light_mode"])}}]},
        "nav": navigation,
        "extra": {
            # The other editions, relative to this one's root; the theme adds the page's path.
            "alternate": [{"name": NAMES[other.code], "link": relative_root(edition, other), "lang": other.code,
                           **({"url": f"{published}/{other.root}"} if published else {})}
                          for other in editions],
            "site_root": relative_root(edition, editions[0]),
            "edition": edition.code,
            # Words the theme needs that Material does not translate (build_tools/ui/*.yml).
            "ui": {key: label(edition.ui[key]) for key in ("search_more", "search_close", "terms_switch")},
        },
    }
    path = work / f"mkdocs.{edition.code}.yml"
    path.write_text("# Generated by `python -m build_tools build`; edit ../mkdocs.yml instead.\n"
                    + yaml_text(child) + "\n", encoding="utf-8")
    return path


# Characters PyYAML (MkDocs' reader) refuses in a file, or reads as a line break inside a quoted string.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def yaml_text(value) -> str:
    """`value` as YAML that MkDocs reads back equal: JSON, which is YAML (its strings are double-quoted
    YAML strings, whose escapes are JSON's), with the characters above escaped too. yaml.safe_dump took
    0.3–1 s per edition for the navigation of 1,000 bulletins; this takes a hundredth of that. On one
    line: MkDocs reads it as fast as safe_dump's block style, and indented flow style twice as slowly."""
    return _YAML_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", json.dumps(value, ensure_ascii=False))


def source_date_epoch(bulletins: list[Bulletin]) -> int:
    """Dates in the output (sitemap) come from the newest bulletin, never from the clock."""
    dates = sorted(str(b.meta.get("date")) for b in bulletins if b.meta.get("date"))
    if not dates:
        return 0
    seconds = int(datetime.fromisoformat(dates[-1]).replace(tzinfo=timezone.utc).timestamp())
    # Tools write it into 32-bit fields (the gzip header of sitemap.xml.gz): a bulletin of 1956 or
    # dated 9999 is still a bulletin, and the sitemap's date is only the newest date it can hold.
    return min(max(seconds, 0), 2**32 - 1)


def replace_dir(new: Path, target: Path, trash: Path) -> None:
    """Swap the staged site into place; the old site stays until the new one is complete.

    The old site goes to `trash` and is deleted by a process of its own that the build does not
    wait for: unlinking 40,000 files took longer than the rest of a one-edit rebuild at 100 bulletins."""
    trash.mkdir(parents=True, exist_ok=True)
    if target.exists():
        try:
            target.rename(trash / f"{target.name}-{time.time_ns()}")
        except OSError:  # another file system: deleted here, then
            shutil.rmtree(target)
    shutil.move(new, target)
    subprocess.Popen([sys.executable, "-c", "import shutil, sys\nfor p in sys.argv[1:]: shutil.rmtree(p, True)",
                      *sorted(str(p) for p in trash.iterdir())],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)
