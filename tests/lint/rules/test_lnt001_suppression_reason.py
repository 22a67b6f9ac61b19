"""LNT001: suppressions need a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes, make_study
from thesiskit.lint import LintOptions, lint_project

CODE = "LNT001"

FAIL = [
    Case("no reason", {"docs/a.md": "<!-- thesis: ignore ANO006 -->\nI Drammen.\n"}, lines=(1,), contains="reason"),
    Case("empty reason", {"docs/a.md": '<!-- thesis: ignore ANO006 reason="" -->\nI Drammen.\n'}),
    Case("unreadable", {"docs/a.md": "<!-- thesis: ignroe ANO006 -->\n"}, contains="cannot read"),
    Case("unknown code", {"docs/a.md": '<!-- thesis: ignore XYZ999 reason="test" -->\nTekst.\n'}, contains="unknown"),
    Case(
        "yaml without reason",
        {
            "report/quotes/q.yaml": (
                "# thesis: ignore ANO006\n- id: q\n  informant: 1\n  section: s\n  attribution: '1'\n  text: x\n"
            )
        },
        study=True,
    ),
]

PASS = [
    Case(
        "with a reason", {"docs/a.md": '<!-- thesis: ignore ANO006 reason="Byen er offentlig kjent" -->\nI Drammen.\n'}
    ),
    Case(
        "several codes", {"docs/a.md": '<!-- thesis: ignore ANO006, CIT003 reason="Sitat fra kilden" -->\nI Drammen.\n'}
    ),
    Case("ordinary comment", {"docs/a.md": "<!-- TODO: sjekk -->\n"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)


def test_suppression_with_reason_works_and_without_does_not(tmp_path: Path) -> None:
    text = (
        '<!-- thesis: ignore ANO006 reason="Byen er offentlig kjent" -->\nVi var i Drammen.\n\n'
        "<!-- thesis: ignore ANO006 -->\nVi var i Drammen.\n\n"
        'Vi var i Drammen. <!-- thesis: ignore ANO006 reason="samme linje" -->\n\n'
        "Vi var i Drammen.\n"
    )
    root = make_study(tmp_path, {"docs/a.md": text})
    found = lint_project(root, LintOptions(select=("ANO006", "LNT")))
    assert [(f.rule, f.line) for f in found] == [("LNT001", 4), ("ANO006", 5), ("ANO006", 9)]


def test_yaml_suppression_covers_the_next_node(tmp_path: Path) -> None:
    quotes = (
        '# thesis: ignore ANO006 reason="Byen er offentlig kjent"\n'
        "- id: q\n  informant: 1\n  section: s\n  attribution: '1'\n  text: |-\n    Vi var i Drammen.\n"
        "- id: r\n  informant: 2\n  section: s\n  attribution: '2'\n  text: Vi var i Drammen.\n"
    )
    root = make_study(tmp_path, {"report/quotes/q.yaml": quotes}, study=True)
    found = lint_project(root, LintOptions(select=("ANO006",)))
    assert [f.line for f in found] == [12]
