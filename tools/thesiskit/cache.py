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
import shutil
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


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def store_folder(cache: Path, kind: str, key: str, folder: Path) -> None:
    """Keep a copy of ``folder`` under ``kind``/``key``: the files, and their hashes as an entry."""
    target = cache / f"{kind}-{key}"
    tmp = cache / f".{kind}-{key}.{os.getpid()}-{threading.get_ident()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(folder, tmp)
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)
    write_entry(cache, kind, key, _tree_hashes(target))


def restore_folder(cache: Path, kind: str, key: str, folder: Path) -> bool:
    """Copy the folder kept under ``kind``/``key`` to ``folder``; False if absent or any file differs."""
    hashes = read_entry(cache, kind, key)
    source = cache / f"{kind}-{key}"
    if hashes is None or not source.is_dir():
        return False
    if _tree_hashes(source) != hashes:  # damaged or changed since: built again
        shutil.rmtree(source, ignore_errors=True)
        return False
    shutil.copytree(source, folder)
    os.utime(source)  # recently used: kept when the cache is pruned
    return True
