"""Write every drawn figure as an SVG file; the site and the PDF use the same files.

Only ``kind: graph`` is drawn: table records are set as real tables in both outputs, and a
``kind: image`` record's picture file is used as it is (``picture_files``).
"""

from __future__ import annotations

from pathlib import Path

from ..project import Project
from ..records import Records
from ..records.load import picture_path


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
        path.write_text(svg, encoding="utf-8")
        out[fid] = path
    return out


def picture_files(project: Project, records: Records) -> dict[str, Path]:
    """The picture file of every ``kind: image`` record, by id (copied as ``figurer/<id><suffix>``)."""
    return {fid: picture_path(project, fig) for fid, fig in records.figures.items() if fig.kind == "image"}


def figure_file_name(fid: str, path: Path) -> str:
    """The name a figure's file gets in both outputs: ``<id>.svg``, ``<id>.png``."""
    return f"{fid}{path.suffix.lower()}"
