"""No broken internal link or anchor in any edition: LinkChecker crawls the real build."""
from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import QuietHandler

pytestmark = pytest.mark.e2e

CONFIG = Path(__file__).with_name("linkcheckerrc")


class ForLinkChecker(QuietHandler):
    def end_headers(self):
        # Tells LinkChecker it may fetch from this host as fast as it likes (its rate limit
        # exists to spare other people's servers).
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


def test_every_link_and_anchor_of_every_edition_resolves(site, tmp_path):
    linkchecker = shutil.which("linkchecker", path=str(Path(sys.executable).parent))
    assert linkchecker, "LinkChecker is in requirements.txt: run scripts/setup"
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(ForLinkChecker, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        result = subprocess.run([linkchecker, "-f", str(CONFIG), "-o", "text", base],
                                capture_output=True, text=True, timeout=600, cwd=tmp_path)
    finally:
        httpd.shutdown()
    report = result.stdout + result.stderr
    # A missing anchor is only a warning to LinkChecker (exit 0): any warning fails here.
    assert result.returncode == 0 and " 0 warnings found" in report, report[-6000:]
    checked = [line for line in report.splitlines() if " links in " in line and " URLs checked" in line]
    assert checked, report[-2000:]
    # All three editions were crawled: well over a few hundred pages and anchors.
    assert int(checked[0].split(" links in ")[0].split()[-1]) > 500, checked[0]
