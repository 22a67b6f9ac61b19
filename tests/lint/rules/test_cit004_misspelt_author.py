"""CIT004: near-miss author names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT004"

FAIL = [
    Case("Thagard", {"docs/a.md": "(Thagard, 2013, s. 60–61)\n"}, contains="'Thagaard'"),
    Case("Lipskey", {"docs/a.md": "Lipskey (1980) beskriver bakkebyråkratene.\n"}, contains="'Lipsky'"),
    Case("Oppstad", {"docs/a.md": "Oppstad (2013) påpeker også dette.\n"}, contains="'Opstad'"),
    Case(
        "Malberg-Heimonsen",
        {"docs/a.md": "(Larsen, Malberg-Heimonsen og Johannessen, 2012)\n"},
        contains="Malmberg-Heimonen",
    ),
    Case("Kilan among co-authors", {"docs/a.md": "(Helgøy, Kilan og Nilsen, 2010)\n"}, contains="'Kildal'"),
    Case("accents", {"docs/a.md": "Som Helgoy (2010) skriver.\n"}, contains="'Helgøy'"),
    Case("before a year-only citation", {"docs/a.md": "Som Thagard [-@thagaard2013] skriver.\n"}),
    Case("in running prose", {"docs/a.md": "Dette har også Czarniawka vist.\n"}, contains="'Czarniawska'"),
]

PASS = [
    Case("right names", {"docs/a.md": "Thagaard (2013), Opstad (2013), Lipsky (1980) og Helgøy (2010).\n"}),
    Case(
        "distinct look-alike names",
        {"docs/a.md": "Som Jansen, Hanssen og Olsson (2019) og Berge (2001) viser, og Lie (2003).\n"},
    ),
    Case("different first letter", {"docs/a.md": "Som Chagaard (2013) viste.\n"}),
    Case("sentence-initial word in prose", {"docs/a.md": "Bukker er dyr. Opstad er riktig.\n"}),
    Case(
        "names from the bibliography's other fields",
        {"docs/a.md": "Boka fra Fagbokforlaget og Universitetsforlaget.\n"},
    ),
    Case(
        "place names",
        {"docs/a.md": "Hun bodde i Bergen og Hamar.\n"},
        bib="@book{berger2010, author={Berger, Peter}, title={T}, publisher={P}, year={2010}}\n",
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
