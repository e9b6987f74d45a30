"""MkDocs on one edition: `python -m build_tools.mkdocs_build CONFIG SITE_DIR [--dirty]`.

The build runs this rather than the `mkdocs build` command, for two reasons measured on MkDocs 1.6:
- `mkdocs build --strict --quiet` never fails: --quiet silences the warnings that --strict counts,
  so a link to a missing page passed. Here warnings are shown and counted; info is not.
- `--dirty` (render only the pages whose Markdown is newer than their HTML) logs a warning on every
  run, which --strict would count as a failure. pipeline.py decides when a dirty build is exact
  (same config, same theme, same set of pages); that warning is then no news, and is dropped.
"""
from __future__ import annotations

import logging
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

_DIRTY_WARNING = "A 'dirty' build is being performed"


class _NotTheDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


def main(argv: list[str]) -> int:
    config_file, site_dir, *flags = argv
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    log = logging.getLogger("mkdocs")
    log.setLevel(logging.WARNING)
    log.addHandler(handler)
    logging.getLogger("mkdocs.commands.build").addFilter(_NotTheDirtyWarning())
    try:
        config = load_config(config_file, site_dir=site_dir, strict=True)
        build(config, dirty="--dirty" in flags)
    except (Abort, ConfigurationError) as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
