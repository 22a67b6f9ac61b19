"""CIT011: reconstructed entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT011"

FAIL = [
    Case(
        "reconstructed",
        {},
        bib=(
            "@book{o2013,\n  author = {Opstad, L.},\n  title = {T},\n  publisher = {P},\n  year = {2013},\n  "
            "status = {reconstructed}\n}\n"
        ),
        lines=(6,),
    ),
    Case(
        "any case",
        {},
        bib="@book{o2013, author = {O, L}, title = {T}, publisher = {P}, year = {2013}, status = {Reconstructed}}\n",
    ),
]

PASS = [
    Case(
        "verified",
        {},
        bib="@book{o2013, author = {O, L}, title = {T}, publisher = {P}, year = {2013}, status = {verified}}\n",
    ),
    Case("no status", {}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
