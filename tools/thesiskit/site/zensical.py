"""Build the plain Markdown tree with Zensical (strict), from the same derived mkdocs.yml as MkDocs.

Zensical runs as its own process (``python -m zensical build --strict``): its build runs in Rust,
prints to the terminal and keeps a cache in ``.cache/`` beside the config, which the kit's
staging folder discards. Any issue it reports fails the build, with Zensical's words.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..errors import ToolError

ISSUE_FREE = "No issues found"


def zensical_version() -> str:
    """The installed Zensical's version, or an error that says how to install it."""
    try:
        from zensical import version
    except ImportError:
        raise ToolError(
            "the site engine 'zensical' is not installed: pip install zensical (or choose site.engine: mkdocs)"
        ) from None
    return str(version())


def run_zensical(config_file: Path) -> None:
    """Run ``zensical build --strict`` on ``config_file``; its warnings and errors fail the build."""
    zensical_version()
    argv = [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(config_file.resolve())]
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(argv, cwd=config_file.parent, capture_output=True, text=True, env=env, check=False)
    said = [ln for ln in (done.stdout + done.stderr).splitlines() if ln.strip()]
    if done.returncode != 0 or not any(ISSUE_FREE in ln for ln in said):
        lines = [ln for ln in said if not ln.startswith(("Build started", "Build finished"))]
        tail = lines[-20:] if lines else [f"exit code {done.returncode}"]
        raise ToolError("Zensical failed (strict mode):\n  " + "\n  ".join(tail))
