"""Figures as standalone, accessible SVG 1.1, the same file for the site and the PDF.

``render_svg(fig, informants)`` lays the figure out (``layout.py``) and writes markup:
a white background, connectors, boxes or cells, then text in Libertinus Serif (bundled
with Typst; browsers fall back to Georgia or another serif, and the width table in
``text.py`` leaves room for that). The output is deterministic: no ids but the figure's
own, numbers with one decimal.
"""

from __future__ import annotations

from html import escape

from ..errors import InputError
from ..lang import locale_for
from ..records.schema import Figure, InformantsFile
from .layout import FONT, MAX_WIDTH, Cell, Label, Rect, Scene, add_notes, layout_graph, layout_table, merge_header
from .text import hyphenation

FONT_FAMILY = "Libertinus Serif, Georgia, serif"
TEXT = "#1a1a1a"
"""Text colour: 15.9:1 on the box fill, 13.6:1 on the header fill, 17.4:1 on white."""
NOTE_TEXT = "#333333"
BACKGROUND = "#ffffff"
BOX_FILL = "#f2f5f8"
HEAD_FILL = "#dde4ec"
STROKE = "#4a5868"
"""Lines and borders: 7.3:1 on white."""

_FILLS = {"box": BOX_FILL, "cell": BACKGROUND, "head": HEAD_FILL}


def _n(v: float) -> str:
    """A coordinate with one decimal (never "-0.0")."""
    s = f"{v:.1f}"
    return "0.0" if s == "-0.0" else s


def _attr(s: str) -> str:
    return escape(s, quote=True)


def _text(s: str) -> str:
    return escape(s, quote=False)


def table_grid(fig: Figure) -> list[list[Cell]]:
    """A table figure's rows: header rows (empty cells widen the one before), then body rows."""
    return [merge_header(row) for row in fig.header] + [[Cell(t) for t in row] for row in fig.rows]


def informants_grid(informants: InformantsFile) -> list[list[Cell]]:
    """The informant table: groups over their informants, code numbers, then one row per attribute."""
    people = informants.informants
    groups: list[Cell] = [Cell(informants.group_label, head=True)]
    for i, person in enumerate(people):
        if i and people[i - 1].group == person.group:
            last = groups[-1]
            groups[-1] = Cell(last.text, last.span + 1, True, "middle")
        else:
            groups.append(Cell(person.group, 1, True, "middle"))
    numbers = [Cell(informants.number_label, head=True)]
    numbers += [Cell(str(p.number), head=True, align="middle") for p in people]
    labels: list[str] = []
    for person in people:
        labels += [k for k in person.attributes if k not in labels]
    body = [[Cell(k), *(Cell(p.attributes.get(k, ""), align="middle") for p in people)] for k in labels]
    return [groups, numbers, *body]


def layout(fig: Figure, informants: InformantsFile | None = None, *, notes: bool = False) -> Scene:
    """The figure's scene; with ``notes``, the legend lines drawn under it."""
    if fig.kind == "graph":
        scene = layout_graph(fig)
    elif fig.kind == "table":
        scene = layout_table(table_grid(fig))
    else:
        if informants is None or not informants.informants:
            raise InputError.at(
                f"report/figures/{fig.id}.yaml", None, "kind: informants needs the informants of report/informants.yaml"
            )
        scene = layout_table(informants_grid(informants))
    if notes:
        add_notes(scene, fig.notes)
    return scene


def _rect(r: Rect) -> str:
    return (
        f'<rect x="{_n(r.x)}" y="{_n(r.y)}" width="{_n(r.w)}" height="{_n(r.h)}" fill="{_FILLS[r.kind]}"'
        + (' rx="3.0"' if r.kind == "box" else "")
        + "/>"
    )


def _label(lb: Label) -> str:
    attrs = f' x="{_n(lb.x)}" y="{_n(lb.y)}"'
    if lb.anchor == "middle":
        attrs += ' text-anchor="middle"'
    if lb.bold:
        attrs += ' font-weight="bold"'
    if lb.size != FONT:
        attrs += f' font-size="{_n(lb.size)}"'
    if lb.frame is None:
        attrs += f' fill="{NOTE_TEXT}"'
    if len(lb.lines) == 1:
        return f"<text{attrs}>{_text(lb.lines[0])}</text>"
    spans = "".join(
        f'<tspan x="{_n(lb.x)}" y="{_n(lb.y + i * lb.line_height)}">{_text(line)}</tspan>'
        for i, line in enumerate(lb.lines)
    )
    return f"<text{attrs}>{spans}</text>"


def _path(points: tuple[tuple[float, float], ...]) -> str:
    d = " ".join(f"{'M' if i == 0 else 'L'}{_n(x)} {_n(y)}" for i, (x, y) in enumerate(points))
    return f'<path d="{d}"/>'


def to_svg(scene: Scene, fig: Figure, language: str = "nb") -> str:
    """Markup for a scene, with the figure's caption as title and its alt text as description."""
    w, h = _n(scene.width), _n(scene.height)
    locale = locale_for(language)
    lang = _attr(language)
    title, desc = f"{fig.id}-title", f"{fig.id}-desc"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}"'
        f' role="img" aria-labelledby="{title} {desc}" lang="{lang}" xml:lang="{lang}">',
        f'<title id="{title}">{_text(locale.text("figure") + ": " + fig.caption)}</title>',
        f'<desc id="{desc}">{_text(fig.alt.strip())}</desc>',
        f'<rect width="{w}" height="{h}" fill="{BACKGROUND}"/>',
    ]
    if scene.lines:
        out.append(f'<g fill="none" stroke="{STROKE}" stroke-width="1.2" stroke-linejoin="round">')
        out.extend(_path(p) for p in scene.lines)
        out.append("</g>")
    if scene.rects:
        out.append(f'<g stroke="{STROKE}" stroke-width="1.0">')
        out.extend(_rect(r) for r in scene.rects)
        out.append("</g>")
    if scene.labels:
        out.append(f'<g font-family="{_attr(FONT_FAMILY)}" font-size="{_n(FONT)}" fill="{TEXT}">')
        out.extend(_label(lb) for lb in scene.labels)
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def render_svg(
    fig: Figure, informants: InformantsFile | None = None, *, notes: bool = False, language: str = "nb"
) -> str:
    """The figure as a standalone SVG 1.1 document (UTF-8 text, ending in a newline).

    One SVG unit is one CSS pixel. ``informants`` is needed for ``kind: informants``. The
    legend lines (``fig.notes``) are left to the page, as the templates print them, unless
    ``notes`` is true. Labels are hyphenated in the figure's ``lang``, else the study's ``language``.
    """
    language = fig.lang or language
    with hyphenation(language):
        return to_svg(layout(fig, informants, notes=notes), fig, language)


def width_share(fig: Figure, informants: InformantsFile | None = None, *, notes: bool = False) -> float:
    """The figure's width as a share of the text width (1.0 = MAX_WIDTH units, about 160 mm).

    Give the PDF image this width (``width: 37%``) so that text is the same size in every
    figure; at its natural size a narrow figure's text would come out larger.
    """
    return min(1.0, layout(fig, informants, notes=notes).width / MAX_WIDTH)
