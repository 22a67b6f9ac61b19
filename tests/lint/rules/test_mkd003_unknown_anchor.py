"""MKD003: a link or ref() to an id no page has."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "MKD003"

FAIL = [
    Case("link to a missing id", {"docs/a.md": "# A {#a}\n\nSe [metoden](#metoden).\n"}, lines=(3,)),
    Case("link to another page's missing id", {"docs/a.md": "Se [b](b.md#nei).\n", "docs/b.md": "# B {#b}\n"}),
]

PASS = [
    Case("link to a heading on another page", {"docs/a.md": "Se [b](#b).\n", "docs/b.md": "# B {#b}\n"}),
    Case("ref to a heading", {"docs/a.md": '# A {#a}\n\nSe {{ ref("a") }}.\n'}),
    Case("link to a table id", {"docs/a.md": "| a |\n|---|\n| 1 |\n\n: Tall {#tbl-tall}\n\nSe [t](#tbl-tall).\n"}),
    Case("footnote and reference ids", {"docs/a.md": "Se [x](#ref-berg2015) og [y](#fn:1).\n"}),
    Case("in code", {"docs/a.md": "`[x](#nei)`\n"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)

