"""Pandoc → Typst with citeproc (the study language's style and locale, link-citations), cached by content hash.

A clean build runs Pandoc once over the whole thesis: citeproc must see every citation at once
(to disambiguate "2018a/b" and to build the reference list). The output is split at the pages'
source marks and each page's Typst kept in the cache; after an edit only the pages without an
entry run again, in one Pandoc run that is given every other cited key as ``nocite``, so that
citeproc sees the same set of works and renders every citation as in the whole run. A page's
entry is keyed by the part of references.bib it depends on (bibscope.py), so that an edit of an
entry re-runs only the pages citing it, the reference list, and, if the edit can change how other
works are cited (an author, a year), every page that cites something.
"""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

from ..cache import cache_key, read_entry, write_entry
from ..cite.bib import parse_bib
from ..cite.style import citeproc_args, style_inputs
from ..errors import InputError, Problem, ToolError
from ..lang import Locale
from ..pandoc import pandoc_version, run_pandoc
from ..project import Project, read_text
from .bibscope import BibScope, bib_scope
from .document import SOURCE_MARK, Document, raw_typst

_CACHE_VERSION = "6"
BIB_DATA_FILTER = Path(__file__).with_name("bibdata.lua")
_NOT_FOUND = re.compile(r"^citation (\S+) not found$")


def pandoc_args(bib: Path | None, locale: Locale, lua: Path, after: Path | None = None) -> list[str]:
    """The Pandoc arguments of the Typst run (without the log file); ``after`` runs after citeproc."""
    return [
        "--from=markdown-smart",  # the text as written: no curly quotes, dashes or ellipses made up
        "--to=typst",
        "--wrap=none",
        *citeproc_args(locale),  # before the filter: captions it writes as Typst hold rendered citations
        f"--lua-filter={BIB_DATA_FILTER}",  # right after citeproc: what references.bib gave is text
        f"--lua-filter={lua}",
        *([f"--lua-filter={after}"] if after else []),
        "--metadata=link-citations:true",
        "--metadata=link-bibliography:true",
        *([f"--bibliography={bib}"] if bib else []),
    ]


def to_typst(
    doc: Document, project: Project, bib: Path | None, locale: Locale, lua: Path, after: Path | None = None
) -> str:
    """The body as Typst; InputError naming the page if a cited key has no bibliography entry.

    Each page's Typst is kept in the cache by its Markdown, everything Pandoc is run with, the
    set of keys the whole document cites and the part of references.bib the page depends on
    (:mod:`.bibscope`); only pages without an entry go through Pandoc again (in one run, the
    other pages' keys given as ``nocite``, so that citeproc disambiguates exactly as it does for
    the whole document).
    """
    args = pandoc_args(bib, locale, lua, after)
    filters = [f.read_text("utf-8") for f in (lua, after, _CITES_FILTER, BIB_DATA_FILTER) if f]
    text = read_text(project, bib) if bib else ""
    scope = bib_scope(parse_bib(text, project.rel(bib), bib, project.cache)) if bib else None
    context = cache_key(
        _CACHE_VERSION,
        repr(pandoc_version()),
        *(_without_folder(a) for a in args),  # the files' contents are part of the key, not where they are
        *style_inputs(locale),
        *filters,
        "" if scope else text,  # a plain file: each page's key holds its part (page_key)
    )
    chunks = doc.chunks
    bases = [cache_key(context, c.markdown) for c in chunks]
    cites: list[list[str] | None] = [read_entry(project.cache, "cites", b) for b in bases]
    typst: list[str | None] = [None] * len(chunks)
    todo = [i for i, keys in enumerate(cites) if keys is None]
    if todo:  # pages not seen before: their keys are found by running them
        known = sorted({k for keys in cites if keys is not None for k in keys})
        out, parts, found = _run(doc, todo, known, args, project, bib)
        if parts is None:  # the pages could not be told apart in Pandoc's output: no page cache
            return out if len(todo) == len(chunks) else _run(doc, list(range(len(chunks))), [], args, project, bib)[0]
        for i in todo:
            cites[i] = found[i]
            typst[i] = parts[i]
    cited = sorted({k for keys in cites for k in keys or []})
    keys = [page_key(bases[i], cites[i] or [], cited, chunks[i].refs, scope) for i in range(len(chunks))]
    for i in todo:
        write_entry(project.cache, "cites", bases[i], cites[i])
        write_entry(project.cache, "typstpage", keys[i], typst[i])
    for i, page in enumerate(typst):
        if page is None:
            typst[i] = read_entry(project.cache, "typstpage", keys[i])
    missed = [i for i, page in enumerate(typst) if page is None]
    if missed:  # the document cites another set of keys, or entries changed: these pages run again
        _, parts, _ = _run(doc, missed, cited, args, project, bib)
        if parts is None:
            return _run(doc, list(range(len(chunks))), [], args, project, bib)[0]
        for i in missed:
            typst[i] = parts[i]
            write_entry(project.cache, "typstpage", keys[i], parts[i])
    return "\n".join(t or "" for t in typst)


