"""Figure layout: records → a scene of boxes, wrapped labels and lines, in SVG user units.

Pure geometry: ``svg.py`` turns a scene into markup, and the tests check scenes directly
(labels fit their boxes, boxes do not overlap).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from ..errors import InputError
from ..records.schema import Figure, Node
from .text import EPSILON, longest_piece, text_width, wrap

MAX_WIDTH = 720.0
"""Widest figure (A4 text width, about 160 mm)."""
FONT = 13.5
LINE = 17.0
NOTE_FONT = 12.0
NOTE_LINE = 15.0
MARGIN = 12.0
PAD_X = 10.0
PAD_Y = 7.0
GAP_X = 20.0
GAP_Y = 30.0
MIN_PITCH = 110.0
MAX_PITCH = 230.0
"""Widest grid column: longer labels wrap (about 30 characters a line)."""

Anchor = Literal["start", "middle"]


@dataclass(frozen=True)
class Rect:
    """A box, a table cell or a header cell."""

    x: float
    y: float
    w: float
    h: float
    kind: Literal["box", "cell", "head"] = "box"

    @property
    def right(self) -> float:
        """Right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """Bottom edge."""
        return self.y + self.h

    @property
    def cx(self) -> float:
        """Horizontal centre."""
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        """Vertical centre."""
        return self.y + self.h / 2

    def overlaps(self, other: Rect) -> bool:
        """True if the two rectangles share inner area."""
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom


@dataclass(frozen=True)
class Label:
    """Lines of text; ``x`` is the left edge or the centre (``anchor``), ``y`` the first baseline."""

    lines: tuple[str, ...]
    x: float
    y: float
    anchor: Anchor
    size: float
    line_height: float
    bold: bool
    frame: Rect | None
    """The box the text must stay inside (None for notes)."""
    limit: float
    """Widest line allowed by the layout."""


@dataclass
class Scene:
    """Everything a figure draws."""

    width: float
    height: float
    rects: list[Rect] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    lines: list[tuple[tuple[float, float], ...]] = field(default_factory=list)

    def shift(self, dx: float) -> None:
        """Move everything drawn to the right by ``dx``."""
        self.rects = [replace(r, x=r.x + dx) for r in self.rects]
        self.labels = [
            replace(lb, x=lb.x + dx, frame=replace(lb.frame, x=lb.frame.x + dx) if lb.frame else None)
            for lb in self.labels
        ]
        self.lines = [tuple((x + dx, y) for x, y in p) for p in self.lines]


def _where(fig: Figure) -> str:
    return f"report/figures/{fig.id}.yaml"


def text_block(lines: list[str], frame: Rect, anchor: Anchor, *, bold: bool = False, top: bool = False) -> Label:
    """A label inside a frame: padded, centred vertically unless ``top``."""
    height = len(lines) * LINE
    y0 = frame.y + PAD_Y if top else frame.cy - height / 2
    x = frame.cx if anchor == "middle" else frame.x + PAD_X
    return Label(tuple(lines), x, y0 + LINE / 2 + 0.33 * FONT, anchor, FONT, LINE, bold, frame, frame.w - 2 * PAD_X)


# ---------------------------------------------------------------- graphs


def _check_graph(fig: Figure) -> None:
    ids = [n.id for n in fig.nodes]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise InputError.at(_where(fig), None, f"nodes: duplicate id {dup[0]!r}")
    for a, b in fig.edges:
        for end in (a, b):
            if end not in ids:
                raise InputError.at(_where(fig), None, f"edges: [{a}, {b}]: no node {end!r}")
    for i, n in enumerate(fig.nodes):
        for m in fig.nodes[i + 1 :]:
            if n.row == m.row and n.col < m.col + m.span and m.col < n.col + n.span:
                raise InputError.at(
                    _where(fig), None, f"nodes {n.id!r} and {m.id!r} overlap in row {n.row} (col and span)"
                )


def _pitch(nodes: list[Node], extent: float) -> float:
    """Width of one grid column: enough for the labels on one line, within the figure's width."""
    widest = (MAX_WIDTH - 2 * MARGIN + GAP_X) / extent
    natural = max((text_width(n.label, FONT) + 2 * PAD_X + GAP_X) / n.span for n in nodes)
    least = max((longest_piece(n.label, FONT) + 2 * PAD_X + GAP_X) / n.span for n in nodes)
    return min(max(min(natural, MAX_PITCH), least, MIN_PITCH), widest)


def _reach(edges: list[tuple[str, str]], start: str) -> set[str]:
    """Nodes joined to ``start`` by the edges, in either direction."""
    seen, todo = {start}, [start]
    while todo:
        cur = todo.pop()
        for a, b in edges:
            for x, y in ((a, b), (b, a)):
                if x == cur and y not in seen:
                    seen.add(y)
                    todo.append(y)
    return seen


