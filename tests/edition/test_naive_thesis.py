"""The thesis as submitted, converted naively (plain-text citations), reports its known slips.

The source is ``../shared/source/thesis.txt`` beside the repository. The bibliography is the study's
real ``references.bib`` when it exists, else a synthetic one with the same keys and authors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.lint.helpers import BIB, make_study
from thesiskit.lint import Finding, LintOptions, lint_project

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO.parent / "shared" / "source" / "thesis.txt"


@pytest.fixture(scope="module", params=["real", "synthetic"])
def findings(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Finding], str]:
    if not SOURCE.is_file():
        pytest.skip(f"the submitted thesis is not at {SOURCE} (../shared/source/thesis.txt beside the clone)")
    text = SOURCE.read_text(encoding="utf-8")
    text = re.sub(r"\n[ \t]*\n", "\n", text)  # the extraction puts a blank line after every line
    real = REPO / "references.bib"
    if request.param == "real" and not real.is_file():
        pytest.skip("the study's references.bib does not exist yet")
    bib = real.read_text(encoding="utf-8") if request.param == "real" else BIB
    root = make_study(tmp_path_factory.mktemp("naive"), {"docs/thesis.md": text}, bib=bib)
    return lint_project(root, LintOptions()), bib


def _names(findings: list[Finding], code: str) -> set[str]:
    return {m.group(1) for f in findings if f.rule == code for m in [re.match(r"'([^']+)'", f.message)] if m}


def test_misspelt_authors(findings: tuple[list[Finding], str]) -> None:
    found, bib = findings
    uses_opstad = re.search(r"author\s*=\s*\{Opstad,", bib) is not None
    expected = {"Thagard", "Kilan", "Malberg-Heimonsen", "Malberg-Heimonen", "Oppstad" if uses_opstad else "Opstad"}
    assert _names(found, "CIT004") == expected


def test_wrong_year(findings: tuple[list[Finding], str]) -> None:
    found, _ = findings
    years = [f.message for f in found if f.rule == "CIT005"]
    assert any(m.startswith("Czarniawska 2005:") for m in years), years


def test_plain_citations_and_ibid(findings: tuple[list[Finding], str]) -> None:
    found, _ = findings
    rules = {f.rule for f in found}
    assert {"CIT003", "CIT009"} <= rules


def test_contact_data_in_the_appendices(findings: tuple[list[Finding], str]) -> None:
    found, _ = findings
    assert any(f.rule == "ANO001" for f in found)
