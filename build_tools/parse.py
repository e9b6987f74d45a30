"""Parse one bulletin: source text → articles → blocks, then prove nothing was lost."""
from __future__ import annotations

from . import articles as article_split, limits
from .conservation import check_conservation
from .errors import BuildError, short
from .corrections import Corrections
from .model import Bulletin, Guess
from .names import RESERVED_IN_BULLETIN, name_problem
from .paragraphs import build_paragraphs
from .punctuation import is_chinese
from .source import META_NAME, Source
from .structure import build_blocks

DEFAULT_IDS = {"interview": "interview", "news": "news", "photo": "photo"}


def parse_source(source: Source) -> Bulletin:
    if not any(is_chinese(ch) and ch.isalpha() for ch in source.text):
        raise BuildError(source.path, "no recognisable article: the file contains no Chinese text", 1)
    corrections = Corrections(source)
    paragraphs = build_paragraphs(source.text)
    guesses = correct_starts(paragraphs, corrections)
    drafts = article_split.split_articles(paragraphs, corrections)
    if not any(d.article.title and d.body for d in drafts):
        raise BuildError(source.path, "no recognisable article: no title line followed by text was found "
                         "(an article starts with a title on its own line)", 1)
    if len(drafts) > limits.ARTICLES:
        raise BuildError(source.path, f"{len(drafts)} articles; a bulletin holds at most {limits.ARTICLES} "
                         "(build_tools/limits.py): split the text into several bulletins",
                         _first_line(drafts[limits.ARTICLES]))
    for draft in drafts:
        guessed = article_split.detect_kind(draft)
        chosen = corrections.at(draft.line, "kind")
        draft.article.kind = chosen or guessed
        if chosen:
            draft.guesses.append(Guess(draft.line, "kind", f"taken as {guessed}, corrected to {chosen}", True))
    wanted = _wanted_ids(source, drafts)
    used: set[str] = set(wanted.values())  # ids chosen in bulletin.yml are kept; defaults go around them
    for draft in drafts:
        article = draft.article
        chosen = wanted.pop(_title_key(draft), None)  # two articles of one title: the first takes it
        article.id = chosen or _unique(_default_id(draft), used)
        schemes = (corrections.at(draft.line, "parts"), corrections.at(draft.line, "clauses"))
        article.blocks = build_blocks(article.kind, draft.body, article.id, bool(article.continued),
                                      schemes, draft.guesses)
        if len(article.blocks) > limits.BLOCKS:
            raise BuildError(source.path, f"article {article.id!r} has {len(article.blocks)} paragraphs, clauses and "
                             f"answers; an article holds at most {limits.BLOCKS} (build_tools/limits.py)",
                             article.blocks[limits.BLOCKS].line)
    corrections.check_all_used()
    guesses += [g for d in drafts for g in d.guesses]
    bulletin = Bulletin(source.id, source.path, source.text, source.meta, [d.article for d in drafts],
                        sorted(guesses, key=lambda g: g.line))
    check_conservation(bulletin)
    return bulletin


def _first_line(draft) -> int | None:
    pieces = draft.article.pieces() or draft.body
    return pieces[0].line if pieces else None


def _title_key(draft) -> str | None:
    return draft.article.title.raw if draft.article.title else None


def _wanted_ids(source: Source, drafts) -> dict[str, str]:
    """Article ids chosen in bulletin.yml (`articles: {title: id}`), checked against the text and
    against each other: an id is a URL, so two articles with one id would be one page."""
    titles = {}
    for draft in drafts:
        if draft.article.title:
            titles[draft.article.title.raw] = draft.article.title.raw
            titles[draft.article.title.text] = draft.article.title.raw
    wanted: dict[str, str] = {}
    meta_path = source.path.parent / META_NAME
    for title, article_id in source.meta.get("articles", {}).items():
        line = source.meta_file.line(("articles", title)) if source.meta_file else None
        if title not in titles:
            raise BuildError(meta_path, f"articles: no article titled {short(title)} in {source.path.name}; "
                             "copy the title exactly as printed", line)
        problem = name_problem(article_id, RESERVED_IN_BULLETIN, suffix=True)
        if problem:
            raise BuildError(meta_path, f"articles: id {problem} (it becomes a URL and a prefix of block ids)", line)
        if titles[title] in wanted:
            raise BuildError(meta_path, f"articles: {short(title)} is given an id twice", line)
        twin = next((other for other, given in wanted.items() if given == article_id), None)
        if twin is not None:
            raise BuildError(meta_path, f"articles: id {article_id!r} is already the id of {short(twin)}; "
                             "give each article its own", line)
        wanted[titles[title]] = article_id
    # An id chosen here may not be one that an article not listed has by default (the interview's
    # `interview`, a document's `opinion`): that article would move to another address unannounced.
    for draft in drafts:
        default = _default_id(draft)
        if _title_key(draft) not in wanted and default in wanted.values():
            title = next(t for t, given in source.meta["articles"].items() if given == default)
            line = source.meta_file.line(("articles", title)) if source.meta_file else None
            raise BuildError(meta_path, f"articles: id {default!r} is the id the article "
                             f"{short(_title_key(draft) or '(untitled)')} has by default; choose another", line)
    return wanted


def _default_id(draft) -> str:
    article = draft.article
    if article.kind == "policy":
        return article_split.document_type(article.title.raw) or "document"
    if article.title is None:
        return "untitled"
    return DEFAULT_IDS[article.kind]


def _unique(article_id: str, used: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in used:
        n += 1
        candidate = f"{article_id}-{n}"
    used.add(candidate)
    return candidate


def correct_starts(paragraphs, corrections: Corrections) -> list[Guess]:
    """`article: start` makes a paragraph an article's title; `article: continue` makes a title
    text of the article before."""
    guesses = []
    for para in paragraphs:
        wanted = corrections.at(para.line, "article")
        if wanted == "start" and para.role != "title":
            para.role = "title"
            guesses.append(Guess(para.line, "start", "read as text, corrected: an article starts here", True))
        elif wanted == "continue" and para.role == "title":
            para.role = "body"
            guesses.append(Guess(para.line, "start", "read as a title, corrected: text of the article before", True))
        elif wanted:
            guesses.append(Guess(para.line, "start", f"already read so (article: {wanted})", True))
    return guesses
