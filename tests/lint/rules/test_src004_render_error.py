"""SRC004: Jinja that fails to render."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "SRC004"

QUOTE = '- id: q\n  informant: 1\n  section: a\n  attribution: "1"\n  text: Det er en kjekk jobb.\n'
CHAPTER = '# A {#a}\n\n{{ quote("q") }}\n'
GOOD = {"docs/a.md": CHAPTER, "report/quotes/q.yaml": QUOTE}


FAIL = [
    Case("syntax error", {**GOOD, "docs/b.md": '# B {#b}\n\n{{ quote("q" }}\n'}, study=True, lines=(3,)),
    Case("undefined name", {**GOOD, "docs/b.md": '# B {#b}\n\n{{ qoute("q") }}\n'}, study=True, lines=(3,)),
]
PASS = [Case("renders", GOOD, study=True)]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
