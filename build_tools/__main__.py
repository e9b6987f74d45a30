"""Command line: `python -m build_tools build | serve | export | inspect | check`."""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import traceback
from pathlib import Path

from . import fingerprint, incremental, yamlfile
from .errors import BuildError, display_path
from .fingerprint import project_stamp
from .check import check_project, source_warnings
from .evaluate import report
from .editions import make_editions
from .export import export_json
from .handouts import render_handouts, write_pdfs
from .inspection import load_texts, report as inspection
from .linking import AlignCache, crosslink
from .pipeline import HANDOUTS_SITE, build, index_search, load_project, parse_cache, replace_dir
from .shards import Shard, merge as merge_shards
from .preview import Watcher, serve
from .project import Project
from .translations import LANGUAGES, coverage, write_translations


ROOT = Path(__file__).resolve().parent.parent  # the default project: this checkout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the project folder holding source_texts/ and mkdocs.yml (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="parse every bulletin in source_texts/ and write the site to site/")
    build_cmd.add_argument("--strict", action="store_true",
                           help="fail on stale or missing translations (CI uses this)")
    build_cmd.add_argument("--no-pdf", action="store_true",
                           help="leave out the PDF handouts (a quicker build for checking pages; the benchmark's)")
    build_cmd.add_argument("--shard", metavar="K/N", type=shard_argument,
                           help="build only the K-th of N shards of the bulletins, into build/shard-K-of-N/site/ "
                                "(CI builds the shards as a job matrix; `merge` puts them together)")
    merge = commands.add_parser("merge", help="put the sites of `build --shard K/N` together into site/, with one "
                                "search index")
    merge.add_argument("shards", nargs="+", type=Path, metavar="FOLDER", help="build/shard-K-of-N/, every K from 1 to N")
    serve = commands.add_parser("serve", help="build the pages (not the PDF handouts: `build` prints them), serve "
                                "site/ on localhost; build again and reload the open pages whenever a file under "
                                "source_texts/ changes")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-build", action="store_true", help="serve the existing site/ as it is")
    serve.add_argument("--no-watch", action="store_true", help="do not build again when a source changes")
    export = commands.add_parser("export", help="print the model of the given bulletins as JSON")
    export.add_argument("sources", nargs="+", type=Path, metavar="SOURCE.txt")
    inspect = commands.add_parser("inspect", help="print what the parser sees in the given texts (articles, ids, "
                                  "links, every guess), to check against the printed page before committing")
    inspect.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                         help="a bulletin's folder, its source.txt, or any .txt file; several are linked together")
    commands.add_parser("check", help="parse every bulletin, prove nothing is lost, validate every contributor file "
                                      "against its schema; writes nothing")
    translations = commands.add_parser("translations", help="coverage of the translations; --write adds missing entries")
    translations.add_argument("--language", default="en", choices=LANGUAGES)
    translations.add_argument("--write", action="store_true", help="write every article's file with all its entries")
    translations.add_argument("--strict", action="store_true", help="exit 1 if any entry is stale or missing")
    commands.add_parser("pdf", help="write the PDF handouts of every bulletin into site/ (build includes them)")
    evaluate = commands.add_parser("evaluate", help="precision and recall of the Q&A-to-clause links against answer "
                                                    "keys, per pair at question and point level")
    evaluate.add_argument("keys", nargs="*", type=Path, metavar="KEY",
                          help="a gold YAML file, or a pair folder holding document.txt, interview.txt and "
                               "links.json (default: every key under tests/fixtures/)")
    args = parser.parse_args(argv)
    # The one place the environment is read: every stage gets what it needs from the project.
    args.project = Project.from_environment(args.root, os.environ)
    args.root = args.project.root
    try:
        return COMMANDS[args.command](args)
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # noqa: BLE001 — a bug, not bad input: say so in one line, and how to see more
        if os.environ.get("BUILD_TOOLS_DEBUG"):
            raise
        where = traceback.extract_tb(err.__traceback__)[-1]
        print(f"error: internal error in build_tools ({type(err).__name__} at {Path(where.filename).name}:"
              f"{where.lineno}: {str(err)[:200]}); this is a bug, not your input's fault: please report it with "
              "the input that caused it (BUILD_TOOLS_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 2


def shard_argument(text: str) -> Shard:
    """--shard's value, refused by argparse in one line (usage and message) when it is not K/N."""
    try:
        return Shard.parse(text)
    except BuildError as err:
        raise argparse.ArgumentTypeError(err.message) from None


def cmd_build(args) -> int:
    root = args.root
    fingerprint.forget_files()
    yamlfile.forget_files()
    pdfs = not getattr(args, "no_pdf", False)
    shard = getattr(args, "shard", None)
    stamp = project_stamp(args.project, f"strict={getattr(args, 'strict', False)}", f"pdfs={pdfs}")
    if not shard and incremental.up_to_date(args.project, stamp):
        print("site/ is up to date: no source text, contributor file, theme file or tool changed since the "
              "last build", file=sys.stderr)
        return 0
    incremental.forget_build(args.project)
    parsed = parse_cache(args.project)
    bulletins = load_project(root, parsed)
    aligned = AlignCache(args.project.work / "cache" / "align")
    try:
        links = crosslink(bulletins, aligned)
    except BuildError:
        links = None  # check_project reports it with every other problem
    # The contributor files are checked first: a broken note or glossary entry stops the
    # build before anything is written, with every problem listed.
    print_warnings(source_warnings(bulletins))
    if print_problems(check_project(root, bulletins, links)):
        return 1
    incomplete = report_translations(bulletins, links, "en", verbose=False)
    if incomplete and getattr(args, "strict", False):
        print(f"error: {incomplete} English translation entries are stale or missing; "
              "run `python -m build_tools translations` for the list", file=sys.stderr)
        return 1
    aligned.save()
    parsed.save()
    built = build(args.project, bulletins=bulletins, crosslinks=links, pdfs=pdfs, shard=shard)
    if shard:
        print(f"built shard {shard.index} of {shard.count} ({len(shard.select(built))} of {len(built)} bulletins) into "
              f"{display_path(shard.folder(args.project) / 'site')}/", file=sys.stderr)
        return 0
    incremental.record_build(args.project, stamp)
    pages = sum(len(b.articles) for b in built)
    print(f"built site/: {len(built)} bulletin(s), {pages} article pages in 3 editions", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    # A preview of the pages: printing the handouts again took half of each rebuild (1.5 s of a
    # 4 s wait at 10 bulletins); `build` prints them.
    args.no_pdf = True
    if not args.no_build:
        cmd_build(args)  # a failure is printed; the watcher builds again at the next change
    root = args.project.root
    watcher = None if args.no_watch else Watcher([args.project.texts, root / "mkdocs.yml", root / "overrides"],
                                                 lambda: cmd_build(args))
    serve(args.project.site, args.port, watcher)
    return 0


def cmd_export(args) -> int:
    bulletins = load_texts(args.sources)  # as inspect reads them: a folder stands for its source.txt
    sys.stdout.write(export_json(bulletins, crosslink(bulletins).links))
    return 0


def cmd_inspect(args) -> int:
    bulletins = load_texts(args.paths)
    print_warnings(source_warnings(bulletins))  # as check warns: hidden characters, kept as received
    sys.stdout.write(inspection(bulletins, crosslink(bulletins)))
    return 0


def cmd_translations(args) -> int:
    bulletins = load_project(args.root)
    links = crosslink(bulletins)
    if args.write:
        write_translations(bulletins, links, args.language)
    incomplete = report_translations(bulletins, links, args.language, verbose=True)
    return 1 if args.strict and incomplete else 0


LISTED = 20  # incomplete articles a build names; `translations` lists them all


def report_translations(bulletins, links, language: str, verbose: bool) -> int:
    """Print coverage per article (`verbose`: every article and each entry not up to date; else the
    articles not complete, and a total: a build of 1,000 bulletins would print 7,000 lines); the
    number of stale or missing entries."""
    incomplete = articles = complete = 0
    for bulletin, article, result in coverage(bulletins, links, language):
        counts = {status: sum(t.status == status for t in result.values()) for status in ("ok", "stale", "missing")}
        incomplete += counts["stale"] + counts["missing"]
        articles += 1
        complete += counts["ok"] == len(result)
        if verbose or (counts["ok"] < len(result) and articles - complete <= LISTED):
            share = 100 * counts["ok"] / len(result)
            print(f"{bulletin.id}/{article.id}: {share:5.1f} % ({counts['ok']}/{len(result)} translated, "
                  f"{counts['stale']} stale, {counts['missing']} missing)", file=sys.stderr)
        for key, translation in result.items():
            if verbose and translation.status != "ok":
                print(f"  {translation.status}: {key}", file=sys.stderr)
    if not verbose:
        more = articles - complete - LISTED
        print((f"… and {more} more articles not complete\n" if more > 0 else "")
              + f"translations ({language}): {complete} of {articles} articles complete, {incomplete} entries stale or "
              "missing" + ("; `python -m build_tools translations` lists them" if incomplete else ""), file=sys.stderr)
    return incomplete


def cmd_pdf(args) -> int:
    root = args.root
    bulletins = load_project(root)
    if print_problems(check_project(root, bulletins)):
        return 1
    links = crosslink(bulletins)
    written = write_pdfs(render_handouts(bulletins, links, make_editions(bulletins, links, args.project)),
                         args.project.site)
    print(f"wrote {len(written)} PDF handouts under site/", file=sys.stderr)
    return 0


def cmd_merge(args) -> int:
    project = args.project
    stage = project.work / "site.new"
    shutil.rmtree(stage, ignore_errors=True)
    incremental.forget_build(project)  # site/ will be the shards', not a build's of these inputs
    folders = [folder.resolve() for folder in args.shards]
    groups = merge_shards(folders, stage)
    if any((folder / HANDOUTS_SITE).is_dir() for folder in folders):  # built with HANDOUTS_URL
        handouts = project.work / f"{HANDOUTS_SITE}.new"
        shutil.rmtree(handouts, ignore_errors=True)
        merge_shards(folders, handouts, HANDOUTS_SITE)
        replace_dir(handouts, project.work / HANDOUTS_SITE, project.work / "trash")
    index_search(project, stage, dict(os.environ), groups, None)
    replace_dir(stage, project.site, project.work / "trash")
    print(f"merged {len(args.shards)} shards into site/", file=sys.stderr)
    return 0


def cmd_evaluate(args) -> int:
    sys.stdout.write(report(args.keys, args.root))
    return 0


def cmd_check(args) -> int:
    bulletins = load_project(args.root)
    print_warnings(source_warnings(bulletins))
    if print_problems(check_project(args.root, bulletins)):
        return 1
    for bulletin in bulletins:
        print(f"{display_path(bulletin.path)}: {len(bulletin.articles)} articles, every character accounted for; "
              "contributor files valid", file=sys.stderr)
    return 0


def print_warnings(warnings: list) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def print_problems(problems: list) -> int:
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in contributor files; nothing was written", file=sys.stderr)
    return len(problems)


COMMANDS = {"build": cmd_build, "serve": cmd_serve, "export": cmd_export, "inspect": cmd_inspect, "check": cmd_check,
            "evaluate": cmd_evaluate, "merge": cmd_merge, "translations": cmd_translations, "pdf": cmd_pdf}

if __name__ == "__main__":
    sys.exit(main())
