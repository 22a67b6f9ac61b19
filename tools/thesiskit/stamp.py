"""The stamp of the last build: what it was made from, and the hashes of what it published.

``thesis build`` run again on a study where nothing changed (no source, no kit code, no package, no
option, no date) and whose outputs are as that build left them has nothing to do: it shows the
gate's warnings again and stops, before reading the sources. The stamp is a cache.py entry; an
output changed or removed since, or a damaged stamp, means a build as usual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import cache_key, inputs_digest, read_entry, write_entry
from .project import Project
from .publish import OUTPUTS

if TYPE_CHECKING:
    from .lint.finding import Finding

SHOWN_WARNINGS = 5
"""How many of the gate's warnings the build prints (all of them: ``thesis lint``)."""


def stamp_key(project: Project, options: Any, date: str) -> str:
    """What a build's outputs are made from: the study's files, the kit, the packages, the options, the date.

    ``date`` is the commit time the build takes its timestamp from (empty outside git); the
    environment's SOURCE_DATE_EPOCH and safe mode are part of the key too.
    """
    env = [os.environ.get(name, "") for name in ("SOURCE_DATE_EPOCH", "THESISKIT_SAFE")]
    return cache_key(inputs_digest(project), repr(options), date, json.dumps(env))


def up_to_date(project: Project, key: str) -> list[dict[str, Any]] | None:
    """The gate's findings of the last build if it was made from ``key`` and its outputs are unchanged."""
    stamp = read_entry(project.cache, "stamp", key)
    if not isinstance(stamp, dict) or stamp.get("outputs") != published(project):
        return None
    findings = stamp.get("findings")
    return findings if isinstance(findings, list) else None


def remember(project: Project, key: str, findings: list[dict[str, Any]]) -> None:
    """Stamp the build just published (its gate's findings kept to show them again)."""
    write_entry(project.cache, "stamp", key, {"outputs": published(project), "findings": findings})


def published(project: Project) -> dict[str, str]:
    """Every published output file (relative path → SHA-256)."""
    out: dict[str, str] = {}
    for _, dst in OUTPUTS:
        top = project.root / dst
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else []
        for path in files:
            out[path.relative_to(project.root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def show_up_to_date(project: Project, key: str) -> bool:
    """If the last build was made from ``key`` and is intact: show its warnings, say so and return True.

    The CLI asks this before it imports the pipeline (build.py), so a no-op build pays only for hashing.
    """
    shown = up_to_date(project, key)
    if shown is None:
        return False
    from .lint.finding import Finding
    from .log import console

    show_warnings([Finding(**f) for f in shown])
    console.print(f"[green]Up to date[/]: {project.rel(project.site)}/ and {project.rel(project.build)}/")
    return True


def show_warnings(findings: list[Finding]) -> None:
    """The gate's warnings: their count, the first :data:`SHOWN_WARNINGS`, and how to see them all."""
    from .lint.report import format_findings
    from .log import console

    warnings = [f for f in findings if f.severity == "warning"]
    if not warnings:
        return
    shown = format_findings(warnings[:SHOWN_WARNINGS], "text").splitlines()[:-1]
    more = f" (first {SHOWN_WARNINGS} below)" if len(warnings) > SHOWN_WARNINGS else ""
    console.print(f"[yellow]thesis lint: {len(warnings)} warning(s){more}[/]", soft_wrap=True)
    for line in shown:
        console.print("  " + line, markup=False, soft_wrap=True)
    console.print("  See them all with: thesis lint (warnings stop the build with --strict)", soft_wrap=True)


def commit_date(project: Project) -> str:
    """The commit time a build takes its timestamp from, as the stamp holds it (empty outside git)."""
    committed = last_commit_time(project.root)
    return committed.isoformat() if committed else ""


def last_commit_time(root: Path) -> dt.datetime | None:
    """The committer date of HEAD, if ``root`` is the top of a git work tree (and git is there)."""
    git = shutil.which("git")
    if git is None or not (root / ".git").exists():
        return None
    try:
        out = subprocess.run(
            [git, "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = out.stdout.strip()
    return dt.datetime.fromtimestamp(int(stamp), tz=dt.UTC) if out.returncode == 0 and stamp.isdigit() else None


__all__ = [
    "commit_date",
    "last_commit_time",
    "published",
    "remember",
    "show_up_to_date",
    "show_warnings",
    "stamp_key",
    "up_to_date",
]
