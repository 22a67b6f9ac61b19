"""Pandoc → Typst with citeproc (the study language's style and locale, link-citations), cached by content hash.

One Pandoc run over the whole thesis: citeproc must see every citation at once (to
disambiguate "2018a/b" and to build the reference list). Splitting the run per page was tried;
every part then has to build the whole reference list again, which costs more than it saves.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from pathlib import Path

from ..cite.style import citeproc_args, style_inputs
from ..errors import InputError, Problem
from ..lang import Locale
from ..pandoc import pandoc_version, run_pandoc
from ..project import Project, read_text
from .document import Document

_CACHE_VERSION = "4"
_NOT_FOUND = re.compile(r"^citation (\S+) not found$")


def pandoc_args(bib: Path | None, locale: Locale, lua: Path, after: Path | None = None) -> list[str]:
    """The Pandoc arguments of the Typst run (without the log file); ``after`` runs after citeproc."""
    return [
        "--from=markdown",
        "--to=typst",
        "--wrap=none",
        f"--lua-filter={lua}",
        *citeproc_args(locale),
        *([f"--lua-filter={after}"] if after else []),
        "--metadata=link-citations:true",
        "--metadata=link-bibliography:true",
        *([f"--bibliography={bib}"] if bib else []),
    ]


def to_typst(
    doc: Document, project: Project, bib: Path | None, locale: Locale, lua: Path, after: Path | None = None
) -> str:
    """The body as Typst; InputError naming the page if a cited key has no bibliography entry."""
    args = pandoc_args(bib, locale, lua, after)
    markdown = doc.markdown
    digest = hashlib.sha256()
    filters = [f.read_text("utf-8") for f in (lua, after) if f]
    inputs = [_CACHE_VERSION, repr(pandoc_version()), *args, *style_inputs(locale), *filters]
    for part in [*inputs, read_text(project, bib) if bib else "", markdown]:
        digest.update(part.encode("utf-8") + b"\0")
    name = digest.hexdigest()[:40]
    cached = project.cache / f"typst-{name}.json"
    if cached.is_file():
        data = json.loads(cached.read_text("utf-8"))
        typst, missing = str(data["typst"]), list(data["missing"])
    else:
        project.cache.mkdir(parents=True, exist_ok=True)
        log_file = project.cache / f"pandoc-log-{name}.{_unique()}.json"
        typst = run_pandoc([*args, f"--log={log_file}"], stdin=markdown)
        missing = []
        if log_file.is_file():
            entries = json.loads(log_file.read_text("utf-8") or "[]")
            missing = sorted({m.group(1) for e in entries if (m := _NOT_FOUND.search(str(e.get("message", ""))))})
            log_file.unlink()
        tmp = cached.with_suffix(f".{_unique()}.tmp")
        tmp.write_text(json.dumps({"typst": typst, "missing": missing}), "utf-8")
        tmp.replace(cached)
    if missing:
        where = project.rel(bib) if bib else "references.bib"
        raise InputError(
            [Problem(where, None, f"no entry for the cited key {key!r} ({_cited_in(doc, key)})") for key in missing]
        )
    return typst


def _unique() -> str:
    """A suffix no other process or thread uses at the same time (for temporary files)."""
    return f"{os.getpid()}-{threading.get_ident()}"


def _cited_in(doc: Document, key: str) -> str:
    """The first page that cites ``key``."""
    rx = re.compile(rf"(?<![\w@])-?@{re.escape(key)}(?![\w:.#$%&+?<>~/-]*\w)")
    return next((c.source for c in doc.chunks if rx.search(c.markdown)), "docs/")
