"""SRC002: records that do not match their schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "SRC002"

QUOTE = '- id: q\n  informant: 1\n  section: a\n  attribution: "1"\n  text: Det er en kjekk jobb.\n'
CHAPTER = '# A {#a}\n\n{{ quote("q") }}\n'
GOOD = {"docs/a.md": CHAPTER, "report/quotes/q.yaml": QUOTE}


FAIL = [
    Case("wrong type", {**GOOD, "report/quotes/q.yaml": QUOTE.replace("informant: 1", "informant: fire")}, study=True),
    Case("duplicate id", {**GOOD, "report/quotes/r.yaml": QUOTE}, study=True, contains="duplicate id"),
]
PASS = [Case("valid", GOOD, study=True)]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
