"""CIT008: BibTeX syntax errors, and parsing goes on after them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes, make_study
from thesiskit.lint import LintOptions, lint_project

CODE = "CIT008"
GOOD = "@book{b2012,\n  author = {Bukve, O.},\n  title = {T},\n  publisher = {P},\n  year = {2012}\n}\n"
BROKEN = "@article{x2010,\n  author = {Broken, A.\n  title = {Missing brace},\n  year = 2010\n}\n\n"

FAIL = [
    Case("missing brace", {}, bib=BROKEN + GOOD, lines=(1,)),
    Case(
        "field twice",
        {},
        bib="@book{b2012, author = {A}, title = {T}, title = {U}, publisher = {P}, year = {2012}}\n",
        contains="title",
    ),
]

PASS = [Case("well-formed", {}, bib=GOOD)]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)


def test_parsing_resumes_after_an_error(tmp_path: Path) -> None:
    root = make_study(tmp_path, {"docs/a.md": "Se [@b2012].\n"}, bib=BROKEN + GOOD)
    findings = lint_project(root, LintOptions(select=("CIT",)))
    assert [f.rule for f in findings if f.rule == "CIT008"] == ["CIT008"]
    assert not [f for f in findings if f.rule == "CIT001"], "the entry after the broken one was lost"
