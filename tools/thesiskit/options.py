"""What ``thesis build`` is asked to make (light: the up-to-date check reads it before the pipeline is imported)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BuildOptions:
    """What to build."""

    site: bool = True
    pdf: bool = True
    submission: bool = False
    engine: str = "typst"
    gate: bool = True
    strict: bool = False
    """Warnings of the gate stop the build too (as ``thesis lint --strict``)."""
    docx: bool = False
    """Also write build/thesis.docx (the PDF's text as a Word document)."""
    site_engine: str | None = None
    """MkDocs or Zensical; None: as report/study.yaml says (``site.engine``)."""
