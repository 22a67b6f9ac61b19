"""ANO011: anonymity change records give a class and a count only; redacted strings stay out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes, run_case
from thesiskit.lint import hash_term

CODE = "ANO011"
SALT = "test-salt"
REDACTED = hash_term("Ola Testmann", SALT)
DENY = f"deny:\n  salt: {SALT}\n"
CLASS = (
    "- kind: anonymitet\n  count: 2\n  edition: navn er fjernet\n"
    f"  redacted: ['{REDACTED}', '{hash_term('22 33 44 55', SALT)}']\n"
)

FAIL = [
    Case(
        "place and original",
        {
            "report/changes/a.yaml": (
                "- place: motestruktur\n  kind: anonymitet\n  count: 1\n"
                "  original: 'Han trekker frem'\n  edition: 'Hun trekker frem'\n"
            )
        },
        study=True,
        lines=(1, 4),
    ),
    Case(
        "place only, among other records",
        {
            "report/changes/a.yaml": (
                "- place: a\n  kind: tekst\n  original: x\n  edition: y\n"
                "- kind: anonymitet\n  place: b\n  count: 3\n  edition: pronomen rettet\n"
            )
        },
        study=True,
        lines=(6,),
        contains="place",
    ),
    Case(
        "no count",
        {"report/changes/a.yaml": "- kind: anonymitet\n  edition: pronomen rettet\n"},
        study=True,
        contains="count",
    ),
    Case(
        "a chapter repeats a redacted name",
        {"docs/a.md": "Kontaktperson: Ola  Testmann.\n", "report/changes/a.yaml": CLASS},
        lint=DENY,
        lines=(1,),
    ),
    Case(
        "a record repeats a redacted phone number",
        {
            "report/changes/a.yaml": CLASS,
            "report/figures/f.yaml": "id: f\ncaption: 'Ring 22 33 44 55'\nalt: x\nkind: table\n",
        },
        lint=DENY + "  max_words: 4\n",
    ),
]

PASS = [
    Case(
        "class and count",
        {"report/changes/a.yaml": "- kind: anonymitet\n  count: 6\n  edition: pronomen rettet\n  note: jf. regelen\n"},
        study=True,
    ),
    Case(
        "other kinds keep place and original",
        {"report/changes/a.yaml": "- place: a\n  kind: sitering\n  original: (Thagard, 2013)\n  edition: x\n"},
        study=True,
    ),
    Case(
        "redacted strings absent",
        {"docs/a.md": "Kontaktperson: [navn fjernet], Ola Nordmann.\n", "report/changes/a.yaml": CLASS},
        lint=DENY,
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)


def test_message_does_not_repeat_the_redacted_string(tmp_path: Path) -> None:
    found = run_case(FAIL[3], CODE, tmp_path)
    assert found and all("Testmann" not in f.message for f in found)
