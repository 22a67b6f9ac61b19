"""The one cache of engine results (``build/.cache``): entries that cannot lie.

An entry is named ``<kind>-<key>.<suffix>`` (``key`` a hash of everything the result is made
from). Its file holds the SHA-256 of the payload on the first line, then the payload. An entry is
written to a private temporary file and renamed into place, so a reader sees a whole entry or none;
on reading, the hash is checked: a truncated, edited or foreign entry is deleted and reported as a
miss, so the caller builds the result again instead of publishing a broken one.
``publish.prune_cache`` keeps the newest entries of each kind.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .project import Project

_HEADER = b"thesiskit-cache sha256="


def entry(cache: Path, kind: str, key: str, suffix: str = "json") -> Path:
    """Where the entry of ``kind`` for ``key`` lives."""
    return cache / f"{kind}-{key}.{suffix}"


def read(path: Path, check: Callable[[bytes], bool] | None = None) -> bytes | None:
    """The entry's payload, or None if it is missing or does not match its hash (then it is deleted).

    ``check`` may test the payload further (e.g. that a PDF is whole); False also discards it.
    """
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    head, sep, payload = data.partition(b"\n")
    good = (
        sep == b"\n"
        and head.startswith(_HEADER)
        and head[len(_HEADER) :].decode("ascii", "replace") == hashlib.sha256(payload).hexdigest()
    )
    if good and check is not None:
        good = check(payload)
    if not good:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept when the cache is pruned
    return payload


def write(path: Path, payload: bytes) -> None:
    """Store ``payload`` at ``path`` atomically (private temporary file, then a rename).

    A tree that cannot be written (read-only, full) only loses the entry: the cache is never needed.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_HEADER + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise


def read_json(path: Path) -> Any | None:
    """A JSON entry, or None (missing, broken or not JSON: then it is deleted)."""
    payload = read(path)
    if payload is None:
        return None
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None


def write_json(path: Path, data: Any) -> None:
    """Store ``data`` as a JSON entry."""
    write(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def is_whole_pdf(data: bytes) -> bool:
    """Whether ``data`` looks like a complete PDF (header at the start, end-of-file marker at the end)."""
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def cache_key(*parts: str | bytes) -> str:
    """A key from the parts an entry is made from (each part separated, so ``ab|c`` ≠ ``a|bc``).

    Every kind's key is made here, from a function next to the code it caches (``figures_key``,
    ``pdf_key``, ``site_key`` in build.py, ``citeproc_key``, ``bib_key``, ``lint_key``): tests/test_cache_keys.py
    changes each input of each kind and checks that the key changes.
    """
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:40]


def read_entry(cache: Path, kind: str, key: str) -> Any | None:
    """The JSON value stored under ``kind``/``key``, or None if absent or damaged (then removed)."""
    return read_json(entry(cache, kind, key))


def write_entry(cache: Path, kind: str, key: str, value: Any) -> None:
    """Store ``value`` (JSON) under ``kind``/``key``, atomically."""
    write_json(entry(cache, kind, key), value)


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
    try:
        shutil.copytree(source, folder)
        os.utime(source)  # recently used: kept when the cache is pruned
    except OSError:  # pruned by another build meanwhile: built again
        shutil.rmtree(folder, ignore_errors=True)
        return False
    return True


def inputs_digest(project: Project) -> str:
    """A digest of what a cached build result may depend on besides its own input.

    The study's files (all but the build's outputs: site/, build/, CITATION.cff, and hidden ones),
    the kit's code and data, and the installed packages with their versions (:func:`kit_digest`);
    paths relative to the study, so that a study moved to another folder keeps its cache. Computed once
    per run (per ``Project``).
    """
    from .publish import OUTPUTS

    known = _DIGESTS.get(id(project))
    if known is not None and known[0] is project:
        return known[1]

    parts: list[bytes] = []
    read_already = {str(path): text for path, text in project.texts.items()}
    outputs = {os.path.realpath(project.build), *(os.path.realpath(project.root / dst) for _, dst in OUTPUTS)}
    base = str(project.root)
    for folder, dirs, names in os.walk(base):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d != "__pycache__" and os.path.realpath(os.path.join(folder, d)) not in outputs
        )
        for name in sorted(names):
            full = os.path.join(folder, name)
            if name.startswith(".") or full in outputs:  # the root is resolved and no link is followed
                continue
            text = read_already.get(full)  # a source is read once per run
            if text is not None:
                data = text.encode("utf-8")
            else:
                data = Path(full).read_bytes()
                _keep_text(project, full, data)
            parts.append(full[len(base) + 1 :].replace(os.sep, "/").encode() + b"=" + data)
    parts.append(kit_digest().encode())
    _DIGESTS.clear()  # one run at a time is remembered
    _DIGESTS[id(project)] = (project, cache_key(*parts))
    return _DIGESTS[id(project)][1]


def kit_digest(kit: str = os.path.dirname(__file__)) -> str:
    """A digest of the kit's code and data (the folder ``kit``) and of the installed packages.

    What every cached result depends on besides the study (read again on each call: a long-lived
    ``thesis serve`` sees the kit's templates edited). The packages: :func:`installed_packages`.
    """
    return cache_key(*_folder_parts(kit), "\n".join(installed_packages()))


def _folder_parts(base: str) -> list[bytes]:
    """``relative/path=content`` for every file below ``base`` (hidden ones and ``__pycache__`` left out)."""
    parts: list[bytes] = []
    for folder, dirs, names in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(names):
            if not name.startswith("."):
                full = os.path.join(folder, name)
                parts.append(full[len(base) + 1 :].replace(os.sep, "/").encode() + b"=" + Path(full).read_bytes())
    return parts


def installed_packages() -> list[str]:
    """The installed distributions as their metadata folders name them (``name-version.dist-info``).

    The names hold the versions; listing the folders is much quicker than reading every package's
    metadata (``importlib.metadata.distributions``), which a cached run would otherwise pay for.
    """
    found: set[str] = set()
    for entry in sys.path:
        with contextlib.suppress(OSError):
            found.update(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info")))
    return sorted(found)


_DIGESTS: dict[int, tuple[Project, str]] = {}
_SOURCE_SUFFIXES = (".md", ".yml", ".yaml", ".bib")


def _keep_text(project: Project, full: str, data: bytes) -> None:
    """Keep a source read for the digest as :func:`project.read_text` would, so it is not read again.

    Not a symbolic link: ``read_text`` checks where those lead itself.
    """
    if not full.endswith(_SOURCE_SUFFIXES) or os.path.islink(full):
        return
    with contextlib.suppress(UnicodeDecodeError):  # not UTF-8: read_text reports it with its line
        project.texts[Path(full)] = data.decode("utf-8").removeprefix("\ufeff")
