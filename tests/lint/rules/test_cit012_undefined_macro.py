"""CIT012: @string macros used and defined nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT012"


def book(extra: str) -> str:
    return "@book{b2012,\n  author = {Bukve, O.},\n  title = {T},\n" + extra + "  year = 2012\n}\n"


FAIL = [
    Case("undefined publisher", {}, bib=book("  publisher = gyldendal,\n"), lines=(4,), contains="'gyldendal'"),
    Case("undefined in a concatenation", {}, bib=book('  publisher = "Det " # samlaget,\n'), contains="samlaget"),
    Case(
        "defined after its use",
        {},
        bib=book("  publisher = pub,\n") + '@string{pub = "Gyldendal"}\n',
        contains="'pub'",
    ),
]

PASS = [
    Case("defined before", {}, bib='@string{Pub = "Gyldendal"}\n' + book("  publisher = pub,\n")),
    Case("month macro and number", {}, bib=book("  publisher = {P},\n  month = jan,\n")),
    Case("braced and quoted", {}, bib=book('  publisher = {Gyldendal},\n  address = "Oslo",\n')),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
