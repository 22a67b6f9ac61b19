"""CIT009: ibid."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT009"

FAIL = [
    Case("plain", {"docs/a.md": "Som før (ibid, s. 224).\n"}, lines=(1,)),
    Case("capitalised with dot", {"docs/a.md": "Ibid. sier det samme.\n"}),
    Case("in a pandoc citation", {"docs/a.md": "[ibid, se @bukve2012]\n"}),
]

PASS = [
    Case("quoted as a word", {"docs/a.md": "«ibid» er erstattet med henvisningen.\n"}),
    Case(
        "quote attribution",
        {"report/quotes/q.yaml": "- id: q\n  informant: 1\n  section: s\n  attribution: Ibid\n  text: Det er fint.\n"},
        study=True,
    ),
    Case(
        "change record",
        {
            "report/changes/c.yaml": (
                '- place: a\n  kind: sitering\n  original: "(ibid)"\n  edition: '
                '"[@bukve2012]"\n  note: ibid er erstattet\n'
            )
        },
        study=True,
    ),
    Case("word containing it", {"docs/a.md": "ibidum\n"}),
]


# Real-world shape (issue 10): the word only mentioned
PASS += [
    Case("the word named", {"docs/a.md": "Der originalen har ordet ibid, står nå kilden.\n"}),
    Case("the word emphasised", {"docs/a.md": "APA 7 har ikke *ibid*.\n"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
