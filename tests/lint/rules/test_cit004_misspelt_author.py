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


# Real-world shapes (issue 10)
FAIL += [
    Case(
        "LaTeX-escaped name decoded",
        {"docs/a.md": "Som Sorvoll (2010) viser.\n"},
        bib="@book{sorvoll2010, author = {S{\\o}rvoll, Jardar}, title = {T}, publisher = {P}, year = {2010}}\n",
        contains="'Sørvoll'",
    ),
]
PASS += [
    Case(
        "LaTeX-escaped name written right",
        {"docs/a.md": "Som Sørvoll (2010) viser.\n"},
        bib="@book{sorvoll2010, author = {S\\o rvoll, Jardar}, title = {T}, publisher = {P}, year = {2010}}\n",
    ),
    Case(
        "common surname",
        {"docs/a.md": "Som Johansen (2015) viser.\n"},
        bib="@book{jansen2015, author = {Jansen, Kari}, title = {T}, publisher = {P}, year = {2015}}\n",
    ),
    Case(
        "institution's name",
        {"docs/a.md": "Tallene (Nordisk ministerråd, 2018) viser.\n"},
        bib="@book{nordvik2018, author = {Nordvik, Kari}, title = {T}, publisher = {P}, year = {2018}}\n",
    ),
    Case(
        "biblatex extended names and odd lists do not crash",
        {"docs/a.md": "Som van Buuren (2018) og Hansen (2019) viser.\n"},
        bib="@book{vanbuuren2018, author = {family=Buuren, given=Stef, prefix=van, useprefix=false}, "
        "title = {T}, publisher = {P}, year = {2018}}\n"
        "@book{hansen2019, author = {Hansen, Kari, Olsen, Per}, title = {U}, publisher = {P}, year = {2019}}\n"
        "@book{asps2020, author = {American Society of Plastic Surgery Foundation, }, title = {V}, year = {2020}}\n"
        "@book{etal2021, author = {{Norsk senter for forskningsdata} and others}, title = {W}, year = {2021}}\n",
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
