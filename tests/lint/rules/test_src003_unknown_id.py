"""SRC003: references to records or headings that do not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "SRC003"

QUOTE = '- id: q\n  informant: 1\n  section: a\n  attribution: "1"\n  text: Det er en kjekk jobb.\n'
CHAPTER = '# A {#a}\n\n{{ quote("q") }}\n'
GOOD = {"docs/a.md": CHAPTER, "report/quotes/q.yaml": QUOTE}


FAIL = [
    Case(
        "unknown quote in a chapter",
        {**GOOD, "docs/a.md": CHAPTER.replace('"q"', '"for-sentt"')},
        study=True,
        lines=(3,),
    ),
    Case("ref to no heading", {**GOOD, "docs/b.md": '# B {#b}\n\nSe {{ ref("ingen") }}.\n'}, study=True),
    Case(
        "quote section no heading",
        {**GOOD, "report/quotes/q.yaml": QUOTE.replace("section: a", "section: x")},
        study=True,
    ),
    Case(
        "unknown informant", {**GOOD, "report/quotes/q.yaml": QUOTE.replace("informant: 1", "informant: 9")}, study=True
    ),
]
PASS = [Case("known ids", {**GOOD, "docs/b.md": '# B {#b}\n\nSe {{ ref("a") }}.\n'}, study=True)]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
