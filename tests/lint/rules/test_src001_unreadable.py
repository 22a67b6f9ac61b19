"""SRC001: sources the build cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "SRC001"

QUOTE = '- id: q\n  informant: 1\n  section: a\n  attribution: "1"\n  text: Det er en kjekk jobb.\n'
CHAPTER = '# A {#a}\n\n{{ quote("q") }}\n'
GOOD = {"docs/a.md": CHAPTER, "report/quotes/q.yaml": QUOTE}


FAIL = [
    Case("YAML syntax", {**GOOD, "report/quotes/q.yaml": QUOTE.replace("informant: 1", "informant: [1")}, study=True),
    Case(
        "nav names a missing file",
        {**GOOD, "mkdocs.yml": "site_name: T\nnav:\n  - mangler.md\n"},
        study=True,
        lines=(3,),
    ),
]
PASS = [Case("readable", GOOD, study=True), Case("no report folder", {"docs/a.md": "# A\n"})]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
