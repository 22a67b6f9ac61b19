"""CIT014: fields the entry type does not take."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT014"


def entry(kind: str, extra: str) -> str:
    return f"@{kind}{{b2012,\n  author = {{Bukve, O.}},\n  title = {{T}},\n  year = {{2012}},\n{extra}}}\n"


FAIL = [
    Case("journal on a book", {}, bib=entry("book", "  journal = {Tidsskrift},\n"), lines=(5,), contains="@book"),
    Case("booktitle on an article", {}, bib=entry("article", "  booktitle = {Bok},\n"), contains="booktitle"),
    Case("typo", {}, bib=entry("book", "  pulisher = {Gyldendal},\n"), contains="did you mean publisher"),
]

PASS = [
    Case("general fields", {}, bib=entry("book", "  publisher = {P},\n  note = {N},\n  langid = {norsk},\n")),
    Case(
        "Zotero's and the kit's fields",
        {},
        bib=entry("book", "  file = {C:/x.pdf},\n  timestamp = {2020},\n  status = {verified},\n"),
    ),
    Case("journal on an article", {}, bib=entry("article", "  journal = {Tidsskrift},\n")),
    Case("a field set aside with OPT", {}, bib=entry("inproceedings", "  OPTorganization = {ACM},\n")),
    Case("type outside the data model", {}, bib=entry("legislation", "  journal = {Lovtidend},\n")),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
