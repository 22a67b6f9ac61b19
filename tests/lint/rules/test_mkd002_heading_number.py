"""MKD002: a hand-typed heading number."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "MKD002"

FAIL = [
    Case("two levels", {"docs/a.md": "# Metode {#metode}\n\n## 2.1 Utvalg {#utvalg}\n"}, lines=(3,)),
    Case("with a dot", {"docs/a.md": "# 3. Metode {#metode}\n"}, lines=(1,)),
    Case("one number", {"docs/a.md": "# 4 Funn\n"}, contains="hand-typed"),
]

PASS = [
    Case("unnumbered", {"docs/a.md": "### 1. Innledende spørsmål {#sp .unnumbered}\n"}),
    Case("pandoc shorthand", {"docs/a.md": "### 1. Innledende spørsmål {#sp -}\n"}),
    Case("a year", {"docs/a.md": "## 2019-reformen {#reform}\n"}),
    Case("plain heading", {"docs/a.md": "## Utvalg {#utvalg}\n"}),
    Case("in code", {"docs/a.md": "```\n## 2.1 Utvalg\n```\n"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)

