"""CIT007: required fields, ISBN and DOI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT007"

FAIL = [
    Case(
        "book without publisher",
        {},
        bib="@book{b2012,\n  author = {Bukve, O.},\n  title = {T},\n  year = {2012}\n}\n",
        lines=(1,),
        contains="publisher",
    ),
    Case(
        "article without journal",
        {},
        bib="@article{a2010, author = {A, B}, title = {T}, year = {2010}}\n",
        contains="journal",
    ),
    Case(
        "chapter without booktitle",
        {},
        bib="@incollection{c2010, author = {A, B}, title = {T}, publisher = {P}, year = {2010}}\n",
    ),
    Case(
        "invalid ISBN",
        {},
        bib=(
            "@book{b2012,\n  author = {A, B},\n  title = {T},\n  publisher = {P},\n  year = {2012},\n  isbn = "
            "{978-82-450-1234-5}\n}\n"
        ),
        lines=(6,),
        contains="ISBN",
    ),
    Case(
        "invalid DOI",
        {},
        bib="@article{a2010, author = {A, B}, title = {T}, journal = {J}, year = {2010}, doi = {10.12/x}}\n",
        contains="DOI",
    ),
]

PASS = [
    Case("complete entries", {}),
    Case(
        "date instead of year",
        {},
        bib="@article{a2010, author = {A, B}, title = {T}, journaltitle = {J}, date = {2010-05}}\n",
    ),
    Case(
        "valid identifiers",
        {},
        bib=(
            "@book{k2009, author = {Kvale, S.}, title = {T}, publisher = {P}, year = {2009}, isbn = "
            "{978-82-05-39409-4}, doi = {https://doi.org/10.1177/107780040000600207}}\n"
        ),
    ),
    Case(
        "editor instead of author",
        {},
        bib="@book{e2009, editor = {Ed, A.}, title = {T}, publisher = {P}, year = {2009}}\n",
    ),
    Case("unknown type", {}, bib="@software{s2020, title = {Tool}}\n"),
]


# Real-world shapes (issue 10): ISSNs exported into isbn, Zotero's space-separated ISBN lists
FAIL += [
    Case(
        "ISSNs in the isbn field",
        {},
        bib="@book{j2010, author = {A, B}, title = {T}, publisher = {P}, year = {2010}, "
        "isbn = {1939-2176(Electronic),0022-0663(Print)}}\n",
        contains="is an ISSN",
    ),
]
PASS += [
    Case(
        "Zotero's space-separated ISBN list",
        {},
        bib="@book{k2009, author = {Kvale, S.}, title = {T}, publisher = {P}, year = {2009}, "
        "isbn = {978-82-05-39409-4 82-05-39409-1}}\n",
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
