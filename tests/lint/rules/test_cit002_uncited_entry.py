"""CIT002: entries never cited, unless explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT002"
ONE = (
    "@book{kvale2009, author = {Kvale, Steinar}, title = {Det kvalitative forskningsintervju}, publisher = "
    "{Gyldendal}, year = {2009}}\n"
)

FAIL = [
    Case("never cited", {"docs/a.md": "Ingen henvisninger.\n"}, bib=ONE, lines=(1,), contains="kvale2009"),
    Case("reason too short", {"docs/a.md": "x\n"}, bib=ONE.replace("year", "uncited = {x}, year")),
]

PASS = [
    Case("cited in a chapter", {"docs/a.md": "Se [@kvale2009].\n"}, bib=ONE),
    Case(
        "cited in a record",
        {"report/figures/f.yaml": 'id: f\ncaption: "F"\nsource: "[@kvale2009]"\nalt: "x"\nkind: graph\n'},
        bib=ONE,
        study=True,
    ),
    Case(
        "explained in the entry",
        {"docs/a.md": "x\n"},
        bib=ONE.replace("year", "uncited = {Står i originalens litteraturliste}, year"),
    ),
    Case(
        "explained in the configuration",
        {"docs/a.md": "x\n"},
        bib=ONE,
        lint="uncited:\n  - {key: kvale2009, reason: Står i originalens litteraturliste}\n",
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
