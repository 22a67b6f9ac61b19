"""ANO010: local file paths in references.bib."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "ANO010"


def book(extra: str) -> str:
    return "@book{t2013,\n  author = {T, T},\n  title = {T},\n  publisher = {P},\n  year = {2013},\n" + extra + "}\n"


FAIL = [
    Case(
        "Zotero file field",
        {},
        bib=book("  file = {Full Text:C\\:\\Users\\kari\\Zotero\\storage\\AB12\\T - 2013.pdf:application/pdf}\n"),
        lines=(6,),
    ),
    Case(
        "file named like a transcript",
        {},
        bib=book("  file = {/home/kari/data/transkripsjon-3.docx}\n"),
        contains="transcript",
    ),
    Case("home folder in a note", {}, bib=book("  note = {Kopi i /Users/kari/Dokumenter/master}\n"), lines=(6,)),
]

PASS = [
    Case("no file fields", {}, bib=book("")),
    Case("url", {}, bib=book("  url = {https://example.org/home/kari}\n")),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
