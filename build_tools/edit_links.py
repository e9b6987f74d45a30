"""The pencil on every page: the contributor file behind it, opened in GitHub's editor where the
repository is known (Project.repository)."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from . import urls
from .editions import Edition
from .markup import attr, html
from .model import Article, Bulletin


def edit_link(file: Path, edition: Edition) -> Markup:
    """A pencil in the toolbar: GitHub's editor when the repository is known, else the file's path,
    shown when the pencil is pressed (contributors need it; readers need not read it)."""
    ui, project = edition.ui, edition.project
    path = project.relative(file)
    if project.repository:
        url = urls.repository_file(project.repository, project.branch, path)
        return html('<a class="edit-source" href="{}" title="{}" aria-label="{}">✎</a>', url,
                    attr(f"{ui['edit_page']}{ui['colon']}{path}"), attr(ui["edit_page"]))
    return html('<details class="edit-source"><summary title="{}" aria-label="{}">✎</summary>'
                '<p>{}{}<code>{}</code></p></details>', attr(ui["edit_page"]), attr(ui["edit_page"]),
                ui["edit_page"], ui["colon"], path)

def edit_path(edition: Edition, bulletin: Bulletin, article: Article) -> Path:
    """The contributor file behind a page: its translation on the English edition, its notes otherwise."""
    folder = bulletin.path.parent
    return folder / "en" / f"{article.id}.yml" if edition.code == "en" else folder / "notes.yml"
