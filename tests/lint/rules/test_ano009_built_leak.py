"""ANO009: leaks in the built site and PDFs (author of the synthetic study: Kari Prøvesen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes, pdf_bytes

CODE = "ANO009"
SUB = "build/thesis-submission.pdf"
PUBLIC = "build/thesis.pdf"


def html(body: str) -> dict[str, str]:
    return {"site/index.html": f"<!doctype html><html><head><title>T</title></head><body>{body}</body></html>\n"}


FAIL = [
    Case(
        "author in the submission text",
        {},
        study=True,
        built=True,
        extra={SUB: pdf_bytes("Masteroppgave av Kari Prøvesen", {"Title": "T"})},
        contains="author's name",
    ),
    Case(
        "author in the submission metadata",
        {},
        study=True,
        built=True,
        extra={SUB: pdf_bytes("Kandidat 999", {"Title": "T", "Author": "Kari Prøvesen"})},
        contains="/Author",
    ),
    Case(
        "extra metadata",
        {},
        study=True,
        built=True,
        extra={
            PUBLIC: pdf_bytes("Tekst", {"Title": "T", "Author": "Kari Prøvesen", "SourceFile": "C:/Users/kari/x.docx"})
        },
        contains="/SourceFile",
    ),
    Case(
        "html comment with an e-mail",
        html("<!-- spør kari@uni-eksempel.no --><p>Tekst</p>"),
        study=True,
        built=True,
        contains="comment",
    ),
    Case(
        "html comment naming an informant", html("<!-- informant 3 er lederen --><p>Tekst</p>"), study=True, built=True
    ),
    Case(
        "meta tag with a phone number",
        html('<meta name="contact" content="40612345">'),
        study=True,
        built=True,
        contains="meta",
    ),
]

PASS = [
    Case(
        "clean submission",
        {},
        study=True,
        built=True,
        extra={
            SUB: pdf_bytes(
                "Kandidatnummer 999",
                {"Title": "T", "Author": "Kandidat 999", "Producer": "typst", "CreationDate": "D:20200101120000Z"},
            )
        },
    ),
    Case(
        "author in the public edition",
        {},
        study=True,
        built=True,
        extra={PUBLIC: pdf_bytes("Kari Prøvesen", {"Title": "T", "Author": "Kari Prøvesen"})},
    ),
    Case(
        "harmless comment and meta tags",
        html('<!-- navigation --><meta name="description" content="Om NAV">'),
        study=True,
        built=True,
    ),
    Case(
        "allowed extra key",
        {},
        study=True,
        built=True,
        lint="pdf_metadata: [SourceFile]\n",
        extra={PUBLIC: pdf_bytes("T", {"Title": "T", "SourceFile": "thesis.typ"})},
    ),
    Case("not built", html("<!-- kari@uni-eksempel.no -->"), study=True),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
