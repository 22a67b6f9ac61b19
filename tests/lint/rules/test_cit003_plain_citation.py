"""CIT003: author–year citations typed as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "CIT003"

FAIL = [
    Case(
        "parenthetical with page",
        {"docs/a.md": "Et utvalg (Thagaard, 2013, s. 60–61).\n"},
        contains="[@thagaard2013, s. 60–61]",
    ),
    Case("parenthetical without comma", {"docs/a.md": "Teorien (Opstad 2013) sier.\n"}, contains="[@opstad2013]"),
    Case("narrative", {"docs/a.md": "Bukve (2012) skriver.\n"}, contains="@bukve2012"),
    Case("narrative, unknown author", {"docs/a.md": "Dette viste Mintzberg (1983) tidlig.\n"}),
    Case("narrative with mfl.", {"docs/a.md": "Christensen mfl. (2015) skriver.\n"}),
    Case("several works", {"docs/a.md": "(Bukve, 2012; Thagaard, 2013)\n"}),
    Case("secondary", {"docs/a.md": "(Helgøy og Ravneberg 2003 referert i Helgøy, Kildal og Nilsen 2010, s. 9)\n"}),
    Case("ibid after a name", {"docs/a.md": "Thagaard (ibid) skriver.\n"}),
    Case("wrapped over lines", {"docs/a.md": "(Larsen, Malmberg-Heimonen\nog Johannessen, 2012)\n"}, lines=(1,)),
    Case(
        "in a finding",
        {"report/findings/f.yaml": "id: f\ntitle: F\ntext: Som Bukve (2012) sier.\nsource: s\n"},
        study=True,
    ),
]

PASS = [
    Case("pandoc citations", {"docs/a.md": "Et utvalg [@thagaard2013, s. 60–61] og @bukve2012 [s. 3].\n"}),
    Case("secondary prefix in pandoc", {"docs/a.md": "[Helgøy og Ravneberg 2003 referert i @helgoy2010, s. 9]\n"}),
    Case(
        "official documents",
        {"docs/a.md": "(NOU 2004: 13) og (Lov 2009-12-18 nr. 131) og St.meld. nr. 9 (2006–2007).\n"},
    ),
    Case("dates", {"docs/a.md": "Intervjuene (juni 2017) og (våren 2017) og (2017).\n"}),
    Case(
        "definite nouns with a year",
        {"docs/a.md": "NAV-reformen (2006) og Perspektivmeldinga (2017) og Stortinget (2006).\n"},
    ),
    Case("bare ibid", {"docs/a.md": "Som før (ibid, s. 3).\n"}),
    Case(
        "change record original",
        {
            "report/changes/c.yaml": (
                '- place: a\n  kind: sitering\n  original: "(Thagaard, 2013)"\n  edition: "[@thagaard2013]"\n'
            )
        },
        study=True,
    ),
    Case(
        "figure alt text",
        {"report/figures/f.yaml": 'id: f\ncaption: "F"\nalt: "Modellen, jf. Bukve (2012)."\nkind: graph\n'},
        study=True,
    ),
    Case("code", {"docs/a.md": "`Bukve (2012)`\n"}),
]


# Real-world shape (issue 10): a group author before a year
FAIL += [Case("group author", {"docs/a.md": "Utdanningsdirektoratet (2021) har gitt føringer.\n"})]
PASS += [Case("definite noun referring back", {"docs/a.md": "Da kom Direktoratet (2021) med nye regler.\n"})]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
