"""ANO007: informants unique beyond the unavoidable attributes (synthetic informants 1–4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "ANO007"

TWINS = """\
informants:
  - {number: 1, group: A, profile: {rolle: ansatt}, attributes: {Utdanning: Sosionom}}
  - {number: 2, group: A, profile: {rolle: ansatt}, attributes: {Utdanning: Sosionom}}
  - {number: 3, group: A, profile: {rolle: leder}, attributes: {Utdanning: Jurist}}
"""

FAIL = [
    # informants 3 and 4 share rolle=ansatt and styringslinje=statlig; only the group separates them
    Case("group", {}, study=True, contains="informant 3 is unique on Tilhørighet=Kontor A"),
    Case(
        "tenure in a quote",
        {
            "report/informants.yaml": TWINS,
            "report/quotes/q.yaml": (
                "- id: q\n  informant: 1\n  section: s\n  attribution: '1'\n  text: Jeg har jobbet her i 17 år.\n"
            ),
        },
        study=True,
        contains="15–19 år",
    ),
    Case(
        "tenure in the text",
        {"report/informants.yaml": TWINS, "docs/a.md": "Informant 2 har vært ansatt i 23 år.\n"},
        study=True,
        contains="20–24 år",
    ),
    Case(
        "tenure at the study's workplace",
        {"report/informants.yaml": TWINS, "docs/a.md": "Informant 2 har 23 år i Fjellverket bak seg.\n"},
        study=True,
        lint="informants:\n  workplaces: [Fjellverket]\n",
        contains="20–24 år",
    ),
]

PASS = [
    Case("twins", {"report/informants.yaml": TWINS}, study=True),
    Case(
        "unique on unavoidable attributes only",
        {"report/informants.yaml": TWINS.replace("{Utdanning: Jurist}", "{Utdanning: Sosionom}")},
        study=True,
    ),
    Case("no informants", {"docs/a.md": "Tekst.\n"}),
    Case(
        "a workplace the study does not name",
        {"report/informants.yaml": TWINS, "docs/a.md": "Informant 2 har 23 år i Fjellverket bak seg.\n"},
        study=True,
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
