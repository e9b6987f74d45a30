"""Live preview: serve site/ on localhost, build again when a source changes, reload the open pages.

A contributor edits a translation in their editor and sees it in the browser: the watcher notices
the change (file times and sizes, polled: no extra package, any file system), runs the same
incremental build as `build`, and the pages, which poll /__preview, reload themselves; a page
keeps its reader's place on reload (page.js). A build that fails leaves the last site served
and shows its error on every open page until the next change.

The script that polls is added by this server to the HTML it serves, never written into site/:
the published site stays byte for byte the build's.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import sys
import threading
from pathlib import Path
from typing import Callable

from .fingerprint import tree_files

POLL_SECONDS = 0.25
ENDPOINT = "/__preview"
# Polls the build's version; reloads when it changes, or shows the build's error.
SCRIPT = """<script>(() => {
  let seen = null;
  const box = document.createElement("div");
  box.setAttribute("role", "status");
  box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:1000;margin:0;padding:.6em 1em;"
    + "font:14px/1.5 monospace;white-space:pre-wrap;background:#fff3f3;color:#8b0000;border-top:2px solid #c00;"
    + "max-height:40vh;overflow:auto;display:none";
  document.addEventListener("DOMContentLoaded", () => document.body.append(box));
  async function poll() {
    try {
      const state = await (await fetch("%(endpoint)s", {cache: "no-store"})).json();
      if (seen !== null && state.version !== seen && !state.error) { location.reload(); return; }
      seen = state.version;
      box.textContent = state.error ? "Preview: the last build failed; the page shows the build before it.\\n\\n"
        + state.error : "";
      box.style.display = state.error ? "block" : "none";
    } catch (error) { /* the server is restarting: try again */ }
    setTimeout(poll, %(interval)d);
  }
  poll();
})();</script>""" % {"endpoint": ENDPOINT, "interval": int(POLL_SECONDS * 1000)}


class Watcher:
    """Builds again whenever a watched file changes; `version` counts the builds that succeeded."""

    def __init__(self, folders: list[Path], build: Callable[[], int]):
        self.folders = folders
        self.build = build
        self.version = 0
        self.error = ""
        self._last = self.snapshot()

    def snapshot(self) -> tuple:
        state = []
        for folder in self.folders:
            for path in tree_files(folder) if folder.is_dir() else [folder]:
                with contextlib.suppress(OSError):  # removed while we looked
                    info = path.stat()
                    state.append((str(path), info.st_mtime_ns, info.st_size))
        return tuple(state)

    def check(self) -> bool:
        """Build if anything changed since the last look; whether it did."""
        now = self.snapshot()
        if now == self._last:
            return False
        self._last = now
        captured = io.StringIO()
        with contextlib.redirect_stderr(_Tee(sys.stderr, captured)):
            try:
                code = self.build()
            except Exception as err:  # noqa: BLE001 - a preview survives a bug in one build and says so
                print(f"error: internal error in build_tools: {err}", file=sys.stderr)
                code = 2
        errors = [line for line in captured.getvalue().splitlines() if line.startswith("error")]
        self.error = "\n".join(errors) if code else ""
        if code == 0:
            self.version += 1
        return True

    def run_forever(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self.check()
            stop.wait(POLL_SECONDS)


class _Tee(io.TextIOBase):
    def __init__(self, *streams):
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


class Handler(http.server.SimpleHTTPRequestHandler):
    watcher: Watcher | None = None

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # one line per request would bury the build's messages

    def do_GET(self):  # noqa: N802 - the base class's name
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == ENDPOINT:
            state = {"version": self.watcher.version if self.watcher else 0,
                     "error": self.watcher.error if self.watcher else ""}
            return self._send(json.dumps(state).encode("utf-8"), "application/json")
        file = Path(self.translate_path(path))
        if file.is_dir() and path.endswith("/"):
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            html = file.read_bytes()
            at = html.rfind(b"</body>")
            at = at if at >= 0 else len(html)
            return self._send(html[:at] + SCRIPT.encode("utf-8") + html[at:], "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path, port: int, watcher: Watcher | None) -> None:
    """Serve `site` until Ctrl+C; with a watcher, rebuild and reload as sources change."""
    handler = functools.partial(type("PreviewHandler", (Handler,), {"watcher": watcher}), directory=str(site))
    stop = threading.Event()
    if watcher:
        threading.Thread(target=watcher.run_forever, args=(stop,), daemon=True).start()
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving site/ at http://127.0.0.1:{server.server_address[1]}/"
              + (" (rebuilt and reloaded when source_texts/ changes; pages only: `build` prints the handouts)"
                 if watcher else "") + " (Ctrl+C stops)", file=sys.stderr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
