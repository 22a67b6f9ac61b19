"""ANO001: e-mail addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "ANO001"

FAIL = [
    Case("in a chapter", {"docs/a.md": "Kontakt: kari.provesen@uni-eksempel.no for spørsmål.\n"}, lines=(1,)),
    Case("in a comment", {"docs/a.md": "<!-- ola@firma.no -->\n"}),
    Case(
        "in a quote record",
        {
            "report/quotes/q.yaml": (
                "- id: q\n  informant: 1\n  section: s\n  attribution: '1'\n  text: Send til ola.n@kommune-x.no.\n"
            )
        },
        study=True,
        lines=(5,),
    ),
    Case("mailto link", {"docs/a.md": "[skriv](mailto:per@vg-test.no)\n"}),
]

PASS = [
    Case("citation keys", {"docs/a.md": "Se [@thagaard2013] og @bukve2012.\n"}),
    Case("example domains", {"docs/a.md": "navn@example.com og a@b.example og x@y.invalid\n"}),
    Case(
        "allow-listed public address",
        {"docs/a.md": "Kontakt personvernombudet@nsd-eksempel.no.\n"},
        lint="allow:\n  - {text: personvernombudet@nsd-eksempel.no, reason: Offentlig adresse til personvernombudet}\n",
    ),
    Case("at sign alone", {"docs/a.md": "Møte @ kontoret, og @@ x.\n"}),
]


def _noted(field: str, value: str) -> str:
    return (
        "@book{thagaard2013,\n  author = {Thagaard, Tove},\n  title = {T},\n  publisher = {P},\n"
        f"  year = {{2013}},\n  {field} = {{{value}}}\n}}\n"
    )


# references.bib is scanned too (its free-text fields)
FAIL += [Case("in a bibliography note", {}, bib=_noted("note", "Sendt fra kari.provesen@uni-eksempel.no"), lines=(6,))]
PASS += [Case("an address in a url field", {}, bib=_noted("url", "https://example.org/a@b.no"))]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
