"""SVG figures: golden files, geometry (labels fit, boxes apart), accessibility, escaping, Typst.

Golden files live in tests/figures/cases/<name>/{figure.yaml, [informants.yaml], expected.svg}.
After a deliberate change to the drawing, regenerate them and look at the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/figures
"""

from __future__ import annotations

import io
import os
import re
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest
from pypdf import PdfReader

from thesiskit.errors import InputError
from thesiskit.figures import svg as svgmod
from thesiskit.figures.layout import Label, Scene
from thesiskit.figures.svg import layout, render_svg, width_share
from thesiskit.figures.text import text_width, wrap
from thesiskit.records.schema import Figure, InformantsFile
from thesiskit.records.yamlio import load_yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CASES = sorted(p for p in (HERE / "cases").iterdir() if (p / "figure.yaml").is_file())
NS = "{http://www.w3.org/2000/svg}"


def _load(path: Path, model: type[Figure] | type[InformantsFile]) -> Figure | InformantsFile:
    data, _ = load_yaml(path.read_text(encoding="utf-8"), str(path))
    return model.model_validate(data)


def _figure(path: Path) -> Figure:
    fig = _load(path, Figure)
    assert isinstance(fig, Figure)
    return fig


def _informants(folder: Path) -> InformantsFile | None:
    path = folder / "informants.yaml"
    if not path.is_file():
        return None
    inf = _load(path, InformantsFile)
    assert isinstance(inf, InformantsFile)
    return inf


def _all() -> list[tuple[str, Figure, InformantsFile | None]]:
    return [(f"case-{c.name}", _figure(c / "figure.yaml"), _informants(c)) for c in CASES]


ALL = _all()  # the edition's own figures get the same checks in tests/edition/test_figures.py
IDS = [name for name, *_ in ALL]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path) -> None:
    """The SVG of each sample figure is byte for byte the committed one."""
    got = render_svg(_figure(case / "figure.yaml"), _informants(case))
    expected = case / "expected.svg"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert expected.is_file(), f"no golden file; run: UPDATE_GOLDEN=1 .venv/bin/pytest {HERE.relative_to(REPO)}"
    assert got == expected.read_text(encoding="utf-8")


def _line_extent(label: Label, line: str) -> tuple[float, float]:
    w = text_width(line, label.size, label.bold)
    return (label.x - w / 2, label.x + w / 2) if label.anchor == "middle" else (label.x, label.x + w)


@pytest.mark.parametrize(("name", "fig", "inf"), ALL, ids=IDS)
def test_labels_fit_their_boxes(name: str, fig: Figure, inf: InformantsFile | None) -> None:
    """By the width table, every line is within its box, padding kept; the block fits its height."""
    scene = layout(fig, inf, notes=True)
    assert scene.labels
    for lb in scene.labels:
        for line in lb.lines:
            assert text_width(line, lb.size, lb.bold) <= lb.limit + 1e-6, (name, line)
        if lb.frame is None:
            continue
        for line in lb.lines:
            left, right = _line_extent(lb, line)
            assert lb.frame.x + 5 <= left and right <= lb.frame.right - 5, (name, line)
        top = lb.y - 0.8 * lb.size
        bottom = lb.y + (len(lb.lines) - 1) * lb.line_height + 0.25 * lb.size
        assert lb.frame.y + 2 <= top and bottom <= lb.frame.bottom - 2, (name, lb.lines)


def _inside(scene: Scene, x: float, y: float) -> bool:
    return -0.05 <= x <= scene.width + 0.05 and -0.05 <= y <= scene.height + 0.05


@pytest.mark.parametrize(("name", "fig", "inf"), ALL, ids=IDS)
def test_geometry(name: str, fig: Figure, inf: InformantsFile | None) -> None:
    """Graph boxes never overlap; everything is inside the viewBox, with a margin; width ≤ 900."""
    scene = layout(fig, inf)
    assert scene.width <= 900.0 + 1e-6
    if fig.kind == "graph":
        boxes = scene.rects
        assert len(boxes) == len(fig.nodes)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.overlaps(b), (name, a, b)
                assert a.right + 10 <= b.x or b.right + 10 <= a.x or a.bottom + 10 <= b.y or b.bottom + 10 <= a.y
        assert len(scene.lines) == len(fig.edges)
    for r in scene.rects:
        assert r.x >= 10 and r.y >= 10 and r.right <= scene.width - 10 and r.bottom <= scene.height - 10
    for points in scene.lines:
        assert all(_inside(scene, x, y) for x, y in points)
        for (x1, y1), (x2, y2) in pairwise(points):
            if len(points) > 2:  # elbow connectors are orthogonal
                assert abs(x1 - x2) < 1e-6 or abs(y1 - y2) < 1e-6


