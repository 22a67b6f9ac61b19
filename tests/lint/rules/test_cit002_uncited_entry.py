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


ONE = "@book{thagaard2013,\n  author = {Thagaard, Tove},\n  title = {T},\n  publisher = {P},\n  year = {2013}\n}\n"
# A citation followed by a colon counts (in one real study it gave 10 false "never cited")
PASS += [
    Case(
        "cited before a colon",
        {"docs/a.md": "Tre funn [@thagaard2013, s. 4]: først.\n"},
        bib=ONE,
    )
]
FAIL += [
    Case(
        "a link definition is no citation",
        {"docs/a.md": "[@thagaard2013]: https://example.org\n"},
        bib=ONE,
    )
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
