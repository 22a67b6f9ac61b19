"""A full word alignment of the edition with the submitted text: every deviation has a record.

The alignment (tests/edition/align.py, also a script) lists each stretch where the edition's words
differ from the source's. This test sorts them: a changed pronoun (counted against the anonymity
record), a redaction mark (counted against the redaction records), an «ibid» resolved, a form the
citation style sets (et al., &, page ranges), a figure drawn from its flattened lines, and otherwise
a stretch whose words stand in a change record. Nothing may remain unexplained. The test never
prints a redacted string: a failing deviation is shown with its source line only.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import REPO, SOURCE_TXT
from thesiskit.project import open_project
from thesiskit.records import load_records
from thesiskit.records.schema import Change

from .align import Deviation, deviations, words

RECORDS = load_records(open_project(REPO))
PRONOUNS = {("han", "hun"), ("hans", "hennes"), ("ham", "henne")}
MARKS = {"telefonnummer": "telefonnummer", "epostadresse": "e-postadresse", "lenke": "lenke", "navn": "navn"}
STYLE = re.compile(r"^(?:et al|og|\d+ \d+)$")
MOVED_MIN = 8  # words: a shorter stretch found elsewhere is a coincidence, not a move


def _letters(text: str) -> str:
    return re.sub(r"[^0-9a-zæøå]", "", text.lower())


def _record_text() -> str:
    notes = [f.edition_note or "" for f in RECORDS.figures.values()]  # the edition's own notes on figures
    return " ".join(_letters(f"{c.original or ''} {c.edition} {c.note or ''}") for c in RECORDS.changes) + " ".join(
        _letters(n) for n in notes
    )


def _figure_words() -> set[str]:
    text = " ".join(p.read_text("utf-8") for p in (REPO / "report" / "figures").glob("*.yaml"))
    return set(words(text + (REPO / "report" / "informants.yaml").read_text("utf-8")))


def _marks(d: Deviation) -> list[str] | None:
    """The redaction marks the edition has in place of the source's words, or None if it is not only marks."""
    found = re.findall(r"(\w+) fjernet", d.edition)
    if found and re.sub(r"\w+ fjernet", "", d.edition).strip() == "":
        return found
    return None


def _explained(d: Deviation, records: str, figure: set[str], moved: tuple[str, str]) -> bool:
    if d.source.startswith(("http", "https")) and not d.edition:
        return True  # a link annotation line of the PDF (each kind has a record)
    if len((d.source or d.edition).split()) >= MOVED_MIN and (
        (d.edition and _letters(d.edition) in moved[0]) or (d.source and _letters(d.source) in moved[1])
    ):
        return True  # moved, not changed (the reading order of the NSD letter has a record)
    if d.source == "ibid" or STYLE.match(d.source) or STYLE.match(d.edition):
        return True
    if d.edition == "et al" or d.source.replace(" ", "") == d.edition.replace(" ", ""):
        return True
    src = d.source.split()
    if len(src) > 15 and sum(w in figure for w in src) >= 0.8 * len(src):
        return True  # a figure flattened into lines, drawn again from its records
    if max(len(src), len(d.edition.split())) < 3:
        return bool(_placed(d))  # a word or two: only a record of this very place explains it
    return all(_letters(part) in records for part in (d.source, d.edition) if part)


def _placed(d: Deviation) -> list[Change]:
    """The records whose original holds this stretch with a neighbouring word of the source (for an
    insertion: the words on either side of it), and whose edition gives the edition's words (or a
    citation key, which the citation style renders)."""
    b, a = d.before.split(), d.after.split()
    if d.source:
        keys = [" ".join([*b[-1:], d.source]), " ".join([d.source, *a[:1]])]
    else:
        keys = [" ".join(b[-2:]), " ".join(a[:2]), " ".join([*b[-1:], *a[:1]])]
    found = []
    for c in RECORDS.changes:
        if not c.original or not any(_letters(k) in _letters(c.original) for k in keys):
            continue
        if d.edition and "@" not in c.edition and _letters(d.edition) not in _letters(f"{c.edition} {c.note or ''}"):
            continue
        found.append(c)
    return found


@pytest.mark.skipif(not SOURCE_TXT.is_file(), reason=f"submitted text not found at {SOURCE_TXT}")
def test_every_deviation_found_by_the_alignment_is_recorded(real_build: Path) -> None:
    found = deviations(real_build / "site", SOURCE_TXT)
    pronouns = [d for d in found if (d.source, d.edition) in PRONOUNS]
    pronoun_record = next(c for c in RECORDS.changes if c.kind == "anonymitet" and "pronomen" in c.edition)
    assert len(pronouns) == pronoun_record.count

    marks = Counter(m for d in found for m in (_marks(d) or []))
    for mark, word in MARKS.items():
        record = next(c for c in RECORDS.changes if c.kind == "anonymitet" and f"[{word} fjernet]" in c.edition)
        assert marks[mark] == record.count, mark

    records, figure = _record_text(), _figure_words()
    moved = (_letters(" ".join(d.source for d in found)), _letters(" ".join(d.edition for d in found)))
    rest = [d for d in found if d not in pronouns and _marks(d) is None and not _explained(d, records, figure, moved)]
    assert not rest, [f"thesis.txt:{d.line}" for d in rest]
