"""build_pdf's promises: byte-identical rebuilds, and errors as messages that name the source."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from thesiskit.build import pdf_input
from thesiskit.errors import InputError, ToolError
from thesiskit.pdf import PdfInput, build_pdf
from thesiskit.render.chapters import Page

from .conftest import Built


def _input(built: Built, **changes: object) -> PdfInput:
    return dataclasses.replace(pdf_input(built.src, built.figures, False, "typst"), **changes)  # type: ignore[arg-type]


def _with_page(built: Built, markdown: str) -> PdfInput:
    inp = _input(built)
    return dataclasses.replace(inp, pages=[*inp.pages, Page("extra.md", None, markdown)])


def test_two_builds_are_byte_identical_with_and_without_the_cache(sample_pdfs: Built, tmp_path: Path) -> None:
    first = sample_pdfs.pdf().read_bytes()
    assert sample_pdfs.build(False, tmp_path / "again.pdf").read_bytes() == first
    shutil.rmtree(sample_pdfs.src.project.cache)
    assert sample_pdfs.build(False, tmp_path / "fresh.pdf").read_bytes() == first


def test_the_creation_date_is_the_given_one(sample_pdfs: Built, tmp_path: Path) -> None:
    import datetime as dt

    from pypdf import PdfReader

    when = dt.datetime(2021, 3, 4, 5, 6, 7, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    build_pdf(_input(sample_pdfs, created=when), tmp_path / "dated.pdf")
    assert PdfReader(tmp_path / "dated.pdf").metadata["/CreationDate"] == "D:20210304040607Z"  # the same instant


def test_a_cited_key_missing_from_the_bibliography_names_the_page(sample_pdfs: Built, tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        build_pdf(
            _with_page(sample_pdfs, "# Ekstra {#ekstra .unnumbered}\n\nSe [@finnesikke2020]."), tmp_path / "x.pdf"
        )
    assert "references.bib: no entry for the cited key 'finnesikke2020' (docs/extra.md)" in str(err.value)


def test_a_figure_without_its_svg_is_an_input_error(sample_pdfs: Built, tmp_path: Path) -> None:
    figures = {k: v for k, v in sample_pdfs.figures.items() if k != "modell"}
    with pytest.raises(InputError, match=r"report/figures/modell.yaml: no file was made"):
        build_pdf(_input(sample_pdfs, figures=figures), tmp_path / "x.pdf")


def test_a_typst_error_names_the_page_it_came_from(sample_pdfs: Built, tmp_path: Path) -> None:
    page = "# Ekstra {#ekstra .unnumbered}\n\n```{=typst}\n#finnes-ikke()\n```\n"
    with pytest.raises(ToolError) as err:
        build_pdf(_with_page(sample_pdfs, page), tmp_path / "x.pdf")
    message = str(err.value)
    assert message.startswith("Typst failed: docs/extra.md (main.typ:")
    assert "unknown variable: finnes-ikke" in message
    assert "Traceback" not in message


def test_skipped_heading_levels_are_refused_for_pdf_ua(sample_pdfs: Built, tmp_path: Path) -> None:
    page = "# Ekstra {#ekstra .unnumbered}\n\n### For dypt {#for-dypt .unnumbered}\n\nTekst.\n"
    with pytest.raises(ToolError, match=r"docs/extra.md .*heading level"):
        build_pdf(_with_page(sample_pdfs, page), tmp_path / "x.pdf")


def test_latex_engine_without_xelatex_says_how_to_get_it(sample_pdfs: Built, tmp_path: Path) -> None:
    if shutil.which("xelatex"):
        pytest.skip("xelatex is installed here")
    with pytest.raises(ToolError, match=r"--engine latex needs xelatex.*--engine typst"):
        build_pdf(_input(sample_pdfs, engine="latex"), tmp_path / "x.pdf")
