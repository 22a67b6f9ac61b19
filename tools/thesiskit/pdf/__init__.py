"""The PDF: rendered chapters → one Pandoc document → Typst (citeproc) → PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ToolError
from ..project import Project
from ..records import Records
from ..render.chapters import Page
from ..render.floats import Floats

if TYPE_CHECKING:
    from .warm import WarmTypst


@dataclass(frozen=True)
class PdfInput:
    """Everything the PDF step needs, prepared by the pipeline."""

    project: Project
    records: Records
    pages: list[Page]
    """Pages in reading order (nav order, site-only pages left out), rendered for target "pdf":
    headings numbered, cross-references resolved, citations still in Pandoc syntax. The page
    ``litteratur.md`` marks where the reference list goes."""
    figures: dict[str, Path]
    """Figure id → SVG file (the same files the site uses)."""
    bib: Path
    """references.bib."""
    submission: bool
    """Anonymous exam submission: no author name anywhere (title page, metadata, appendices)."""
    created: dt.datetime
    """Creation date for the PDF metadata (SOURCE_DATE_EPOCH or the study's date)."""
    engine: str = "typst"
    """typst (default) or latex (needs xelatex)."""
    floats: Floats = field(default_factory=Floats)
    """The numbered figures and tables, and the pictures under docs/ the pages show."""

    def figure_anchors(self) -> list[str] | None:
        """Anchors of Figur 1, 2, … (None when the floats are not known)."""
        anchors = [f.anchor for f in self.floats.items if f.series == "figure"]
        return anchors if self.floats.items else None


def build_pdf(inp: PdfInput, out: Path, warm: WarmTypst | None = None) -> None:
    """Write the PDF to ``out`` (the caller moves it into place atomically); Typst compiles in ``warm`` if given."""
    if inp.engine == "latex":
        from .latex import build_with_latex

        build_with_latex(inp, out)
        return
    if inp.engine != "typst":
        raise ToolError(f"unknown PDF engine {inp.engine!r} (typst or latex)")
    from .typst import build_with_typst

    build_with_typst(inp, out, warm)
