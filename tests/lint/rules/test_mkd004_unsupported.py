"""MKD004: a construct only one output shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "MKD004"

FAIL = [
    Case("inline footnote", {"docs/a.md": "Tekst^[En note.] her.\n"}, lines=(1,)),
    Case("fenced div", {"docs/a.md": "Tekst.\n\n::: {.merknad}\nInnhold\n:::\n"}, lines=(3,)),
    Case("raw typst", {"docs/a.md": "```{=typst}\n#pagebreak()\n```\n"}, contains="raw block"),
    Case("subscript", {"docs/a.md": "H~2~O\n"}),
    Case("simple table", {"docs/a.md": "  A     B\n-----  -----\n  1     2\n"}),
    Case("picture from the web", {"docs/a.md": '![Logo](https://example.org/l.png){fig-alt="Logo"}\n'}),
]

PASS = [
    Case("footnote", {"docs/a.md": "Tekst[^1] her.\n\n[^1]: En note.\n"}),
    Case("strike-through", {"docs/a.md": "~~borte~~\n"}),
    Case("pipe table", {"docs/a.md": "| A | B |\n|---|---|\n| 1 | 2 |\n"}),
    Case("in code", {"docs/a.md": "`^[x]` og\n\n```\n:::\n```\n"}),
    Case("citation", {"docs/a.md": "[@berg2015, s. 3]\n"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)

