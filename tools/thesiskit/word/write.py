"""``thesis build --docx``: the PDF's text as a Word document, for a supervisor to comment on.

The same pages as the PDF (heading numbers, figure numbers, citations and reference list by the same
CSL style and locale), through Pandoc's docx writer with the reference document
``templates/docx/reference.docx`` (the study's own first, then the kit's). Site-only parts (Sitér
boxes, download buttons) are not in the PDF's pages, so they are not here either; the PDF's raw Typst
is dropped by the docx writer. SVG pictures are drawn as PNG by Typst, with the same bundled fonts
as the PDF, because Word cannot be relied on to show SVG.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from ..cite.style import citeproc_args
from ..errors import ToolError
from ..pandoc import run_pandoc
from ..pdf import PdfInput
from ..pdf.document import assemble
from ..pdf.meta import pdf_meta
from ..pdf.typst import copy_figures
from ..render.env import KIT_TEMPLATES

_SVG = re.compile(r"\]\((?P<path>[^()\s]+\.svg)\)")
PNG_PPI = 200


def reference_doc(inp: PdfInput) -> Path:
    """The Word styles: ``templates/docx/reference.docx`` of the study, else the kit's."""
    for base in (inp.project.templates, KIT_TEMPLATES):
        path = base / "docx" / "reference.docx"
        if path.is_file():
            return path
    raise ToolError("templates/docx/reference.docx: the Word reference document is missing from the kit")


def build_docx(inp: PdfInput, out: Path) -> None:
    """Write ``out`` (the caller moves it into place)."""
    meta = pdf_meta(inp.records.study, inp.submission)
    doc = assemble(inp.pages, meta.lang, meta.region, inp.figure_anchors())
    with tempfile.TemporaryDirectory(prefix="thesis-docx-") as tmp:
        work = Path(tmp)
        (work / "figurer").mkdir()
        copy_figures(inp, doc, work)  # figurer/<id>.png, media/<picture under docs/> as for the PDF
        markdown = _pictures_as_png(doc.markdown, inp, work)
        args = [
            "--from=markdown",
            "--to=docx",
            *citeproc_args(meta.locale),
            f"--metadata=title:{meta.title}",
            *([f"--metadata=subtitle:{meta.subtitle}"] if meta.subtitle else []),
            f"--metadata=author:{meta.byline}",
            f"--metadata=date:{meta.date}",
            f"--reference-doc={reference_doc(inp)}",
            f"--resource-path={work}{_sep()}{inp.project.docs}",
            *([f"--bibliography={inp.bib}"] if inp.bib.is_file() else []),
            f"--output={out}",
        ]
        run_pandoc(args, stdin=markdown, cwd=work)


def _pictures_as_png(markdown: str, inp: PdfInput, work: Path) -> str:
    """Every SVG the text shows, drawn as PNG into ``work``; the text points at the PNGs."""
    import typst

    svgs = {f"figurer/{fid}.svg": path for fid, path in inp.figures.items()}
    out: dict[str, str] = {}
    for m in _SVG.finditer(markdown):
        rel = m.group("path")
        if rel in out:
            continue
        src = svgs.get(rel) or (work / rel if (work / rel).is_file() else inp.project.docs / rel)
        if not src.is_file():
            continue
        name = f"bilde-{len(out) + 1}"
        (work / f"{name}.svg").write_bytes(src.read_bytes())
        page = f'#set page(width: auto, height: auto, margin: 0pt, fill: white)\n#image("{name}.svg")\n'
        (work / f"{name}.typ").write_text(page, encoding="utf-8", newline="\n")
        try:
            png = typst.compile(str(work / f"{name}.typ"), format="png", ppi=PNG_PPI)
        except RuntimeError as exc:
            raise ToolError(f"{rel}: could not draw the picture for Word: {exc}") from None
        assert isinstance(png, bytes)
        (work / f"{name}.png").write_bytes(png)
        out[rel] = f"{name}.png"
    return _SVG.sub(lambda m: f"]({out.get(m.group('path'), m.group('path'))})", markdown)


def _sep() -> str:
    import os

    return os.pathsep
