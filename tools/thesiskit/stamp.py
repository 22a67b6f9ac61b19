"""The stamp of the last build: what it was made from, and the hashes of what it published.

``thesis build`` run again on a study where nothing changed (no source, no kit code, no package, no
option, no date) and whose outputs are as that build left them has nothing to do: it shows the
gate's warnings again and stops, before reading the sources. The stamp is a cache.py entry; an
output changed or removed since, or a damaged stamp, means a build as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from .cache import cache_key, inputs_digest, read_entry, write_entry
from .project import Project
from .publish import OUTPUTS


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


__all__ = ["published", "remember", "stamp_key", "up_to_date"]
