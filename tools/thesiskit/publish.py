"""Swap finished outputs into place only after the whole build succeeded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .project import Project


def swap_in(project: Project, staging: Path) -> None:
    """Move staged outputs into site/ and build/; the previous outputs stay until then."""
    new_site = staging / "site"
    if new_site.is_dir():
        old = staging / "old-site"
        if project.site.exists():
            os.replace(project.site, old)
        os.replace(new_site, project.site)
        shutil.rmtree(old, ignore_errors=True)
    for name in ("thesis.pdf", "thesis-submission.pdf"):
        if (staging / name).is_file():
            os.replace(staging / name, project.build / name)
    md = staging / "markdown"
    if md.is_dir():
        target = project.build / "markdown"
        old_md = staging / "old-markdown"
        if target.exists():
            os.replace(target, old_md)
        os.replace(md, target)
        shutil.rmtree(old_md, ignore_errors=True)


def prune_cache(cache: Path, keep: int = 8) -> None:
    """Keep the ``keep`` newest engine results of each kind (``citeproc-*``, ``typst-*`` …) in the cache.

    A result is named ``<kind>-<content hash>.json``; older ones only serve an undo of many edits.
    """
    if not cache.is_dir():
        return
    kinds: dict[str, list[tuple[float, Path]]] = {}
    for path in cache.glob("*-*.json"):
        try:
            kinds.setdefault(path.name.split("-", 1)[0], []).append((path.stat().st_mtime, path))
        except OSError:
            continue
    for entries in kinds.values():
        for _, path in sorted(entries, reverse=True)[keep:]:
            path.unlink(missing_ok=True)
