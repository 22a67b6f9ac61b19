"""CIT015: name lists BibTeX splits differently from what was meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT015"


def authors(value: str) -> str:
    return f"@book{{b2012,\n  author = {{{value}}},\n  title = {{T}},\n  publisher = {{P}},\n  year = {{2012}}\n}}\n"


FAIL = [
    Case("commas between names", {}, bib=authors("Hansen, Kari, Olsen, Per"), lines=(2,), contains="' and '"),
    Case("trailing comma", {}, bib=authors("Hansen, Kari,"), contains="ends with a comma"),
    Case("corporate name ending in a comma", {}, bib=authors("American Society of Plastic Surgery Foundation, ")),
]

PASS = [
    Case("and", {}, bib=authors("Hansen, Kari and Olsen, Per")),
    Case("and others", {}, bib=authors("Hansen, Kari and others")),
    Case("braces", {}, bib=authors("{American Society of Plastic Surgery Foundation, } and {{NAV}}")),
    Case("extended name format", {}, bib=authors("family=Buuren, given=Stef, prefix=van, useprefix=false")),
    Case("von Last, Jr, First", {}, bib=authors("van der Berg, Jr., Jan and S{\\o}rvoll, Jardar")),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
