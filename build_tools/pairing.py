"""Which interview explains which document, across all bulletins of a build.

An interview names its document in book-title marks: 《关于加强新就业群体服务管理的意见》.
The document is the policy article whose title ends with that name (the printed title
adds the issuers: 中共中央办公厅国务院办公厅关于…的意见). Newspapers often print the
document on page 1 and the interview on page 4, two source files of the same day, so
pairs are looked for across bulletins; the same bulletin wins a tie.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import short
from .model import Article, Bulletin, Guess

_NAMED = re.compile(r"《([^《》]{6,80})》")
# A name shorter than this is too vague to identify a document (《意见》, 《通知》).
MIN_NAME = 6


@dataclass
class Pair:
    document: Article
    document_bulletin: Bulletin
    interview: Article
    interview_bulletin: Bulletin


def find_pairs(bulletins: list[Bulletin]) -> list[Pair]:
    documents = [(a, b) for b in bulletins for a in b.articles if a.kind == "policy" and a.title]
    titles = Titles(documents)
    pairs = []
    unnamed = []
    for bulletin in bulletins:
        for interview in bulletin.articles:
            if interview.kind != "interview":
                continue
            best = _best_document(interview, bulletin, documents, titles)
            if best:
                pairs.append(Pair(best[0], best[1], interview, bulletin))
            elif not named_documents(interview):
                unnamed.append((interview, bulletin))
    paired = {id(p.document) for p in pairs}
    for interview, bulletin in unnamed:
        best = _only_document(bulletin, [(a, b) for a, b in documents if id(a) not in paired], bulletins)
        if best:
            pairs.append(Pair(best[0], best[1], interview, bulletin))
            guess = Guess(interview.title.line if interview.title else 1, "pair",
                          f"the interview {short(interview.title_text)} names no document in 《》: taken as "
                          f"explaining {short(best[0].title_text)}, the only document {best[2]}")
            if guess not in bulletin.guesses:
                bulletin.guesses.append(guess)
    return pairs


def _only_document(bulletin: Bulletin, documents, bulletins: list[Bulletin]):
    """An interview that names its document only as 中央一号文件 or 文件 explains the one document
    printed beside it: in its bulletin, else in the bulletins of its date, else in the build."""
    date = bulletin.meta.get("date")
    for where, candidates in (
        ("in its bulletin", [d for d in documents if d[1] is bulletin]),
        ("of its date", [d for d in documents if date and d[1].meta.get("date") == date]),
        ("in the build", documents),
    ):
        if len(candidates) == 1:
            return candidates[0][0], candidates[0][1], where
        if candidates:
            return None  # several: which one is not for us to guess
    return None


def named_documents(interview: Article) -> dict[str, int]:
    """Names in 《…》 in the interview's header and text, with how often each occurs."""
    texts = [p.text for p in (interview.kicker, interview.title, interview.subtitle) if p]
    texts += [b.text for b in interview.blocks]
    counts: dict[str, int] = {}
    for text in texts:
        for name in _NAMED.findall(text):
            counts[name] = counts.get(name, 0) + 1
    return counts


class Titles:
    """The documents' titles indexed for _same_document: by each ending of at least MIN_NAME characters
    (a name the title ends with), and whole (a title the name ends with). Comparing each interview's
    names with every document's title grew with the square of the archive (2 s at 1,000 bulletins)."""

    def __init__(self, documents):
        self.endings: dict[str, list[int]] = {}
        self.whole: dict[str, list[int]] = {}
        for at, (document, _) in enumerate(documents):
            title = document.title.text.strip("《》")
            for start in range(len(title) - MIN_NAME + 1):
                self.endings.setdefault(title[start:], []).append(at)
            self.whole.setdefault(title, []).append(at)

    def same(self, name: str) -> set[int]:
        """The documents (by index) whose title is the same document as `name` (_same_document)."""
        if len(name) < MIN_NAME:
            return set()
        found = set(self.endings.get(name, ()))
        for start in range(len(name) + 1):
            found.update(self.whole.get(name[start:], ()))
        return found


def _best_document(interview: Article, bulletin: Bulletin, documents, titles: Titles):
    names = named_documents(interview)
    mentions: dict[int, int] = {}
    for name, count in names.items():
        for at in titles.same(name):
            mentions[at] = mentions.get(at, 0) + count
    # In the documents' order, as a scan of them would find them: the sort below keeps it among equals.
    scored = [(mentions[at], documents[at][1] is bulletin, *documents[at]) for at in sorted(mentions)]
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return scored[0][2], scored[0][3]


def _same_document(name: str, title: str) -> bool:
    """《关于…的意见》 names 中共中央办公厅国务院办公厅关于…的意见, and the reverse."""
    return len(name) >= MIN_NAME and (title.endswith(name) or name.endswith(title))
