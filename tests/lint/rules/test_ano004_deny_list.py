"""ANO004: deny list (plain and hashed terms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes
from thesiskit.lint import hash_term

CODE = "ANO004"
SALT = "test-salt"
HASHED = f"deny:\n  salt: {SALT}\n  hashes: ['{hash_term('Kari Prøvesen', SALT)}', '{hash_term('Fjellby', SALT)}']\n"

FAIL = [
    Case("plain term", {"docs/a.md": "Vi møtte Ola Testmann.\n"}, lint="deny:\n  terms: [Ola Testmann]\n", lines=(1,)),
    Case("hashed name", {"docs/a.md": "Hun heter\nKari  Prøvesen.\n"}, lint=HASHED),
    Case("hashed place, other case and punctuation", {"docs/a.md": "Kontoret i FJELLBY.\n"}, lint=HASHED),
    Case(
        "in a quote record",
        {
            "report/quotes/q.yaml": (
                "- id: q\n  informant: 1\n  section: s\n  attribution: '1'\n  text: Fjellby er fint.\n"
            )
        },
        lint=HASHED,
    ),
]

PASS = [
    Case("part of a word", {"docs/a.md": "Fjellbyen og Prøvesens.\n"}, lint=HASHED),
    Case("other names", {"docs/a.md": "Kari Nordby og Fjell.\n"}, lint=HASHED),
    Case("no deny list", {"docs/a.md": "Kari Prøvesen.\n"}),
]


def _noted(field: str, value: str) -> str:
    return (
        "@book{thagaard2013,\n  author = {Thagaard, Tove},\n  title = {T},\n  publisher = {P},\n"
        f"  year = {{2013}},\n  {field} = {{{value}}}\n}}\n"
    )


FAIL += [
    Case(
        "in a bibliography abstract",
        {},
        bib=_noted("abstract", "Intervju med Ola Testmann."),
        lint="deny:\n  terms: [Ola Testmann]\n",
    )
]
PASS += [
    Case("only the free-text fields", {}, bib=_noted("title", "Ola Testmann"), lint="deny:\n  terms: [Ola Testmann]\n")
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)


def test_message_does_not_reveal_the_term(tmp_path: Path) -> None:
    from tests.lint.helpers import run_case

    found = run_case(FAIL[1], CODE, tmp_path)
    assert found and all("Prøvesen" not in f.message for f in found)
