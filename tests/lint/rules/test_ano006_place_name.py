"""ANO006: municipality names and <Organisation> <Place> for the organisations the study lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "ANO006"
NAV = "places:\n  offices:\n    - {name: NAV, units: [kontakt, klage, fylke]}\n"

FAIL = [
    Case(
        "municipality mid-sentence",
        {"docs/a.md": "Intervjuene ble gjort i Drammen og omegn.\n"},
        lines=(1,),
        contains="3301",
    ),
    Case("NAV place", {"docs/a.md": "Lederen ved NAV Fjellbygd sa dette.\n"}, contains="NAV Fjellbygd", lint=NAV),
    Case("Nav place", {"docs/a.md": "Lederen ved Nav Fjellbygd sa dette.\n"}, contains="local NAV office", lint=NAV),
    Case("common-word name in strong context", {"docs/a.md": "Vi var ved NAV Hole i fjor.\n"}, lint=NAV),
    Case("office of the study's organisation", {"docs/a.md": "Vi var på NAV-kontoret i Hole.\n"}, lint=NAV),
    Case("common-word name with kommune", {"docs/a.md": "Kontoret ligger i Hole kommune.\n"}),
    Case("Sámi parallel name", {"docs/a.md": "Kontoret i Guovdageaidnu var med.\n"}),
    Case("hyphenated", {"docs/a.md": "Kontorene i Oslo-området.\n"}),
    Case("extra places", {"docs/a.md": "Kontoret på Grünerløkka.\n"}, lint="places:\n  extra: [Grünerløkka]\n"),
    Case(
        "in a record",
        {
            "report/quotes/q.yaml": (
                "- id: q\n  informant: 1\n  section: s\n  attribution: '1'\n  text: Vi har kontor på Lillehammer.\n"
            )
        },
        study=True,
    ),
]

PASS = [
    Case("common words", {"docs/a.md": "Et hole i budsjettet, en vik og et nes, i lier og bø. Time etter time.\n"}),
    Case("common-word names capitalised", {"docs/a.md": "Det er en Time igjen, sa hun. Moss og lav.\n"}),
    Case("sentence-initial", {"docs/a.md": "Bergen er ikke nevnt. Drammen heller ikke.\n"}),
    Case("institutions", {"docs/a.md": "Forskere ved Universitetet i Bergen og Høgskolen i Oslo og Akershus.\n"}),
    Case("publisher place", {"docs/a.md": "Utgitt i boka, Oslo: Universitetsforlaget.\n"}),
    Case(
        "NAV units",
        {"docs/a.md": "Både NAV Kontaktsenter, NAV Klageinstans og NAV Fylke, og NAV sin visjon.\n"},
        lint=NAV,
    ),
    Case("organisation the study does not list", {"docs/a.md": "Lederen ved NAV Fjellbygd sa dette.\n"}),
    Case(
        "author named like a place",
        {"docs/a.md": "Som Lund (2012) skriver, og Lund mener.\n"},
        bib="@book{lund2012, author={Lund, Kari}, title={T}, publisher={P}, year={2012}}\n",
    ),
    Case("ignored place", {"docs/a.md": "Studiet ved høgskolen i Førde.\n"}, lint="places:\n  ignore: [Førde]\n"),
]


# Real-world shape (issue 10): the author exemption does not override a strong context
FAIL += [
    Case(
        "bibliography author in a strong context",
        {"docs/a.md": "Kontoret ligger i Hole kommune.\n"},
        bib="@book{hole2015, author = {Hole, Kari}, title = {T}, publisher = {P}, year = {2015}}\n",
    ),
]
PASS += [
    Case(
        "bibliography author in a citation",
        {"docs/a.md": "Som Hole (2015) skriver.\n"},
        bib="@book{hole2015, author = {Hole, Kari}, title = {T}, publisher = {P}, year = {2015}}\n",
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)


def test_kommune_list() -> None:
    from thesiskit.lint.context import kommuner

    rows = kommuner()
    assert len(rows) == 357, "the 2024 structure has 357 municipalities"
    assert len({k.number for k in rows}) == 357
    by_name = {k.name: k for k in rows}
    assert by_name["Hole"].common_word and by_name["Lier"].common_word and not by_name["Drammen"].common_word
    assert "Guovdageaidnu" in by_name["Kautokeino"].forms
    assert by_name["Oslo"].number == "0301"