def page_key(base: str, cites: list[str], cited: list[str], refs: bool, scope: BibScope | None) -> str:
    """The key of a page's Typst.

    ``base`` is its Markdown and the run's context, ``cited`` the keys the document cites; then the
    part of references.bib the page depends on (``cites``: the keys it cites; ``refs``: it holds the
    reference list; without a ``scope`` the whole file is in ``base``).
    """
    return cache_key(base, cache_key(*cited), scope.part(cites, cited, refs) if scope else "")


def _without_folder(arg: str) -> str:
    """``--opt=/abs/dir/name`` as ``--opt=name``: a key that does not change when the study (or kit) moves."""
    option, sep, value = arg.partition("=")
    return f"{option}={Path(value).name}" if sep and Path(value).is_absolute() else arg


_CITES_FILTER = Path(__file__).with_name("cites.lua")
_NEXT = "(the next page)"


def _run(
    doc: Document, which: list[int], nocite: list[str], args: list[str], project: Project, bib: Path | None
) -> tuple[str, dict[int, str] | None, dict[int, list[str]]]:
    """Run Pandoc on the pages ``which`` (with ``nocite``): its output, each page's Typst and keys.

    The pages' Typst is None if the output could not be split into them at their source marks.
    """
    head = []
    if nocite:
        head.append("nocite: |\n  " + "; ".join(f"@{{{k}}}" for k in nocite))
    markdown = "\n".join(doc.chunks[i].markdown for i in which)
    refs = any(doc.chunks[i].refs for i in which)
    last = len(doc.chunks) - 1
    tail = which[-1] != last or not refs
    if tail:  # a page follows, as in the whole document, and holds the reference list if no page does
        markdown += "\n" + raw_typst(f"{SOURCE_MARK}{_NEXT}") + ("" if refs else "\n::: {#refs}\n:::\n")
    if head:
        markdown = "---\n" + "\n".join(head) + "\n---\n\n" + markdown
    project.cache.mkdir(parents=True, exist_ok=True)
    log_file = project.cache / f"pandoc-log-{_unique()}.json"
    cites_file = project.cache / f"pandoc-cites-{_unique()}.txt"
    try:
        try:
            cites_meta = f"--metadata=thesiskit-cites:{cites_file}"
            out = run_pandoc([f"--lua-filter={_CITES_FILTER}", cites_meta, *args, f"--log={log_file}"], stdin=markdown)
        except ToolError as exc:  # which pages Pandoc was converting (the one its message points at, if any)
            raise ToolError(f"{exc}; converting {_pages_at(doc, which, markdown, str(exc))}") from None
        entries = json.loads(log_file.read_text("utf-8") or "[]") if log_file.is_file() else []
        lines = cites_file.read_text("utf-8").splitlines() if cites_file.is_file() else []
    finally:
        log_file.unlink(missing_ok=True)
        cites_file.unlink(missing_ok=True)
    missing = sorted({m.group(1) for e in entries if (m := _NOT_FOUND.search(str(e.get("message", ""))))})
    if missing:
        where = project.rel(bib) if bib else "references.bib"
        raise InputError(
            [Problem(where, None, f"no entry for the cited key {key!r} ({_cited_in(doc, key)})") for key in missing]
        )
    found: dict[int, set[str]] = {i: set() for i in which}
    for line in lines:
        n, _, key = line.partition("\t")
        if n.isdigit() and int(n) < len(which):
            found[which[int(n)]].add(key)
    keys = {i: sorted(k) for i, k in found.items()}
    lines = out.split("\n")
    starts = [n for n, line in enumerate(lines) if line.startswith(SOURCE_MARK)]
    if len(starts) != len(which) + tail:
        return out, None, keys
    bounds = [0, *starts[1:], len(lines)]
    parts = {i: "\n".join(lines[bounds[j] : bounds[j + 1]]) for j, i in enumerate(which)}
    if last in parts:  # the end of the document, whatever followed it in this run
        parts[last] = parts[last].rstrip("\n") + "\n"
    if len(which) == len(doc.chunks) and "\n".join(parts.values()) != out:
        return out, None, keys  # the pages do not join back to the whole output
    return out, parts, keys


def _pages_at(doc: Document, which: list[int], markdown: str, message: str) -> str:
    """The page of the input line Pandoc's message names, else the pages of the run, for a message."""
    sources = [doc.chunks[i].source for i in which]
    m = re.search(r"\bline (\d+)", message)
    if m:
        marks = [n for n, ln in enumerate(markdown.split("\n"), 1) if ln.startswith(SOURCE_MARK)]  # each page's first
        before = [k for k, n in enumerate(marks) if n <= int(m.group(1))]
        if before and before[-1] < len(sources):
            return sources[before[-1]]
    if len(sources) <= 3:
        return ", ".join(sources)
    return f"{sources[0]} … {sources[-1]} ({len(sources)} pages)"


def _unique() -> str:
    """A suffix no other process or thread uses at the same time (for temporary files)."""
    return f"{os.getpid()}-{threading.get_ident()}"


def _cited_in(doc: Document, key: str) -> str:
    """The first page that cites ``key``."""
    rx = re.compile(rf"(?<![\w@])-?@{re.escape(key)}(?![\w:.#$%&+?<>~/-]*\w)")
    return next((c.source for c in doc.chunks if rx.search(c.markdown)), "docs/")
