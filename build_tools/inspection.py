"""`python -m build_tools inspect`: what the parser sees, for a contributor to check against the
printed page before committing a bulletin.

The report is plain text, the same in a terminal and in a pull request's comment, and stable
(tests compare it): for each article its header and first words, an interview's questions and
points, a document's tree of headings and clauses (paragraphs counted, not listed); then the
links from interview to document with their evidence; then every guess, the decisions no marker
settled, which is where a contributor should look first. Everything that is in the text is
named with its place, `source.txt:43`, so that it can be found; what is not in the text (a
clause known only from the interview's outline) says so.

Source texts come from strangers: every piece of text printed goes through `printable`, so a
control character or a terminal escape shows as `\\x1b` and cannot act on the terminal.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError, display_path, printable
from .linking import Crosslinks
from .model import Article, Block, Bulletin, Guess, Link
from .parse import parse_source
from .source import META_NAME, SOURCE_NAME, check_bulletin_id, read_source

# How much of a text to show: enough to recognise it on the printed page, not so much that a line
# wraps twice in a terminal (Chinese characters are two columns wide).
FIRST_WORDS = 30
QUESTION_WORDS = 40
EVIDENCE_WORDS = 24
EVIDENCE_SHOWN = 3  # pieces of evidence per link; a link that has more says how many
LINE_WORDS = 100
INDENT = "  "
# Block types an article's outline lists one per line; the others (paragraphs, answer paragraphs)
# are counted, a run at a time: a contributor checks where structure was found, not every paragraph.
COUNTED = ("paragraph", "answer")


def load_texts(paths: list[Path]) -> list[Bulletin]:
    """Each text at `paths` (a bulletin's folder, its source.txt, or any .txt file) parsed, once; they are
    inspected together, so that an interview in one file is linked to its document in another."""
    bulletins = []
    for path in _unique(source_path(p) for p in paths):
        source = read_source(path)
        if path.name == SOURCE_NAME:
            check_bulletin_id(source)  # a bulletin's folder: its name becomes an address
        bulletins.append(parse_source(source))
    return bulletins


def source_path(path: Path) -> Path:
    """A bulletin's folder stands for its source.txt. Absolute, symlinks not followed: a bulletin's id is
    its folder's name, and `source.txt` given from inside the folder has a folder named ''."""
    path = Path(os.path.abspath(path))
    if path.is_dir() and not path.is_symlink():
        if not (path / SOURCE_NAME).exists():
            raise BuildError(path, f"a folder without a {SOURCE_NAME}: give a bulletin's folder, its {SOURCE_NAME}, "
                             "or any .txt file")
        return path / SOURCE_NAME
    return path


def _unique(paths) -> list[Path]:
    """Each file once (a folder and its source.txt are one text): twice would pair it with itself."""
    seen, kept = set(), []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


@dataclass
class _Places:
    """`source.txt:43`: each file by the shortest end of its path that tells it from the others."""

    labels: dict[int, str]
    width: int  # of the longest `label:line`, so that what follows lines up

    @classmethod
    def of(cls, bulletins: list[Bulletin]) -> _Places:
        parts = [Path(display_path(b.path)).parts for b in bulletins]
        labels = {}
        for bulletin, mine in zip(bulletins, parts):
            for n in range(1, len(mine) + 1):
                if sum(other[-n:] == mine[-n:] for other in parts) == 1 or n == len(mine):
                    labels[id(bulletin)] = "/".join(mine[-n:])
                    break
        width = max(len(f"{labels[id(b)]}:{len(b.lines)}") for b in bulletins)
        return cls(labels, width)

    def at(self, bulletin: Bulletin, line: int) -> str:
        return f"{self.labels[id(bulletin)]}:{line}".ljust(self.width)

    def label(self, bulletin: Bulletin) -> str:
        return self.labels[id(bulletin)]


def report(bulletins: list[Bulletin], crosslinks: Crosslinks) -> str:
    places = _Places.of(bulletins)
    out: list[str] = []
    for bulletin in bulletins:
        out += _bulletin(bulletin, places)
    out += _links(bulletins, crosslinks, places)
    out += _guesses(bulletins, places)
    return "\n".join(out) + "\n"


def _bulletin(bulletin: Bulletin, places: _Places) -> list[str]:
    meta = f"{META_NAME} used" if bulletin.meta else f"no {META_NAME} beside it: ids and metadata are defaults"
    articles = _count(len(bulletin.articles), "article")
    out = [f"{display_path(bulletin.path)}: bulletin {printable(bulletin.id)}, {articles}; {meta}"]
    chosen = set(bulletin.meta.get("articles", {}))
    for article in bulletin.articles:
        out.append("")
        out += _article(article, bulletin, places, chosen)
    out.append("")
    return out


def _article(article: Article, bulletin: Bulletin, places: _Places, chosen: set[str]) -> list[str]:
    at = functools.partial(places.at, bulletin)
    first = article.pieces()[0]  # every article has a header line or a block (parse.py)
    named = article.title and (article.title.raw in chosen or article.title.text in chosen)
    out = [f"{at(first.line)}  article {article.id} ({article.kind})"
           + (f", id from {META_NAME}" if named else "")]
    header = (("overline", article.kicker), ("title", article.title), ("subtitle", article.subtitle),
              ("date", article.date), ("byline", article.byline), ("continued", article.continued))
    for role, piece in header:
        if piece:
            out.append(f"{INDENT}{at(piece.line)}  {role}: {_words(piece.raw, LINE_WORDS)}")
        if piece and role == "continued":
            out[-1] += f" (begins on page {printable(article.continued_from or '?')}, not in this text)"
    if article.title is None:
        out.append(f"{INDENT}{at(first.line)}  title: none (the article starts without a title line)")
    if article.blocks:
        lead = article.blocks[0]
        if article.opening_dateline:
            out.append(f"{INDENT}{at(lead.line)}  opening dateline: {printable(article.opening_dateline)}")
        out.append(f"{INDENT}{at(lead.line)}  first words: {_words(lead.raw, FIRST_WORDS)}")
    for role, piece in (("closing dateline", article.dateline), ("photo credit", article.credit)):
        if piece:
            out.append(f"{INDENT}{at(piece.line)}  {role}: {_words(piece.raw, LINE_WORDS)}")
    out += _outline(article, at)
    return out


def _outline(article: Article, at) -> list[str]:
    """The article's blocks: structure listed, each run of paragraphs counted under what it belongs to.

    Indentation follows the ids (structure.py), which name what a block belongs to:
    `opinion__sec4__cl8` under `opinion__sec4`, even where that section's heading is not in the text.
    """
    ids = {b.id for b in article.blocks}
    seen: set[str] = set()
    out = [f"{INDENT}{_summary(article.blocks)}:"]
    for run in _runs(article.blocks):
        block = run[0]
        parent = _parent(block.id)
        depth = block.id.count("__")
        if block.type in COUNTED:
            depth = depth if parent in ids else 1  # under the article itself, or its lead or closing
            ids_shown = block.id if len(run) == 1 else f"{block.id} … {run[-1].id}"
            role = _run_role(article, block, ids)
            out.append(f"{INDENT * (depth + 1)}{at(block.line)}  {role}: {_count(len(run), 'paragraph')}, {ids_shown}")
        else:
            if parent in ids and parent not in seen:
                depth -= 1  # printed before what it belongs to: a subhead over its question
            out.append(f"{INDENT * (depth + 1)}{at(block.line)}  {block.id}  {_label(block)}")
        seen.update(b.id for b in run)
    return out


def _runs(blocks: list[Block]) -> list[list[Block]]:
    """Blocks in order, consecutive counted ones of one parent together."""
    runs: list[list[Block]] = []
    for block in blocks:
        last = runs[-1][-1] if runs else None
        if (last and block.type in COUNTED and last.type == block.type
                and _parent(block.id) == _parent(last.id)):
            runs[-1].append(block)
        else:
            runs.append([block])
    return runs


def _parent(block_id: str) -> str:
    return block_id.rsplit("__", 1)[0]


def _run_role(article: Article, block: Block, ids: set[str]) -> str:
    """What a run of paragraphs is, from the block its id hangs under (ids: structure.py)."""
    parent = _parent(block.id)
    if block.type == "answer":
        return "answer"
    if parent == article.id:
        return {"interview": "before the first question", "policy": "preamble"}.get(article.kind, "text")
    if parent not in ids:  # a part of the article that is not a block: `__end`, `__lead`
        name = parent.rsplit("__", 1)[-1]
        return {"end": "closing"}.get(name, name)
    kind = next(b.type for b in article.blocks if b.id == parent)
    return {"heading": "section text", "section": "section text", "clause": "clause text"}.get(kind, "text")


def _label(block: Block) -> str:
    """What a listed block is: its type and heading as the parser read them, or its first words."""
    if block.fragment:
        return f"{block.type}, begins on another page: {_words(block.raw, FIRST_WORDS)}"
    if block.type == "question":
        return _words(block.raw, QUESTION_WORDS)
    if block.type == "point":
        return _words(block.raw, FIRST_WORDS)
    if block.heading:
        return f"{block.type} \u300c{printable(block.heading)}\u300d"
    return f"{block.type}: {_words(block.raw, FIRST_WORDS)}"


def _summary(blocks: list[Block]) -> str:
    counts: dict[str, int] = {}
    for block in blocks:
        counts[block.type] = counts.get(block.type, 0) + 1
    return ", ".join(_count(n, kind) for kind, n in counts.items()) or "no blocks"


def _links(bulletins: list[Bulletin], crosslinks: Crosslinks, places: _Places) -> list[str]:
    interviews = [a for b in bulletins for a in b.articles if a.kind == "interview"]
    if not interviews:
        return ["links: none (no interview among these texts)", ""]
    out = [f"links: {len(crosslinks.links)}, from {_count(len(crosslinks.pairs), 'interview')} paired with a document"]
    paired = {id(pair.interview) for pair in crosslinks.pairs}
    for bulletin in bulletins:
        for article in bulletin.articles:
            if article.kind == "interview" and id(article) not in paired:
                out.append(f"{INDENT}{places.at(bulletin, article.pieces()[0].line)}  article {article.id} (interview) "
                           "names no policy document of these texts in 《…》: inspect it together with its document's text")
    for pair in crosslinks.pairs:
        # In the interview's order, as a contributor reads it beside the text (curated links come last
        # from crosslink).
        order = {block.id: n for n, block in enumerate(pair.interview.blocks)}
        links = sorted((l for l in crosslinks.links if l.source_article is pair.interview),
                       key=lambda l: (order.get(l.source.id, len(order)), l.target.order, l.target.block))
        out.append(f"{INDENT}{pair.interview.id} ({places.label(pair.interview_bulletin)}) explains "
                   f"{pair.document.id} ({places.label(pair.document_bulletin)}): {_count(len(links), 'link')}")
        for link in links:
            out.append(INDENT * 2 + _link(link, places))
        missing = [e.id for e in crosslinks.outline(pair.document) if not e.present]
        if missing:
            out.append(f"{INDENT * 2}not in the text, known from the interview's outline: {', '.join(missing)}")
    out.append("")
    return out


def _link(link: Link, places: _Places) -> str:
    target = link.target
    printed = next((b for b in target.article.blocks if b.id == target.block), None) if target.present else None
    there = f"{places.at(target.bulletin, printed.line)}  {target.block}" if printed else \
        f"{target.block} (not in the text)"
    shown = [e for e in link.evidence if e.kind != "curated"]  # a curated link's evidence is its reason, below
    evidence = " ".join(f"{e.kind}\u300c{_words(e.text, EVIDENCE_WORDS)}\u300d" for e in shown[:EVIDENCE_SHOWN])
    if len(shown) > EVIDENCE_SHOWN:
        evidence += f" (+{len(shown) - EVIDENCE_SHOWN} more)"
    line = (f"{places.at(link.source_bulletin, link.source.line)}  {link.source.id} -> {there}  "
            f"score {link.score:.2f}" + (f"  {evidence}" if evidence else ""))
    if link.origin != "auto":
        line += f"  ({link.origin} in links.yml" + (f": {_words(link.reason, LINE_WORDS)})" if link.reason else ")")
    return line


def _guesses(bulletins: list[Bulletin], places: _Places) -> list[str]:
    guesses = [(b, g) for b in bulletins for g in _current(b.guesses)]
    out = ["guesses (decisions no marker settled; bulletin.yml `corrections` can override each):"] if guesses else []
    for bulletin, guess in guesses:
        out.append(f"{INDENT}{places.at(bulletin, guess.line)}  GUESS {printable(guess.topic)}"
                   + ("  corrected" if guess.corrected else "") + f"  {printable(guess.text)}")
        out.append(f"{INDENT * 2}| {_line(bulletin, guess)}")
    corrected = sum(g.corrected for _, g in guesses)
    if not guesses:
        out.append("0 guesses: every decision was settled by a marker")
    else:
        out.append(f"{_count(len(guesses), 'guess')}, {corrected} corrected: check "
                   f"{'it' if len(guesses) == 1 else 'each'} against the printed page")
    return out


def _current(guesses: list[Guess]) -> list[Guess]:
    """The guesses in line order, each once; a guess that a correction overrides (same line, same
    topic) is shown as corrected, not also as it was."""
    corrected = {(g.line, g.topic) for g in guesses if g.corrected}
    kept = [g for g in guesses if g.corrected or (g.line, g.topic) not in corrected]
    return sorted(dict.fromkeys(kept), key=lambda g: (g.line, g.topic))


def _line(bulletin: Bulletin, guess: Guess) -> str:
    """The line a guess is about, as in the file: what a correction's `text:` repeats."""
    lines = bulletin.lines
    return _words(lines[guess.line - 1].strip(), LINE_WORDS) if 0 < guess.line <= len(lines) else "(no such line)"


def _words(text: str, limit: int) -> str:
    """The first `limit` characters of `text`, escaped; `…` where cut."""
    return printable(text[:limit]) + ("…" if len(text) > limit else "")


def _count(n: int, noun: str) -> str:
    plural = {"guess": "guesses", "paragraph": "paragraphs"}.get(noun, noun + "s")
    return f"{n} {noun if n == 1 else plural}"

