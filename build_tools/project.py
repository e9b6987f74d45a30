"""The project a command works on: its folder, and the settings the environment gives, read once.

The command line makes one `Project` and hands it down; nothing below it reads the environment
or this checkout's path. So `--root` is honoured by every stage (a scratch project renders its
own glossary, not this checkout's), and every input of a build is named where a cache can see it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path
    # Where the site is published (SITE_URL): canonical links, hreflang, sitemap, handout footers.
    site_url: str = ""
    # The repository's web address and branch: the pencil opens GitHub's editor on the file.
    repository: str = ""
    branch: str = "main"
    # Where the handouts are published when not with the pages (HANDOUTS_URL): a large archive's
    # PDFs outgrow a Pages site (README, "Where a large archive lives").
    handouts_url: str = ""

    @classmethod
    def from_environment(cls, root: Path, environ: Mapping[str, str]) -> Project:
        """SITE_URL; REPOSITORY_URL, else GitHub Actions' GITHUB_SERVER_URL/GITHUB_REPOSITORY; REPOSITORY_BRANCH;
        HANDOUTS_URL."""
        repository = environ.get("REPOSITORY_URL", "")
        if not repository and environ.get("GITHUB_REPOSITORY"):
            repository = f"{environ.get('GITHUB_SERVER_URL', 'https://github.com')}/{environ['GITHUB_REPOSITORY']}"
        return cls(root.resolve(), site_url=environ.get("SITE_URL", "").rstrip("/"),
                   repository=repository.rstrip("/"), branch=environ.get("REPOSITORY_BRANCH") or "main",
                   handouts_url=environ.get("HANDOUTS_URL", "").rstrip("/"))

    @property
    def settings(self) -> tuple[str, ...]:
        """The settings that change what a build writes: every cache key names them."""
        return (self.site_url, self.repository, self.branch, self.handouts_url)

    @property
    def texts(self) -> Path:
        """source_texts/: the bulletins and every contributor file."""
        return self.root / "source_texts"

    @property
    def glossary_file(self) -> Path:
        return self.texts / "glossary.yml"

    @property
    def overrides_file(self) -> Path:
        """The reviewed Traditional forms of phrases OpenCC gets wrong (convert.py)."""
        return self.texts / "zh-Hant.yml"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def work(self) -> Path:
        """build/: generated configs, staging folders and the cache; never published."""
        return self.root / "build"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def relative(self, path: Path) -> str:
        """`path` as a contributor sees it in the repository (source_texts/…/en/opinion.yml)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