def test_rows_are_aligned() -> None:
    """Boxes in one row share top and height; a tall label makes the whole row taller."""
    fig = _figure(HERE / "cases" / "tree" / "figure.yaml")
    scene = layout(fig)
    by_id = dict(zip((n.id for n in fig.nodes), scene.rects, strict=True))
    assert by_id["a"].y == by_id["b"].y and by_id["a"].h == by_id["b"].h
    assert by_id["a"].h > by_id["leder"].h


def test_connector_shapes() -> None:
    """Tree edges are elbows from the parent's bottom to the child's top; cycle edges are straight;
    a same-row edge runs side to side."""
    tree = _figure(HERE / "cases" / "tree" / "figure.yaml")
    scene = layout(tree)
    box = dict(zip((n.id for n in tree.nodes), scene.rects, strict=True))
    leder_a = scene.lines[0]
    assert len(leder_a) == 4
    assert leder_a[0] == (box["leder"].cx, box["leder"].bottom) and leder_a[-1] == (box["a"].cx, box["a"].y)
    diamond = _figure(HERE / "cases" / "diamond" / "figure.yaml")
    scene = layout(diamond)
    box = dict(zip((n.id for n in diamond.nodes), scene.rects, strict=True))
    assert all(len(p) == 2 for p in scene.lines)
    (x1, y1), (x2, y2) = scene.lines[-1]  # [v, o]
    assert (x1, x2) == (box["v"].right, box["o"].x) and y1 == y2 == box["v"].cy


@pytest.mark.parametrize(("name", "fig", "inf"), ALL, ids=IDS)
def test_svg_is_accessible_xml(name: str, fig: Figure, inf: InformantsFile | None) -> None:
    text = render_svg(fig, inf)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{NS}svg"
    assert root.get("version") == "1.1" and root.get("role") == "img" and root.get("lang") == "nb"
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and desc is not None
    assert title.text == "Figur: " + fig.caption
    assert desc.text == fig.alt.strip()
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    _, _, w, h = (float(v) for v in (root.get("viewBox") or "").split())
    assert 0 < w <= 900 and h > 0
    assert root[0] is title and root[1] is desc
    lowered = text.lower()
    for bad in ("<script", "href", "url(", "@import", "<image", "<foreignobject"):
        assert bad not in lowered, bad
    assert re.findall(r"\d\.\d{2,}", text.split("</desc>")[1]) == []  # one decimal everywhere
    assert render_svg(fig, inf) == text  # deterministic


def test_escaping() -> None:
    fig = _figure(HERE / "cases" / "escaping" / "figure.yaml")
    text = render_svg(fig)
    assert "&lt;script&gt;&amp;" in text
    assert "<script" not in text
    root = ET.fromstring(text.encode("utf-8"))
    strings = ["".join(t.itertext()) for t in root.iter(f"{NS}text")]
    assert "<script>&" in strings
    assert any("\"Sitat\" & 'apostrof'" in s for s in strings)
    title = root.find(f"{NS}title")
    assert title is not None and title.text == 'Figur: Tegn som må escapes: <, & og "'


def test_notes_on_request() -> None:
    fig = _figure(HERE / "cases" / "table" / "figure.yaml")
    assert "? = ukjent" not in render_svg(fig)
    with_notes = render_svg(fig, notes=True)
    assert "? = ukjent" in with_notes
    assert ET.fromstring(with_notes.encode("utf-8")) is not None


def test_width_share() -> None:
    narrow = _figure(HERE / "cases" / "diamond" / "figure.yaml")
    assert 0.2 < width_share(narrow) < 0.6
    wide = _figure(HERE / "cases" / "table" / "figure.yaml")
    assert width_share(wide) == 1.0


