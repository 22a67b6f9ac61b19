"""The optional LaTeX engine: Pandoc → xelatex, when xelatex is installed (the default is Typst)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..cite.style import citeproc_args
from ..errors import ToolError
from ..pandoc import run_pandoc
from . import PdfInput
from .document import assemble
from .meta import pdf_meta
from .typst import copy_figures

INSTALL_HINT = "--> Install TeX Live with xelatex (e.g. apt-get install texlive-xetex), or use --engine typst"


def build_with_latex(inp: PdfInput, out: Path) -> None:
    """Pandoc with ``--pdf-engine=xelatex``; raw Typst in the document is left out by Pandoc."""
    xelatex = shutil.which("xelatex")
    if xelatex is None:
        raise ToolError(f"--engine latex needs xelatex, which is not on PATH. {INSTALL_HINT}")
    meta = pdf_meta(inp.records.study, inp.submission)
    doc = assemble(inp.pages, meta.lang, meta.region, inp.figure_anchors())
    work = inp.project.build / ".latex" / out.name.split(".")[0]
    shutil.rmtree(work, ignore_errors=True)
    (work / "figurer").mkdir(parents=True)
    copy_figures(inp, doc, work)
    args = [
        "--from=markdown",
        f"--pdf-engine={xelatex}",
        *citeproc_args(meta.locale),
        "--metadata=link-citations:true",
        f"--metadata=title:{meta.title}",
        f"--metadata=author:{meta.pdf_author}",
        f"--metadata=date:{meta.date}",
        "--variable=documentclass:report",
        "--variable=papersize:a4",
        "--toc",
        "--lof",
        *([f"--bibliography={inp.bib}"] if inp.bib.is_file() else []),
        f"--output={out.resolve()}",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    run_pandoc(args, stdin=doc.markdown, cwd=work)
