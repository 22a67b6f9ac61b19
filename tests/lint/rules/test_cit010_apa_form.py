"""CIT010: APA 7 (Norwegian) form."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT010"

FAIL = [
    Case("og inside parentheses", {"docs/a.md": "(Hansen og Berg, 2011)\n"}, contains="'&'"),
    Case("ampersand in running text", {"docs/a.md": "Hansen & Berg (2011) skriver.\n"}, contains="'og'"),
    Case(
        "three authors written out", {"docs/a.md": "(Larsen, Malmberg-Heimonen & Johannessen, 2012)\n"}, contains="mfl."
    ),
    Case("mfl. for two authors", {"docs/a.md": "Hansen mfl. (2011) skriver.\n"}, contains="both"),
    Case("hyphen in a pandoc locator", {"docs/a.md": "[@thagaard2013, s. 60-61]\n"}, contains="en dash"),
    Case("no space after s.", {"docs/a.md": "[@thagaard2013, s.60]\n"}),
    Case("side", {"docs/a.md": "@thagaard2013 [side 60]\n"}),
    Case("pp.", {"docs/a.md": "(Thagaard, 2013, pp. 60)\n"}),
    Case("order of works", {"docs/a.md": "(Thagaard, 2013; Bukve, 2012)\n"}, contains="alphabetical"),
]

PASS = [
    Case("right forms", {"docs/a.md": "(Hansen & Berg, 2011) og Hansen og Berg (2011) og (Larsen mfl., 2012).\n"}),
    Case(
        "pandoc locators", {"docs/a.md": "[@thagaard2013, s. 60–61] og @bukve2012 [s. 3] og [@opstad2013, kap. 2].\n"}
    ),
    Case("institution with og", {"docs/a.md": "(Arbeids- og sosialdepartementet, 2006)\n"}),
    Case("ordered works", {"docs/a.md": "(Bukve, 2012; Thagaard, 2013)\n"}),
    Case("pandoc cluster order", {"docs/a.md": "[@thagaard2013; @bukve2012]\n"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
