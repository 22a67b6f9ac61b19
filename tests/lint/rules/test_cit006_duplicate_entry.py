"""CIT006: duplicate keys and duplicate works."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT006"
A = (
    "@book{kvale2009,\n  author = {Kvale, Steinar},\n  title = {Det kvalitative forskningsintervju},\n  "
    "publisher = {Gyldendal},\n  year = {2009},\n  isbn = {978-82-05-39409-4},\n  doi = {10.1234/abc}\n}\n"
)


def entry(key: str, **fields: str) -> str:
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@book{{{key},\n{body}\n}}\n"


FAIL = [
    Case("same key", {}, bib=A + A, lines=(9,), contains="same key"),
    Case("key up to case", {}, bib=A + A.replace("kvale2009", "Kvale2009"), contains="up to case"),
    Case(
        "same DOI",
        {},
        bib=A + entry("annen2010", author="X, Y", title="Annen", doi="https://doi.org/10.1234/ABC", year="2010"),
    ),
    Case("same ISBN", {}, bib=A + entry("annen2010", author="X, Y", title="Annen", isbn="9788205394094", year="2010")),
    Case(
        "same title and year",
        {},
        bib=A + entry("kvale2009b", author="Kvale, S.", title="Det kvalitative Forskningsintervju.", year="2009"),
    ),
]

PASS = [
    Case(
        "different works",
        {},
        bib=A + entry("kvale2015", author="Kvale, Steinar", title="Det kvalitative forskningsintervju", year="2015"),
    ),
    Case(
        "chapters of one book",
        {},
        bib=(
            "@incollection{a2010, author={A, B}, title={Ett}, booktitle={Bok}, publisher={P}, year={2010}, "
            "isbn={978-82-05-39409-4}}\n"
        )
        + (
            "@incollection{c2010, author={C, D}, title={To}, booktitle={Bok}, publisher={P}, year={2010}, "
            "isbn={978-82-05-39409-4}}\n"
        ),
    ),
]


# Real-world shapes (issue 10)
FAIL += [
    Case(
        "braces in one title only",
        {},
        bib=entry("a2019", author="A, B", title="{II}. {E}vent-related potentials", year="2019")
        + entry("b2019", author="A, B", title="{II}. Event-related potentials", year="2019"),
        contains="same title and year",
    ),
]
PASS += [
    Case(
        "classic inbook chapters of one book",
        {},
        bib=entry("c1", author="A, B", title="Boka", chapter="1", publisher="P", year="2010").replace(
            "@book", "@inbook"
        )
        + entry("c2", author="A, B", title="Boka", chapter="2", publisher="P", year="2010").replace("@book", "@inbook"),
    ),
    Case(
        "numbered parts of a series",
        {},
        bib=entry("s1", author="A, B", title="Statistisk årbok", volume="1", isbn="978-82-05-39409-4", year="2010")
        + entry("s2", author="A, B", title="Statistisk årbok", volume="2", isbn="978-82-05-39409-4", year="2010"),
    ),
    Case(
        "ISSNs in the isbn field",
        {},
        bib=entry("j", author="A, B", title="J", isbn="1939-2176(Electronic),0022-0663(Print)", year="2010"),
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
