"""LNT002: suppressions that suppress nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes, make_study
from thesiskit.lint import LintOptions, lint_project

CODE = "LNT002"

FAIL = [
    Case(
        "nothing to suppress",
        {"docs/a.md": '<!-- thesis: ignore ANO006 reason="Byen er kjent" -->\nIngen steder her.\n'},
        lines=(1,),
        also=("ANO006",),
    ),
]

PASS = [
    Case(
        "used",
        {"docs/a.md": '<!-- thesis: ignore ANO006 reason="Byen er kjent" -->\nVi var i Drammen.\n'},
        also=("ANO006",),
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)


def test_rules_that_did_not_run_are_not_reported(tmp_path: Path) -> None:
    root = make_study(tmp_path, {"docs/a.md": '<!-- thesis: ignore ANO009 reason="bygget" -->\nTekst.\n'})
    assert not lint_project(root, LintOptions(select=("LNT002", "ANO")))
