"""Swap finished outputs into place only after the whole build succeeded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .project import Project


def swap_in(project: Project, staging: Path) -> None:
    """Move staged outputs into site/ and build/; the previous outputs stay until then."""
    if (staging / "site").is_dir():
        _swap_dir(staging / "site", project.site, staging / "old-site")
    for name in ("thesis.pdf", "thesis-submission.pdf", "thesis.docx"):
        if (staging / name).is_file():
            os.replace(staging / name, project.build / name)  # atomic: a file is renamed over the old one
    if (staging / "markdown").is_dir():
        _swap_dir(staging / "markdown", project.build / "markdown", staging / "old-markdown")


def _swap_dir(new: Path, target: Path, old: Path) -> None:
    """Put folder ``new`` at ``target``; if the second rename fails, the previous ``target`` is put back."""
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old.exists() and not target.exists():
            os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def prune_cache(cache: Path, keep: int = 8, keep_pages: int = 4000) -> None:
    """Keep the ``keep`` newest engine results of each kind (``citeproc-*``, ``pdf-*`` …).

    A result is named ``<kind>-<content hash>.json`` (or ``.pdf``); older ones only serve an undo
    of many edits. Kinds kept per page (``*page-*``, ``cites-*``) keep ``keep_pages``.
    """
    if not cache.is_dir():
        return
    kinds: dict[str, list[tuple[float, Path]]] = {}
    for path in [*cache.glob("*-*.json"), *cache.glob("*-*.pdf")]:
        try:
            kinds.setdefault(path.name.split("-", 1)[0], []).append((path.stat().st_mtime, path))
        except OSError:
            continue
    for kind, entries in kinds.items():
        kept = keep_pages if kind.endswith("page") or kind == "cites" else keep
        for _, path in sorted(entries, reverse=True)[kept:]:
            path.unlink(missing_ok=True)
