"""ANO005: the pronoun policy (the synthetic study writes about informants as "hun")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "ANO005"


def quote(text: str) -> dict[str, str]:
    return {"report/quotes/q.yaml": f"- id: q\n  informant: 1\n  section: s\n  attribution: '1'\n  text: {text}\n"}


FAIL = [
    Case("informant word", {"docs/a.md": "Informanten sa at han hadde jobbet lenge.\n"}, study=True, lines=(1,)),
    Case("number reference", {"docs/a.md": "Lederen (2) mente at hans kontor var best.\n"}, study=True),
    Case("sentence after", {"docs/a.md": "Informant 4 har lang erfaring. Han kjenner alle.\n"}, study=True),
    Case("in a quote", quote("Lederen min sier at han er fornøyd."), study=True, contains="quote"),
    Case("block quote in a chapter", {"docs/a.md": "> «Jeg tror han vet det.» (3)\n"}, study=True),
    Case(
        "change record about an informant",
        {
            "report/changes/c.yaml": (
                '- place: a\n  kind: anonymitet\n  original: "Han har budsjettansvar"\n  '
                'edition: "Hun har budsjettansvar"\n  note: Gjelder informant 2.\n'
            )
        },
        study=True,
        lines=(3,),
    ),
]

PASS = [
    Case("policy pronoun", {"docs/a.md": "Informanten sa at hun hadde jobbet lenge.\n"}, study=True),
    Case("theorist", {"docs/a.md": "Bukve (2012) mener at han har rett, jf. informantene.\n"}, study=True),
    Case("pandoc citation", {"docs/a.md": "Informantene er enige med @bukve2012 når han skriver dette.\n"}, study=True),
    Case("year in parentheses", {"docs/a.md": "Mintzberg (1983) skrev at han var opptatt av struktur.\n"}, study=True),
    Case(
        "a third person",
        {"docs/a.md": "Hun (2) fortalte at rådmannen har 6 avdelinger han har fokus på.\n"},
        study=True,
    ),
    Case("quote about a client", quote("Jeg har en bruker. Vi vet han har dagpenger."), study=True),
    Case("first name Hans", {"docs/a.md": "Informanten og kollegaen Hans Nilsen.\n"}, study=True),
    Case("quoted as a word", {"docs/a.md": "Informant 5 ble omtalt med «han» i originalen.\n"}, study=True),
    Case("no policy", {"docs/a.md": "Informanten sa at han hadde jobbet lenge.\n"}),
]


# Real-world shape (issue 10): "han" about a third person who is no informant
PASS += [
    Case("third person in a quote", quote("Beboeren kom inn på kontoret, og han ropte til alle."), study=True),
    Case(
        "third person in the sentence before",
        {"docs/a.md": "Informant 2 fortalte om en beboer. Han ropte til alle.\n"},
        study=True,
    ),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
