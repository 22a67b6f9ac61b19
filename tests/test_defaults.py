"""Defaults never state a fact the study did not give: a study that names no kind of thesis gets none
printed (title page, citation metadata, CITATION.cff); unset labels come from the locale table."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from thesiskit.cli import main

from .pdf.pdfcheck import Pdf


def test_a_study_without_genre_gets_none_printed(
    sample_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = sample_copy("mini")
    study_file = root / "report" / "study.yaml"
    study = yaml.safe_load(study_file.read_text("utf-8"))
    assert study.pop("genre") == "Masteroppgave"
    study_file.write_text(yaml.safe_dump(study, allow_unicode=True), encoding="utf-8", newline="\n")
    informants_file = root / "report" / "informants.yaml"
    informants = yaml.safe_load(informants_file.read_text("utf-8"))
    informants.pop("number_label")
    informants_file.write_text(yaml.safe_dump(informants, allow_unicode=True), encoding="utf-8", newline="\n")
    assert main(["build", "--project", str(root)]) == 0, capsys.readouterr().err
    home = (root / "site" / "index.html").read_text("utf-8")
    assert 'name="DC.type"' not in home and "citation_dissertation_name" not in home
    assert "rft.degree" not in home
    cff = yaml.safe_load((root / "CITATION.cff").read_text("utf-8"))
    assert "thesis-type" not in cff["preferred-citation"]
    assert cff["preferred-citation"]["notes"] == study["institution"]
    bib = (root / "site" / "siter" / "nordmann2020.bib").read_text("utf-8")
    assert not re.search(r"^\s*type\s*=", bib, re.M), bib
    title_page = Pdf(root / "build" / "thesis.pdf").pages[0]
    assert title_page.splitlines()[0].strip() == study["degree"], title_page  # no genre line above it
    table = (root / "site" / "02-funn" / "index.html").read_text("utf-8")
    assert '<th scope="row">Nr.</th>' in table
