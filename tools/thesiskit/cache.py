"""Build results kept in ``build/.cache`` by content hash: atomic on write, hash-checked on read.

An entry is ``<kind>-<key>.json``: the SHA-256 of its payload on the first line, the payload after
it. A read whose payload does not match its hash (a truncated or corrupted file) is treated as a
miss and the file is removed, so the result is computed again and never published. Writes go to
a temporary file in the same folder that is renamed into place, so a reader never sees half an
entry, even with several builds at once. ``publish.prune_cache`` keeps the newest entries of each
kind.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any


def cache_key(*parts: str | bytes) -> str:
    """A key from the parts an entry is made from (each part separated, so ``ab|c`` ≠ ``a|bc``)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:40]


def _entry(cache: Path, kind: str, key: str) -> Path:
    return cache / f"{kind}-{key}.json"


def read_entry(cache: Path, kind: str, key: str) -> Any | None:
    """The JSON value stored under ``kind``/``key``, or None if absent or damaged (then removed)."""
    path = _entry(cache, kind, key)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head, _, payload = raw.partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode() != head:
        path.unlink(missing_ok=True)
        return None
    try:
        value = json.loads(payload.decode("utf-8"))
    except ValueError:
        path.unlink(missing_ok=True)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept when the cache is pruned
    return value


def write_entry(cache: Path, kind: str, key: str, value: Any) -> None:
    """Store ``value`` (JSON) under ``kind``/``key``, atomically."""
    payload = json.dumps(value, ensure_ascii=False).encode("utf-8")
    path = _entry(cache, kind, key)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    tmp.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    tmp.replace(path)