def _network_edges(fig: Figure, rows: dict[str, int]) -> set[int]:
    """Indexes of edges drawn as straight lines: those in a web of cycles with a same-row edge.

    An edge on no cycle is tree-like (an elbow). Edges on cycles join into webs (the parts
    left when tree-like edges are taken away); a web with an edge inside one row, like
    Leavitt's diamond, is a network rather than a hierarchy and gets straight lines.
    """
    edges = fig.edges
    on_cycle = [i for i, (a, b) in enumerate(edges) if b in _reach([e for j, e in enumerate(edges) if j != i], a)]
    web = [edges[i] for i in on_cycle]
    lateral = [a for a, b in web if rows[a] == rows[b]]
    joined = set().union(*(_reach(web, a) for a in lateral)) if lateral else set()
    return {i for i in on_cycle if edges[i][0] in joined}


def _clip(box: Rect, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from the box's centre towards (tx, ty) leaves the box."""
    dx, dy = tx - box.cx, ty - box.cy
    scale = min(box.w / 2 / abs(dx) if dx else float("inf"), box.h / 2 / abs(dy) if dy else float("inf"))
    return box.cx + dx * scale, box.cy + dy * scale


def _hits(points: list[tuple[float, float]], boxes: list[Rect]) -> bool:
    """True if a polyline runs through any of the boxes."""
    for (x1, y1), (x2, y2) in pairwise(points):
        seg = Rect(min(x1, x2) - 0.5, min(y1, y2), abs(x2 - x1) + 1, abs(y2 - y1))
        if any(seg.overlaps(b) for b in boxes):
            return True
    return False


def layout_graph(fig: Figure) -> Scene:
    """Boxes on the grid, labels wrapped to the box width, rows aligned, connectors between them."""
    _check_graph(fig)
    if not fig.nodes:
        return Scene(2 * MARGIN, 2 * MARGIN)
    cmin = min(n.col for n in fig.nodes)
    extent = max(n.col + n.span for n in fig.nodes) - cmin
    pitch = _pitch(fig.nodes, extent)
    wrapped = {n.id: wrap(n.label, n.span * pitch - GAP_X - 2 * PAD_X, FONT) for n in fig.nodes}
    nrows = max(n.row for n in fig.nodes)
    heights = [LINE + 2 * PAD_Y] * (nrows + 1)
    for r in range(1, nrows + 1):
        in_row = [len(wrapped[n.id]) for n in fig.nodes if n.row == r]
        if in_row:
            heights[r] = max(in_row) * LINE + 2 * PAD_Y
    tops = [MARGIN] * (nrows + 2)
    for r in range(1, nrows + 1):
        tops[r + 1] = tops[r] + heights[r] + GAP_Y
    boxes = {
        n.id: Rect(MARGIN + (n.col - cmin) * pitch, tops[n.row], n.span * pitch - GAP_X, heights[n.row])
        for n in fig.nodes
    }
    rows = {n.id: n.row for n in fig.nodes}
    scene = Scene(2 * MARGIN + extent * pitch - GAP_X, tops[nrows + 1] - GAP_Y + MARGIN)
    scene.rects.extend(boxes.values())
    scene.labels.extend(text_block(wrapped[n.id], boxes[n.id], "middle") for n in fig.nodes)
    straight = _network_edges(fig, rows)
    for i, (a, b) in enumerate(fig.edges):
        ba, bb = boxes[a], boxes[b]
        if rows[a] == rows[b]:
            left, right = (ba, bb) if ba.x < bb.x else (bb, ba)
            scene.lines.append(((left.right, left.cy), (right.x, right.cy)))
            continue
        up, down = (ba, bb) if rows[a] < rows[b] else (bb, ba)
        if i in straight:
            scene.lines.append((_clip(up, down.cx, down.cy), _clip(down, up.cx, up.cy)))
        elif abs(up.cx - down.cx) < 0.5:
            scene.lines.append(((up.cx, up.bottom), (up.cx, down.y)))
        else:
            others = [r for r in boxes.values() if r not in (up, down)]
            late, early = down.y - GAP_Y / 2, up.bottom + GAP_Y / 2
            route = [(up.cx, up.bottom), (up.cx, late), (down.cx, late), (down.cx, down.y)]
            if _hits(route, others):
                alt = [(up.cx, up.bottom), (up.cx, early), (down.cx, early), (down.cx, down.y)]
                route = route if _hits(alt, others) else alt
            scene.lines.append(tuple(route))
    return scene


# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class Cell:
    """One table cell."""

    text: str
    span: int = 1
    head: bool = False
    align: Anchor = "start"


def merge_header(row: list[str]) -> list[Cell]:
    """A header row: an empty cell after a filled one widens it (a title over several columns)."""
    cells: list[Cell] = []
    for text in row:
        if not text.strip() and cells and cells[-1].text.strip():
            last = cells[-1]
            cells[-1] = Cell(last.text, last.span + 1, True, "middle")
        else:
            cells.append(Cell(text, 1, True))
    return cells


@lru_cache(maxsize=4096)
def _nlines(text: str, width: float, bold: bool) -> int:
    return len(wrap(text, width - 2 * PAD_X, FONT, bold))


def _table_lines(grid: list[list[Cell]], widths: list[float]) -> tuple[int, int]:
    """Lines of a table with these column widths: rows (each as tall as its tallest cell), cells."""
    rows = cells = 0
    for row in grid:
        col, tallest = 0, 1
        for cell in row:
            n = _nlines(cell.text, sum(widths[col : col + cell.span]), cell.head)
            tallest, cells = max(tallest, n), cells + n
            col += cell.span
        rows += tallest
    return rows, cells


def _grow(grid: list[list[Cell]], widths: list[float], most: list[float], room: float, which: int) -> None:
    """Widen columns while that saves lines, best lines-per-width first (0: rows' lines, 1: cells')."""
    step = 6.0
    while True:
        spare = room - sum(widths)
        base = _table_lines(grid, widths)[which]
        best: tuple[float, int, float] | None = None
        for c, (w, top) in enumerate(zip(widths, most, strict=True)):
            k = 1
            while w < top and k * step <= spare:
                new = min(w + k * step, top)
                saved = base - _table_lines(grid, [*widths[:c], new, *widths[c + 1 :]])[which]
                if saved > 0 and (best is None or saved / (new - w) > best[0] + EPSILON):
                    best = (saved / (new - w), c, new)
                if new >= top:
                    break
                k += 1
        if best is None:
            return
        widths[best[1]] = best[2]


def _column_widths(grid: list[list[Cell]], ncols: int) -> list[float]:
    """Column widths fitted to content.

    One line per cell if the table fits in MAX_WIDTH; else from the longest words up, widening
    first where that saves most rows' lines per unit of width, then cells' lines, and sharing
    what is left in proportion to what each column still lacks.
    """
    most = [2 * PAD_X + 10] * ncols
    least = list(most)
    for row in grid:
        col = 0
        for cell in row:
            if cell.span == 1:
                most[col] = max(most[col], text_width(cell.text, FONT, cell.head) + 2 * PAD_X)
                least[col] = max(least[col], longest_piece(cell.text, FONT, cell.head) + 2 * PAD_X)
            col += cell.span
    room = MAX_WIDTH - 2 * MARGIN
    if sum(most) <= room:
        widths = list(most)
    else:
        widths = list(least)
        _grow(grid, widths, most, room, 0)
        _grow(grid, widths, most, room, 1)
        spare, lack = room - sum(widths), sum(most) - sum(widths)
        if spare > 0 and lack > 0:
            widths = [w + spare * (top - w) / lack for w, top in zip(widths, most, strict=True)]
    for row in grid:  # a spanning cell's longest word must still fit
        col = 0
        for cell in row:
            need = longest_piece(cell.text, FONT, cell.head) + 2 * PAD_X - sum(widths[col : col + cell.span])
            if need > 0:
                widths[col + cell.span - 1] += need
            col += cell.span
    return widths


def layout_table(grid: list[list[Cell]]) -> Scene:
    """A grid of cells: header cells shaded and bold, every row as tall as its tallest cell."""
    ncols = max((sum(c.span for c in row) for row in grid), default=0)
    grid = [[*row, *[Cell("", head=bool(row) and row[-1].head)] * (ncols - sum(c.span for c in row))] for row in grid]
    widths = _column_widths(grid, ncols)
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    scene = Scene(xs[-1] + MARGIN, 0)
    y = MARGIN
    for row in grid:
        placed, col = [], 0
        for cell in row:
            w = xs[col + cell.span] - xs[col]
            placed.append((cell, xs[col], w, wrap(cell.text, w - 2 * PAD_X, FONT, cell.head)))
            col += cell.span
        h = max(len(lines) for *_, lines in placed) * LINE + 2 * PAD_Y
        for cell, x, w, lines in placed:
            frame = Rect(x, y, w, h, "head" if cell.head else "cell")
            scene.rects.append(frame)
            if cell.text.strip():
                scene.labels.append(text_block(lines, frame, cell.align, bold=cell.head, top=not cell.head))
        y += h
    scene.height = y + MARGIN
    return scene


# ---------------------------------------------------------------- notes


def add_notes(scene: Scene, notes: list[str]) -> None:
    """Legend lines under the drawing; a long note widens a narrow figure (the drawing is centred)."""
    natural = max((text_width(n, NOTE_FONT) for n in notes), default=0.0)
    width = max(scene.width - 2 * MARGIN, min(natural, MAX_WIDTH - 2 * MARGIN))
    if width + 2 * MARGIN > scene.width:
        scene.shift((width + 2 * MARGIN - scene.width) / 2)
    y = scene.height - MARGIN + NOTE_LINE * 0.5
    for note in notes:
        lines = wrap(note, width, NOTE_FONT)
        scene.labels.append(
            Label(tuple(lines), MARGIN, y + NOTE_LINE * 0.75, "start", NOTE_FONT, NOTE_LINE, False, None, width)
        )
        y += len(lines) * NOTE_LINE
    if notes:
        scene.width = width + 2 * MARGIN
        scene.height = y + MARGIN
