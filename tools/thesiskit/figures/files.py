"""Write every figure as an SVG file; the site and the PDF use the same files."""

from __future__ import annotations

from pathlib import Path

from ..records import Records


def write_figures(records: Records, folder: Path) -> dict[str, Path]:
    """Render each figure record to ``folder/<id>.svg``; return id → path."""
    from .svg import render_svg

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for fid, fig in records.figures.items():
        path = folder / f"{fid}.svg"
        svg = render_svg(fig, records.informants_file, language=records.study.language)
        path.write_text(svg, encoding="utf-8")
        out[fid] = path
    return out
