"""CIT013: an @ between entries, which BibTeX reads as the start of one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT013"
GOOD = "@book{b2012,\n  author = {Bukve, O.},\n  title = {T},\n  publisher = {P},\n  year = {2012}\n}\n"

FAIL = [
    # the shape of this study's own references.bib before it was fixed
    Case(
        "@ in a % line",
        {},
        bib="% conventions:\n%   biblatex types only where Pandoc needs them (@legislation for the one law).\n" + GOOD,
        lines=(2,),
        contains="@legislation",
    ),
    Case("@ in text between entries", {}, bib=GOOD + "\nsee also @misc entries below\n" + GOOD.replace("b2012", "c")),
]

PASS = [
    Case("comments without @", {}, bib="% conventions: legislation for the one law\n" + GOOD),
    Case("@ inside a value", {}, bib=GOOD.replace("{P}", "{post@example.org}")),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
