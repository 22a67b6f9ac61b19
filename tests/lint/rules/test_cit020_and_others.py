"""CIT020: `and others` in a name list of the bibliography."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT020"

FAIL = [
    Case(
        "editor and others",
        {},
        bib="@book{a2011,\n  editor = {Andreassen, T. A. and others},\n  title = {T},\n  year = {2011}\n}\n",
        lines=(2,),
    ),
    Case(
        "author AND OTHERS",
        {},
        bib="@book{b2016, author = {Berg, K. and Dahl, E. AND Others}, title = {T}, year = {2016}}\n",
    ),
]

PASS = [
    Case(
        "complete list",
        {},
        bib="@book{b2016, author = {Berg, K. and Dahl, E. and Otherson, P.}, title = {T}, year = {2016}}\n",
    ),
    Case("no others", {}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
