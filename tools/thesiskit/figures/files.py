"""Write every figure as an SVG file; the site and the PDF use the same files."""

from __future__ import annotations

from pathlib import Path

from ..records import Records
from ..records.schema import InformantsFile


def write_figures(records: Records, folder: Path) -> dict[str, Path]:
    """Render each figure record to ``folder/<id>.svg``; return id → path."""
    from .svg import render_svg

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for fid, fig in records.figures.items():
        path = folder / f"{fid}.svg"
        path.write_text(render_svg(fig, records.informants_file), encoding="utf-8")
        out[fid] = path
    return out


EDITION_MARK = "[?]"
"""The edition's mark of a table cell whose place it had to guess (AUTHORING.md); not in the submission."""


def without_marks(table: InformantsFile) -> InformantsFile:
    """The informant table without the edition's marks of uncertain cells (for the submission)."""
    people = [
        p.model_copy(update={"attributes": {k: v.replace(EDITION_MARK, "").strip() for k, v in p.attributes.items()}})
        for p in table.informants
    ]
    return table.model_copy(update={"informants": people})


def submission_figures(records: Records, figures: dict[str, Path]) -> dict[str, Path]:
    """The figures of the exam submission: the informant table drawn again without the edition's marks."""
    from .svg import render_svg

    table = records.informants_file
    out = dict(figures)
    if not any(EDITION_MARK in v for p in table.informants for v in p.attributes.values()):
        return out
    for fid, fig in records.figures.items():
        if fig.kind == "informants" and fid in figures:
            path = figures[fid].with_name(f"{fid}.innlevert.svg")
            path.write_text(render_svg(fig, without_marks(table)), encoding="utf-8")
            out[fid] = path
    return out
