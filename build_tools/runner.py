"""The tools the build runs as processes of their own (MkDocs, Pagefind): one way to run them."""
from __future__ import annotations

import subprocess
import sys

from .errors import BuildError


def run(command: list[str], env: dict, name: str) -> None:
    """Run `command`; a failure stops the build with what the tool printed, named `name`."""
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise BuildError(name, f"failed (exit {result.returncode}):", details=output)
    noise = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if noise:
        # Warnings stop MkDocs (strict); anything else a tool prints is worth seeing.
        print("\n".join(f"{name}: {line}" for line in noise), file=sys.stderr)
