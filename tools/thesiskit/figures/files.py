"""Write every drawn figure as an SVG file; the site and the PDF use the same files.

Only ``kind: graph`` is drawn: table records are set as real tables in both outputs, and a
``kind: image`` record's picture file is used as it is (``picture_files``).
"""

from __future__ import annotations

from pathlib import Path

from ..project import Project
from ..records import Records
from ..records.load import picture_path
from ..records.schema import InformantsFile


def write_figures(records: Records, folder: Path) -> dict[str, Path]:
    """Render each graph figure record to ``folder/<id>.svg``; return id → path."""
    from .svg import render_svg

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for fid, fig in records.figures.items():
        if fig.kind != "graph":
            continue
        path = folder / f"{fid}.svg"
        svg = render_svg(fig, records.informants_file, language=records.study.language)
        path.write_text(svg, encoding="utf-8", newline="\n")
        out[fid] = path
    return out


def picture_files(project: Project, records: Records) -> dict[str, Path]:
    """The picture file of every ``kind: image`` record, by id (copied as ``figurer/<id><suffix>``)."""
    return {fid: picture_path(project, fig) for fid, fig in records.figures.items() if fig.kind == "image"}


def figure_file_name(fid: str, path: Path) -> str:
    """The name a figure's file gets in both outputs: ``<id>.svg``, ``<id>.png``."""
    return f"{fid}{path.suffix.lower()}"


EDITION_MARK = "[?]"
"""The edition's mark of a table cell whose place it had to guess (AUTHORING.md); not in the submission."""


def without_marks(table: InformantsFile) -> InformantsFile:
    """The informant table without the edition's marks of uncertain cells (for the submission)."""
    people = [
        p.model_copy(update={"attributes": {k: v.replace(EDITION_MARK, "").strip() for k, v in p.attributes.items()}})
        for p in table.informants
    ]
    return table.model_copy(update={"informants": people})
