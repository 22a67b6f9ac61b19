"""CIT005: a year that matches no work of the author."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT005"

FAIL = [
    Case("narrative", {"docs/a.md": "Czarniawska (2005) sin sosialkonstruktivisme.\n"}, lines=(1,), contains="2015"),
    Case("parenthetical", {"docs/a.md": "(Czarniawska, 2005, s. 3)\n"}),
    Case("mfl.", {"docs/a.md": "Christensen mfl. (2012) skriver.\n"}),
    Case("m.fl.", {"docs/a.md": "Christensen m.fl. (2012) skriver.\n"}),
    Case("et al.", {"docs/a.md": "(Christensen et al., 2012)\n"}),
    Case("og", {"docs/a.md": "Hansen og Berg (2010) skriver.\n"}),
    Case("ampersand", {"docs/a.md": "(Hansen & Berg, 2010)\n"}),
    Case("misspelt author", {"docs/a.md": "Oppstad (2012) påpeker.\n"}),
]

PASS = [
    Case("right years", {"docs/a.md": "Czarniawska (2015), Christensen mfl. (2015) og (Hansen & Berg, 2011).\n"}),
    Case("not a first author", {"docs/a.md": "Egeberg (2003) skriver.\n"}),
    Case("unknown author", {"docs/a.md": "Mintzberg (1983) skriver.\n"}),
    Case("secondary citation", {"docs/a.md": "(Helgøy og Ravneberg 2003 referert i Helgøy mfl., 2010)\n"}),
    Case("no date", {"docs/a.md": "(Christensen, u.å.)\n"}),
    Case("pandoc citation", {"docs/a.md": "[@czarniawska2015]\n"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
