"""SRC005: heading ids, levels and quotes placed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "SRC005"

QUOTE = '- id: q\n  informant: 1\n  section: a\n  attribution: "1"\n  text: Det er en kjekk jobb.\n'
CHAPTER = '# A {#a}\n\n{{ quote("q") }}\n'
GOOD = {"docs/a.md": CHAPTER, "report/quotes/q.yaml": QUOTE}


FAIL = [
    Case("duplicate heading id", {**GOOD, "docs/b.md": "# B {#a}\n"}, study=True, contains="duplicate heading id"),
    Case("quote used twice", {**GOOD, "docs/b.md": '# B {#b}\n\n{{ quote("q") }}\n'}, study=True),
    Case("quote never used", {**GOOD, "docs/a.md": "# A {#a}\n"}, study=True, contains="not included"),
]
PASS = [Case("placed once", GOOD, study=True)]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
