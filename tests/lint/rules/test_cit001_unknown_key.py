"""CIT001: citation keys missing from references.bib."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT001"

FAIL = [
    Case("unknown key", {"docs/a.md": "# A\n\nSom vist [@thagard2013, s. 45].\n"}, lines=(3,), contains="thagaard2013"),
    Case("narrative key", {"docs/a.md": "@nobody2010 skriver at …\n"}, lines=(1,)),
    Case("case differs", {"docs/a.md": "Se [@Thagaard2013].\n"}, contains="case-sensitive"),
    Case("second item of a cluster", {"docs/a.md": "Se [@bukve2012; @ukjent1999, s. 3].\n"}, contains="ukjent1999"),
    Case(
        "figure source",
        {"report/figures/f.yaml": 'id: f\ncaption: "F"\nsource: "[@flaa1993]"\nalt: "x"\nkind: graph\n'},
        study=True,
    ),
    Case("no bibliography at all", {"docs/a.md": "Se [@bukve2012].\n"}, bib="", contains="not in"),
]

PASS = [
    Case("known keys", {"docs/a.md": "Se [@thagaard2013, s. 45; @bukve2012] og @opstad2013 [s. 3].\n"}),
    Case("e-mail address", {"docs/a.md": "Skriv til post@example.org.\n"}),
    Case("code and comments", {"docs/a.md": "`[@x2010]`\n\n<!-- [@y2011] -->\n\n```\n@z2012\n```\n"}),
    Case("jinja call", {"docs/a.md": '{{ quote("kjekk-jobb") }}\n'}),
]


# Real-world shapes (issue 10): a citation followed by a colon, Quarto cross-references
FAIL += [
    Case("unknown key before a colon", {"docs/a.md": "Tre funn [@ukjent2010]: først dette.\n"}, contains="@ukjent2010"),
    Case("Quarto cross-reference", {"docs/a.md": "Se @sec-metode.\n"}, contains="Quarto cross-reference"),
]
PASS += [Case("known key before a colon", {"docs/a.md": "Tre funn [@thagaard2013]: først dette.\n"})]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