def test_wrap_never_overflows() -> None:
    words = "Arbeidsavklaringspenger, flyktningetjenesten og NAV-leder/Kontorleder/Enhetsleder – 45 ansatte"
    for width in range(30, 400, 7):
        for line in wrap(words, width, 13.5):
            assert text_width(line, 13.5) <= width + 1e-6, (width, line)
    assert wrap("Flyktningeavdeling", 108, 13.5) == ["Flyktninge-", "avdeling"]
    assert wrap("Sykefraværsteam for tjenesteområdet", 108, 13.5)[0] == "Sykefraværs-"
    assert wrap("", 100, 13.5) == [""]


def test_width_table_covers_libertinus() -> None:
    """The table is Libertinus Serif's widths (Typst) with a margin: lowercase about half an em."""
    lower = text_width("abcdefghijklmnopqrstuvwxyz", 1.0) / 26
    assert 0.45 < lower < 0.56
    assert text_width("m", 1) > text_width("n", 1) > text_width("i", 1)
    assert text_width("Å", 1) > text_width("a", 1) and text_width("æ", 1) > text_width("a", 1)
    assert text_width("a", 1, bold=True) > text_width("a", 1)


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast() -> None:
    for fill in (svgmod.BOX_FILL, svgmod.HEAD_FILL, svgmod.BACKGROUND):
        assert _contrast(svgmod.TEXT, fill) >= 7
    assert _contrast(svgmod.NOTE_TEXT, svgmod.BACKGROUND) >= 4.5
    assert _contrast(svgmod.STROKE, svgmod.BACKGROUND) >= 3


def test_overlapping_cells_are_an_input_error() -> None:
    fig = Figure.model_validate(
        {
            "id": "bad",
            "caption": "c",
            "alt": "a",
            "kind": "graph",
            "nodes": [
                {"id": "a", "label": "A", "row": 1, "col": 1, "span": 2},
                {"id": "b", "label": "B", "row": 1, "col": 2},
            ],
        }
    )
    with pytest.raises(InputError, match=r"report/figures/bad.yaml: nodes 'a' and 'b' overlap in row 1"):
        render_svg(fig)
    fig = fig.model_copy(update={"nodes": fig.nodes[:1], "edges": [("a", "x")]})
    with pytest.raises(InputError, match="no node 'x'"):
        render_svg(fig)


def test_informants_figure_needs_informants() -> None:
    fig = _figure(HERE / "cases" / "informants" / "figure.yaml")
    with pytest.raises(InputError, match="informants"):
        render_svg(fig, None)


def test_informants_table_cells() -> None:
    folder = HERE / "cases" / "informants"
    grid = svgmod.informants_grid(_informants(folder))  # type: ignore[arg-type]
    assert [(c.text, c.span) for c in grid[0]] == [("Tilhørighet", 1), ("Kontor A", 2), ("Kontor B", 1)]
    assert [c.text for c in grid[1]] == ["Kodetall", "1", "2", "3"]
    assert [row[0].text for row in grid[2:]] == ["Stilling", "Utdanning", "Ansiennitet"]  # first seen
    assert [c.text for c in grid[4]] == ["Ansiennitet", "", "10 år", "Så vidt / 6 år i annen stilling"]


def test_typst_embeds_every_figure(tmp_path: Path) -> None:
    """Typst (its bundled fonts only, as on a bare build machine) turns the SVGs into a PDF."""
    typst_embeds(ALL, tmp_path, ("Avdeling A", "Tilhørighet"))


def typst_embeds(
    figures: list[tuple[str, Figure, InformantsFile | None]], tmp_path: Path, words: tuple[str, ...]
) -> None:
    """Compile ``figures`` into one PDF with Typst; its fonts are Libertinus and ``words`` are in its text."""
    typst = pytest.importorskip("typst")
    body = ["#set page(width: 210mm, height: auto, margin: 25mm)"]
    for name, fig, inf in figures:
        (tmp_path / f"{name}.svg").write_text(render_svg(fig, inf), encoding="utf-8")
        body.append(f'#image("{name}.svg", width: {width_share(fig, inf) * 100:.1f}%, alt: "{fig.id}")')
    (tmp_path / "doc.typ").write_text("\n\n".join(body) + "\n", encoding="utf-8")
    pdf = typst.compile(str(tmp_path / "doc.typ"), ignore_system_fonts=True)
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    fonts: set[str] = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont", "")))
    assert any("+LibertinusSerif-Regular" in f for f in fonts), fonts
    assert any("+LibertinusSerif-Bold" in f for f in fonts), fonts
    text = " ".join(page.extract_text() for page in reader.pages)
    for word in words:
        assert word in text, word
