"""Typst warmed up at the start of ``thesis build``, with the last build's document.

After an edit, most of what Typst computes for the new document it computed for the last one:
the template, the fonts, every page the edit did not touch. Its cache (comemo) lives as long as
the process that compiles, and a fresh process per build starts cold (1.2–1.3 s on the study,
against 0.15–0.2 s warm). So the build starts a child (pdf/warm.py) at once, before it reads the
sources, that compiles the last build's ``main.typ`` (published with its template, metadata and
figures in ``build/.typst/<name>/``, pdf/typst.py ``work_dir``) and throws that PDF away. While
Pandoc converts the changed pages, the cache warms; then the same child compiles the new
``main.typ``. The PDF is the one a cold compile makes (Typst's cache returns what it would
compute). Without a last build's folder (a first build, ``build/`` removed) nothing is started
and the compile is the cold one; a child that dies leaves the compile to a fresh one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from .typst import PDF_STANDARDS, fixed_offset, work_dir
from .warm import WarmTypst


class Prewarmed:
    """The warm child of one build, for each PDF it makes (``thesis.pdf``); stopped by :meth:`close`."""

    def __init__(self, children: dict[str, WarmTypst]) -> None:
        self._children = children

    def get(self, name: str) -> WarmTypst | None:
        """The child the PDF ``name`` compiles in, if one was started."""
        return self._children.get(name)

    def close(self) -> None:
        """Stop the child (the build is done with it)."""
        for child in set(self._children.values()):
            child.stop()


def prewarm(build: Path, names: Iterable[str]) -> Prewarmed:
    """Start one child compiling the last build's document of the first of the PDFs ``names`` that has one.

    Every PDF of ``names`` compiles in that child, one after the other: the exam submission is the
    thesis with another title page, so one warm cache serves both, and one warm-up costs the
    other core less than two.
    """
    names = list(names)
    for name in names:
        main = work_dir(build / name) / "main.typ"
        try:
            made = dt.datetime.fromtimestamp(main.stat().st_mtime, dt.UTC)
        except OSError:  # no last build of this PDF (or not a file we can read)
            continue
        child = WarmTypst()
        child.warm_up([str(main), "", fixed_offset(made).isoformat(), *PDF_STANDARDS])
        return Prewarmed(dict.fromkeys(names, child))
    return Prewarmed({})  # a first build: the compiles are the cold ones
