"""The institution's own front page (``front_page`` in study.yaml, PDF or image) is page 1; the PDF
still declares and passes PDF/A-2b and PDF/UA-1 (Typst checks both while it writes the file)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typst

from thesiskit.errors import InputError

from .conftest import SAMPLE, build_copy
from .pdfcheck import Pdf, normalize

FRONT = '#set page(paper: "a4", fill: rgb("#003865"))\n#set text(fill: white, size: 30pt)\n#align(center)[FRAMSIDE]\n'


def _study_with_front_page(tmp_path: Path, kind: str) -> Path:
    src = tmp_path / "src"
    import shutil

    shutil.copytree(SAMPLE, src, ignore=shutil.ignore_patterns("site", "build"))
    (tmp_path / "front.typ").write_text(FRONT, encoding="utf-8")
    data = typst.compile(str(tmp_path / "front.typ"), format=kind, ppi=40.0) if kind == "png" else None
    if kind == "pdf":
        data = typst.compile(str(tmp_path / "front.typ"))
    assert isinstance(data, bytes)
    (src / "report" / f"framside.{kind}").write_bytes(data)
    study = src / "report" / "study.yaml"
    study.write_text(study.read_text("utf-8") + f"front_page: report/framside.{kind}\n", encoding="utf-8")
    return src


@pytest.mark.parametrize("kind", ["pdf", "png"])
def test_the_front_page_is_page_one_and_the_standards_hold(tmp_path: Path, kind: str) -> None:
    built = build_copy(_study_with_front_page(tmp_path, kind), tmp_path / "study", submission=False)
    pdf = Pdf(built.pdf())
    first, second = normalize(pdf.pages[0]), normalize(pdf.pages[1])
    assert "Samarbeid på tvers" not in first and "Samarbeid på tvers" in second  # the title page follows
    resources = pdf.reader.pages[0]["/Resources"]
    assert resources.get("/XObject"), "page 1 draws the front page"
    assert re.search(r"pdfaid:part>2<", pdf.xmp) and re.search(r"pdfuaid:part>1<", pdf.xmp)
    assert "Masteroppgave, Eksempelhøgskolen: Samarbeid på tvers" in pdf.strings  # its /Alt text


def test_a_missing_front_page_is_an_input_error(tmp_path: Path) -> None:
    src = _study_with_front_page(tmp_path, "png")
    (src / "report" / "framside.png").unlink()
    with pytest.raises(InputError, match=r"front_page: report/framside\.png does not exist"):
        build_copy(src, tmp_path / "study", submission=False)
