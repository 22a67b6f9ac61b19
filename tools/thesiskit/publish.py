"""Swap finished outputs into place only after the whole build succeeded."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from .project import Project

JOURNAL = ".publish.json"
"""In build/: the staging folder being published. Present only between the first and last rename."""
OUTPUTS = (
    ("site", "site"),
    ("markdown", "build/markdown"),
    ("thesis.pdf", "build/thesis.pdf"),
    ("thesis-submission.pdf", "build/thesis-submission.pdf"),
    ("thesis.docx", "build/thesis.docx"),
    (".typst", "build/.typst"),
    ("build-mkdocs.yml", "build/mkdocs.yml"),
    ("CITATION.cff", "CITATION.cff"),
)
"""What a build publishes, from the staging folder to the study: site, Markdown tree and PDFs together."""

_rename = os.replace  # one name for every rename of a publish, so a test can stop the process between two


def swap_in(project: Project, staging: Path) -> None:
    """Publish the staged outputs together: after a failure the previous ones, after a kill either set.

    A journal (build/.publish.json) names the staging folder before the first rename; each output
    is moved aside (``staging/old/…``) and the new one moved in. If a rename fails, the ones done are
    undone and the error raised. If the process dies in between, ``recover`` finishes the publish at
    the start of the next build (every new output is complete in staging before the journal is written).
    """
    moves = [(staging / src, project.root / dst) for src, dst in OUTPUTS if (staging / src).exists()]
    journal = project.build / JOURNAL
    tmp = journal.with_suffix(".tmp")
    tmp.write_text(json.dumps({"staging": staging.name}), encoding="utf-8", newline="\n")
    os.replace(tmp, journal)
    done: list[tuple[Path, Path, Path]] = []
    try:
        for new, target in moves:
            old = staging / "old" / new.name
            old.parent.mkdir(exist_ok=True)
            if target.exists() or target.is_symlink():
                _rename(target, old)
            done.append((new, target, old))
            _rename(new, target)
    except OSError:
        _undo(done)
        journal.unlink(missing_ok=True)
        raise
    journal.unlink(missing_ok=True)
    shutil.rmtree(staging / "old", ignore_errors=True)


def _undo(done: list[tuple[Path, Path, Path]]) -> None:
    """Put the previous outputs back, last move first."""
    for new, target, old in reversed(done):
        with contextlib.suppress(OSError):
            if target.exists() and not new.exists():
                _rename(target, new)
            if old.exists() and not target.exists():
                _rename(old, target)


def recover(project: Project) -> None:
    """Finish a publish that a killed build left half done, and remove staging folders of dead builds."""
    journal = project.build / JOURNAL
    if journal.is_file():
        try:
            staging = project.build / str(json.loads(journal.read_text("utf-8"))["staging"])
        except (ValueError, KeyError, TypeError, OSError):
            staging = None
        if staging is not None and staging.is_dir() and staging.parent == project.build:
            for src, dst in OUTPUTS:
                new, target, old = staging / src, project.root / dst, staging / "old" / src
                if not new.exists():
                    continue  # published already (or not part of this build)
                old.parent.mkdir(exist_ok=True)
                if (target.exists() or target.is_symlink()) and not old.exists():
                    _rename(target, old)
                elif target.exists():
                    _remove(target)  # the old output was moved aside already; this one is half of nothing
                _rename(new, target)
        journal.unlink(missing_ok=True)
    for stale in project.build.glob(".staging-*") if project.build.is_dir() else []:
        if stale.is_dir() and not _in_use(stale):
            shutil.rmtree(stale, ignore_errors=True)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _in_use(staging: Path) -> bool:
    """Whether the build that made ``staging`` still runs (its pid file names a live process)."""
    try:
        pid = int((staging / "pid").read_text("ascii"))
    except (OSError, ValueError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def publish_lock(project: Project) -> Iterator[None]:
    """One build of a study publishes (or recovers, or starts) at a time: a lock on build/.lock.

    ``filelock``: an OS lock on POSIX and Windows alike, released when the process dies. A second
    build says that it waits, then waits.
    """
    from filelock import FileLock, Timeout

    from .log import console

    project.build.mkdir(parents=True, exist_ok=True)
    lock = FileLock(project.build / ".lock", preserve_lock_file=True)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        where = project.rel(project.build / ".lock")
        console.print(f"Another build of this study is publishing ({where}); waiting …")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


_PER_FILE = {"cites", "jinja", "lintfile"}
"""Kinds with an entry per page or source file: many are in use at once."""


def prune_cache(cache: Path, keep: int = 8, keep_pages: int = 4000) -> None:
    """Keep the ``keep`` newest engine results of each kind (``citeproc-*``, ``pdf-*`` …).

    A result is named ``<kind>-<content hash>.json`` (or ``.pdf``, ``.bin``); older ones only serve an
    undo of many edits. Kinds kept per page or file (``*page-*``, ``cites-*``, ``jinja-*``, ``lintfile-*``)
    keep ``keep_pages``.
    """
    if not cache.is_dir():
        return
    kinds: dict[str, list[tuple[float, Path]]] = {}
    for path in [*cache.glob("*-*.json"), *cache.glob("*-*.pdf"), *cache.glob("*-*.bin")]:
        try:
            kinds.setdefault(path.name.split("-", 1)[0], []).append((path.stat().st_mtime, path))
        except OSError:
            continue
    folders: list[tuple[float, Path]] = []
    for path in cache.glob("site-*"):
        if path.is_dir():
            with contextlib.suppress(OSError):
                folders.append((path.stat().st_mtime, path))
    for _, path in sorted(folders, reverse=True)[2:]:  # a built site is large: the two newest
        shutil.rmtree(path, ignore_errors=True)
    for kind, entries in kinds.items():
        kept = keep_pages if kind.endswith("page") or kind in _PER_FILE else keep
        for _, path in sorted(entries, reverse=True)[kept:]:
            path.unlink(missing_ok=True)
