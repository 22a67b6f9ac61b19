"""The names of every file in the study's tree (for ANO008 and the cache key of ``thesis lint``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SKIP_DIRS = frozenset(
    {
        ".git",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".tox",
        ".hypothesis",
    }
)


def project_files(root: Path) -> list[str]:
    """Files in the project tree and tracked by git (relative, posix), skipping tool folders."""
    found: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        base = Path(dirpath).relative_to(root)
        found.update((base / f).as_posix() for f in filenames)
    try:
        out = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        out = None
    if out is not None and out.returncode == 0:
        tracked = (p for p in out.stdout.decode("utf-8", "replace").split("\0") if p)
        found.update(p for p in tracked if not (set(p.split("/")[:-1]) & SKIP_DIRS))
    return sorted(found)
